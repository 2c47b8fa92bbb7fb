/**
 * The scheduler on a fake clock, posting through the real Web API client to the fake Slack on
 * loopback and recording in a real state folder: fire times across daylight-saving changes,
 * restarts, and Slack's errors.
 */
import { mkdtempSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { webApi } from "@slack/bolt";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DigestConfig } from "../../src/digest/env.ts";
import { JsonDigestStore } from "../../src/digest/json-store.ts";
import { slackPoster } from "../../src/digest/poster.ts";
import { createDigestService, type DigestService } from "../../src/digest/service.ts";
import type { Subscription } from "../../src/digest/subscriptions.ts";
import { bundledKb } from "../helpers/knowledge.ts";
import { FakeSlack } from "../slack/fake-slack.ts";
import { MemoryLogger } from "../slack/helpers.ts";
import { FakeClock } from "./fake-clock.ts";

const TZ = "America/Toronto";
const CHANNEL = "C0DESK";
const SUBSCRIBER = "U0SUBSCRIBER";
const TOKEN = "xoxb-digest-test";

let fake: FakeSlack;
let state: string;
const running: DigestService[] = [];

beforeEach(async () => {
  fake = new FakeSlack();
  await fake.start();
  state = mkdtempSync(join(tmpdir(), "tariff-desk-digest-state-"));
});

afterEach(async () => {
  for (const s of running.splice(0)) s.scheduler.stop();
  await fake.close();
});

function config(fixed: Subscription[] = []): DigestConfig {
  return {
    defaults: { time: "08:00", timeZone: TZ, skipEmpty: false },
    channels: fixed,
    stateDir: state,
  };
}

/** A bot process: its own store object on the shared state folder, its own scheduler. */
function bot(clock: FakeClock, opts: { fixed?: Subscription[]; fetch?: typeof fetch } = {}) {
  const log = new MemoryLogger();
  const client = new webApi.WebClient(TOKEN, {
    slackApiUrl: fake.apiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    logLevel: webApi.LogLevel.ERROR,
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
  });
  const service = createDigestService({
    kb: bundledKb(),
    config: config(opts.fixed),
    log,
    clock,
    slack: { poster: slackPoster(client, clock) },
    store: new JsonDigestStore(state, (m) => log.warn(m)),
  });
  running.push(service);
  const settle = () => service.scheduler.idle();
  return { service, log, settle, store: service.store };
}

async function subscribe(at: string, by = SUBSCRIBER): Promise<void> {
  await new JsonDigestStore(state).putChannel({
    channel: CHANNEL,
    subscription: { time: "08:00", timeZone: TZ, skipEmpty: false, by, since: at },
  });
}

const digestPosts = () =>
  fake.callsTo("chat.postMessage").filter((c) => c.params.channel === CHANNEL);

describe("digest scheduler", () => {
  it("fires at 08:00 Toronto time on both sides of the November change", async () => {
    await subscribe("2025-10-01T00:00:00Z");
    const clock = new FakeClock("2025-11-01T06:00-04:00");
    const { service, settle, store } = bot(clock);
    await service.scheduler.start();
    expect(digestPosts()).toHaveLength(0);
    await clock.advanceTo("2025-11-03T06:00-05:00", settle);
    expect(digestPosts()).toHaveLength(2);
    expect((await store.wasPosted(CHANNEL, "2025-11-01"))?.at).toBe("2025-11-01T12:00:00.000Z");
    expect((await store.wasPosted(CHANNEL, "2025-11-02"))?.at).toBe("2025-11-02T13:00:00.000Z");
    const blocks = (digestPosts()[1]?.params.blocks ?? []) as { text?: { text: string } }[];
    const header = blocks[0];
    expect(header?.text?.text).toBe("Tariff Desk digest for Sunday, November 2, 2025");
  });

  it("fires at 08:00 Toronto time on both sides of the March change", async () => {
    await subscribe("2025-01-01T00:00:00Z");
    const clock = new FakeClock("2025-03-08T06:00-05:00");
    const { service, settle, store } = bot(clock);
    await service.scheduler.start();
    await clock.advanceTo("2025-03-10T06:00-04:00", settle);
    expect(digestPosts()).toHaveLength(2);
    expect((await store.wasPosted(CHANNEL, "2025-03-08"))?.at).toBe("2025-03-08T13:00:00.000Z");
    expect((await store.wasPosted(CHANNEL, "2025-03-09"))?.at).toBe("2025-03-09T12:00:00.000Z");
  });

  it("a restart at 08:30 posts the missed digest once; restarts after that post nothing", async () => {
    await subscribe("2025-10-01T00:00:00Z");
    const first = bot(new FakeClock("2025-10-06T08:30-04:00"));
    await first.service.scheduler.start();
    expect(digestPosts()).toHaveLength(1);
    first.service.scheduler.stop();

    for (const at of ["2025-10-06T08:45-04:00", "2025-10-06T23:59-04:00"]) {
      const again = bot(new FakeClock(at));
      await again.service.scheduler.start();
      again.service.scheduler.stop();
    }
    expect(digestPosts()).toHaveLength(1);
    const next = bot(new FakeClock("2025-10-07T08:00-04:00"));
    await next.service.scheduler.start();
    expect(digestPosts()).toHaveLength(2);
  });

  it("the next digest lists what is new since the last one, not the same articles again", async () => {
    await subscribe("2025-09-01T00:00:00Z");
    const clock = new FakeClock("2025-10-06T08:00-04:00");
    const { service, settle, store } = bot(clock);
    await service.scheduler.start();
    await clock.advanceTo("2025-10-07T08:00-04:00", settle);
    const day1 = await store.wasPosted(CHANNEL, "2025-10-06");
    const day2 = await store.wasPosted(CHANNEL, "2025-10-07");
    expect(day1?.articleIds).toEqual(["2025-10-06-carney-white-house-tariff-relief"]);
    expect(day2?.articleIds).toEqual([]);
    expect(JSON.stringify(digestPosts()[1]?.params.blocks)).toContain(
      "No new coverage since Oct 6, 2025, 8:00 a.m. EDT.",
    );
  });

  it("does not post again a day whose post a crash left unrecorded, and says so", async () => {
    await subscribe("2025-10-01T00:00:00Z");
    await new JsonDigestStore(state).claim({
      channel: CHANNEL,
      localDate: "2025-10-06",
      state: "claimed",
      at: "2025-10-06T12:00:00.000Z",
      articleIds: [],
      by: "scheduler",
    });
    const { service, log } = bot(new FakeClock("2025-10-06T08:30-04:00"));
    await service.scheduler.start();
    expect(digestPosts()).toHaveLength(0);
    expect(log.has("WARN", "stopped while posting it")).toBe(true);
  });

  it("posts DIGEST_CHANNELS subscriptions without any stored setting", async () => {
    const fixed: Subscription = {
      channel: "C0FIXED",
      source: "env",
      time: "07:15",
      timeZone: "Europe/Paris",
      skipEmpty: false,
    };
    const { service, store } = bot(new FakeClock("2025-10-06T07:20+02:00"), { fixed: [fixed] });
    await service.scheduler.start();
    expect(fake.callsTo("chat.postMessage").map((c) => c.params.channel)).toEqual(["C0FIXED"]);
    expect((await store.wasPosted("C0FIXED", "2025-10-06"))?.state).toBe("posted");
  });

  it("skips an empty day for a channel that asked to, and records it", async () => {
    await new JsonDigestStore(state).putChannel({
      channel: CHANNEL,
      subscription: { time: "08:00", timeZone: TZ, skipEmpty: true, since: "2026-01-01T00:00:00Z" },
    });
    const { service, store } = bot(new FakeClock("2026-11-21T09:00-05:00"));
    await service.scheduler.start();
    expect(digestPosts()).toHaveLength(0);
    expect((await store.wasPosted(CHANNEL, "2026-11-21"))?.state).toBe("skipped");
  });
});

describe("digest scheduler: Slack errors", () => {
  it("not_in_channel keeps the subscription, tells the subscriber once, and posts once invited", async () => {
    await subscribe("2025-10-01T00:00:00Z");
    fake.failWith.set("chat.postMessage", (p) =>
      p.channel === CHANNEL ? "not_in_channel" : undefined,
    );
    const clock = new FakeClock("2025-10-06T08:00-04:00");
    const { service, settle, store, log } = bot(clock);
    await service.scheduler.start();
    await clock.advanceTo("2025-10-06T10:30-04:00", settle); // two hourly retries
    const dms = fake.callsTo("chat.postMessage").filter((c) => c.params.channel === SUBSCRIBER);
    expect(dms).toHaveLength(1);
    expect(String(dms[0]?.params.text)).toContain("Invite it with `/invite @Tariff Desk`");
    expect(digestPosts()).toHaveLength(3);
    expect((await store.getChannel(CHANNEL))?.subscription).toBeDefined();
    expect((await store.getChannel(CHANNEL))?.paused).toBeUndefined();
    expect(await store.wasPosted(CHANNEL, "2025-10-06")).toBeUndefined();
    expect(log.has("WARN", "not_in_channel")).toBe(true);

    fake.failWith.delete("chat.postMessage");
    await clock.advanceTo("2025-10-06T11:30-04:00", settle);
    expect((await store.wasPosted(CHANNEL, "2025-10-06"))?.state).toBe("posted");
    await clock.advanceTo("2025-10-06T20:00-04:00", settle);
    expect(digestPosts()).toHaveLength(4);
  });

  it("ratelimited waits for Retry-After and posts once", async () => {
    await subscribe("2025-10-01T00:00:00Z");
    let limited = 1;
    fake.rateLimit.set("chat.postMessage", () => (limited-- > 0 ? 7 : undefined));
    const clock = new FakeClock("2025-10-06T08:05-04:00");
    const { service, store } = bot(clock);
    await service.scheduler.start();
    expect(clock.sleeps).toEqual([7000]);
    expect(digestPosts()).toHaveLength(2); // the refused call and the accepted one
    expect((await store.wasPosted(CHANNEL, "2025-10-06"))?.state).toBe("posted");
  });

  it("retries a refused connection with backoff, then posts", async () => {
    await subscribe("2025-10-01T00:00:00Z");
    // A loopback port nobody listens on: the first request is refused, as when Slack is unreachable.
    const closed = await unusedPort();
    let calls = 0;
    const flaky: typeof fetch = (url, init) =>
      calls++ === 0
        ? fetch(String(url).replace(`:${fake.port}/`, `:${closed}/`), init)
        : fetch(url, init);
    const clock = new FakeClock("2025-10-06T08:05-04:00");
    const { service, store } = bot(clock, { fetch: flaky });
    await service.scheduler.start();
    expect(clock.sleeps).toEqual([2000]);
    expect(digestPosts()).toHaveLength(1);
    expect((await store.wasPosted(CHANNEL, "2025-10-06"))?.state).toBe("posted");
  });

  it("does not retry when the connection drops after sending: it may have posted", async () => {
    await subscribe("2025-10-01T00:00:00Z");
    const dropper = await droppingServer();
    try {
      const dropping: typeof fetch = (url, init) =>
        fetch(String(url).replace(`:${fake.port}/`, `:${dropper.port}/`), init);
      const clock = new FakeClock("2025-10-06T08:05-04:00");
      const { service, settle, store, log } = bot(clock, { fetch: dropping });
      await service.scheduler.start();
      await clock.advanceTo("2025-10-06T12:00-04:00", settle);
      expect(dropper.requests()).toBe(1);
      expect((await store.wasPosted(CHANNEL, "2025-10-06"))?.state).toBe("claimed");
      expect(log.has("ERROR", "it may have been posted")).toBe(true);
    } finally {
      await dropper.close();
    }
  });

  it("channel_not_found pauses the subscription and logs it", async () => {
    await subscribe("2025-10-01T00:00:00Z");
    fake.failWith.set("chat.postMessage", () => "channel_not_found");
    const clock = new FakeClock("2025-10-06T08:00-04:00");
    const { service, settle, store, log } = bot(clock);
    await service.scheduler.start();
    await clock.advanceTo("2025-10-08T09:00-04:00", settle);
    expect(digestPosts()).toHaveLength(1);
    expect((await store.getChannel(CHANNEL))?.paused?.reason).toBe("channel_not_found");
    expect((await store.getChannel(CHANNEL))?.subscription).toBeDefined();
    expect(log.has("WARN", "channel_not_found; the subscription is paused")).toBe(true);
  });
});

async function unusedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

/** A TCP server that reads a request and hangs up without answering. */
async function droppingServer(): Promise<{
  port: number;
  requests(): number;
  close(): Promise<void>;
}> {
  let n = 0;
  const server: Server = createServer((socket) => {
    socket.once("data", () => {
      n++;
      socket.destroy();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    port: (server.address() as AddressInfo).port,
    requests: () => n,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
