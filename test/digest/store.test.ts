/** The embedded store on a real temp folder: exclusive claims, atomic files, crash leftovers. */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { JsonDigestStore } from "../../src/digest/json-store.ts";
import type { PostRecord } from "../../src/digest/store.ts";

const stateDir = () => mkdtempSync(join(tmpdir(), "tariff-desk-state-"));

const record = (over: Partial<PostRecord> = {}): PostRecord => ({
  channel: "C0DESK",
  localDate: "2025-11-02",
  state: "claimed",
  at: "2025-11-02T13:00:00.000Z",
  articleIds: ["a", "b"],
  by: "scheduler",
  ...over,
});

describe("JsonDigestStore", () => {
  it("lets exactly one of two stores on the same folder claim a channel's day", async () => {
    const dir = stateDir();
    const a = new JsonDigestStore(dir);
    const b = new JsonDigestStore(dir);
    expect(await a.claim(record())).toBe(true);
    expect(await b.claim(record({ by: "cli" }))).toBe(false);
    expect((await b.wasPosted("C0DESK", "2025-11-02"))?.by).toBe("scheduler");
    expect(await b.claim(record({ localDate: "2025-11-03" }))).toBe(true);
  });

  it("records the outcome, finds the last day, and frees a released claim", async () => {
    const store = new JsonDigestStore(stateDir());
    await store.claim(record());
    await store.recordPosted(record({ state: "posted", ts: "1.2" }));
    await store.claim(record({ localDate: "2025-11-03" }));
    expect(await store.lastPosted("C0DESK")).toMatchObject({ localDate: "2025-11-03" });
    await store.release("C0DESK", "2025-11-03");
    expect(await store.wasPosted("C0DESK", "2025-11-03")).toBeUndefined();
    expect(await store.lastPosted("C0DESK")).toMatchObject({ state: "posted", ts: "1.2" });
    expect(await store.lastPosted("C0OTHER")).toBeUndefined();
  });

  it("keeps channel settings, and removes a record with nothing left in it", async () => {
    const dir = stateDir();
    const store = new JsonDigestStore(dir);
    expect(await store.listChannels()).toEqual([]);
    expect(existsSync(join(dir, "digest"))).toBe(false); // nothing written, nothing made
    const subscription = {
      time: "07:30",
      timeZone: "Europe/Paris",
      skipEmpty: true,
      by: "U0ED",
      since: "2025-11-01T10:00:00.000Z",
    };
    await store.putChannel({ channel: "C0DESK", subscription });
    expect(await new JsonDigestStore(dir).listChannels()).toEqual([
      { channel: "C0DESK", subscription },
    ]);
    await store.putChannel({ channel: "C0DESK" });
    expect(await store.listChannels()).toEqual([]);
    expect(readdirSync(join(dir, "digest", "channels"))).toEqual([]);
  });

  it("ignores a temp file left by a crash, and sweeps it once it is stale", async () => {
    const dir = stateDir();
    const store = new JsonDigestStore(dir);
    await store.putChannel({ channel: "C0DESK", paused: { reason: "x", at: "t" } });
    const channels = join(dir, "digest", "channels");
    const leftover = join(channels, ".C0DESK.json.4242.deadbeef.tmp");
    writeFileSync(leftover, '{"channel": "C0DESK", "subscrip');
    expect(await new JsonDigestStore(dir).getChannel("C0DESK")).toEqual({
      channel: "C0DESK",
      paused: { reason: "x", at: "t" },
    });
    expect(existsSync(leftover)).toBe(true); // young: may be a write in progress
    const old = new Date(Date.now() - 3_600_000);
    utimesSync(leftover, old, old);
    new JsonDigestStore(dir);
    expect(existsSync(leftover)).toBe(false);
  });

  it("moves an unreadable channel file aside and says so", async () => {
    const dir = stateDir();
    const problems: string[] = [];
    const store = new JsonDigestStore(dir, (m) => problems.push(m));
    const path = join(dir, "digest", "channels", "C0DESK.json");
    mkdirSync(join(dir, "digest", "channels"), { recursive: true });
    writeFileSync(path, '{"channel": "C0DESK", "subscription": {"time": "08:');
    expect(await store.listChannels()).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/C0DESK\.json was unreadable; moved it to .*unreadable-/);
    expect(existsSync(path)).toBe(false);
    await store.putChannel({ channel: "C0DESK", paused: { reason: "x", at: "t" } });
    expect((await store.getChannel("C0DESK"))?.paused?.reason).toBe("x");
  });

  it("counts an unreadable day file as posted, so the day is never posted twice", async () => {
    const dir = stateDir();
    const problems: string[] = [];
    const store = new JsonDigestStore(dir, (m) => problems.push(m));
    mkdirSync(join(dir, "digest", "posts", "C0DESK"), { recursive: true });
    writeFileSync(join(dir, "digest", "posts", "C0DESK", "2025-11-02.json"), '{"chan');
    expect(await store.wasPosted("C0DESK", "2025-11-02")).toMatchObject({ state: "claimed" });
    expect(await store.claim(record())).toBe(false);
    expect(problems[0]).toMatch(/counting 2025-11-02 as posted in C0DESK/);
  });

  it("writes whole JSON files and keeps the last 60 days", async () => {
    const dir = stateDir();
    const store = new JsonDigestStore(dir);
    for (let d = 1; d <= 62; d++) {
      const day = new Date(Date.UTC(2025, 0, d)).toISOString().slice(0, 10);
      await store.claim(record({ localDate: day }));
      await store.recordPosted(record({ localDate: day, state: "posted", ts: String(d) }));
    }
    const files = readdirSync(join(dir, "digest", "posts", "C0DESK"));
    expect(files).toHaveLength(60);
    expect(files.sort()[0]).toBe("2025-01-03.json");
    const last = JSON.parse(
      readFileSync(join(dir, "digest", "posts", "C0DESK", "2025-03-03.json"), "utf8"),
    );
    expect(last).toMatchObject({ state: "posted", ts: "62" });
  });

  it("refuses a channel id that is not one", async () => {
    const store = new JsonDigestStore(stateDir());
    await expect(store.getChannel("../etc")).rejects.toThrow(/not a Slack channel id/);
    await expect(store.claim(record({ channel: "general" }))).rejects.toThrow(
      /not a Slack channel id/,
    );
  });
});
