/**
 * `digest` through the real CLI entry in child processes: printing a window, and posting through
 * the Web API to the fake Slack on loopback, once a day however often (or however concurrently)
 * it is run. Children run asynchronously so this process's fake Slack can answer them.
 */
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Digest } from "../../src/digest/types.ts";
import { type CliResult, cleanEnv, cli, json } from "../helpers/cli.ts";
import { PROJECT } from "../helpers/knowledge.ts";
import { FakeSlack } from "../slack/fake-slack.ts";

const EXAMPLE = ["--now", "2025-10-06T12:00-04:00", "--since", "2025-09-10"];

function cliAsync(args: string[], env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", join(PROJECT, "src/cli/main.ts"), ...args],
      { cwd: PROJECT, env: { ...cleanEnv(), ...env } },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("cli: digest", () => {
  it("prints the example window: Sept. 17 and Oct. 6, and the Oct. 7 meeting as upcoming", () => {
    const r = cli(["digest", ...EXAMPLE]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("Tariff Desk digest for Monday, October 6, 2025");
    expect(r.stdout).toMatch(
      /Upcoming \(next 7 days\):\n• Prime Minister Mark Carney will sit down/,
    );
    expect(r.stdout).toContain("(Tue Oct. 7, 2025)");
    expect(r.stdout).not.toContain("Technical");
  });

  it("prints only the digest as JSON with --json", () => {
    const d = json<Digest>(cli(["digest", ...EXAMPLE, "--json"]));
    expect(d.articleIds).toEqual([
      "2025-10-06-carney-white-house-tariff-relief",
      "2025-09-17-little-progress-trade-talks",
    ]);
    expect(d.window).toEqual({
      since: "2025-09-10T04:00:00.000Z",
      now: "2025-10-06T16:00:00.000Z",
      timeZone: "America/Toronto",
      firstDay: "2025-09-10",
      lastDay: "2025-10-06",
    });
    expect(d.sections).toEqual(["articles", "tariffs", "upcoming", "quotes"]);
    expect(d.freshness).toEqual({ articles: 5, newest: "2025-10-06" });
  });

  it("defaults to the 24 hours before --now, read in --tz or DIGEST_TZ", () => {
    const d = json<Digest>(cli(["digest", "--now", "2025-10-07T06:00-04:00", "--json"]));
    expect(d.articleIds).toEqual(["2025-10-06-carney-white-house-tariff-relief"]);
    expect(d.window.since).toBe("2025-10-06T10:00:00.000Z");
    const paris = json<Digest>(
      cli(["digest", "--now", "2025-10-07T06:00-04:00", "--json"], { DIGEST_TZ: "Asia/Tokyo" }),
    );
    expect(paris.window.timeZone).toBe("Asia/Tokyo");
    expect(paris.window.firstDay).toBe("2025-10-06");
    expect(paris.window.lastDay).toBe("2025-10-07");
  });

  it("names a bad --since", () => {
    const since = cli(["digest", "--since", "last week"]);
    expect(since.code).toBe(2);
    expect(since.stderr).toMatch(/^--since must be a date \(2025-09-10\)/);
    const order = cli(["digest", "--now", "2025-10-06", "--since", "2025-10-07"]);
    expect(order.stderr).toMatch(/^--since \(2025-10-07\) must be before --now/);
  });

  it("names a bad --tz, --channel or --post", () => {
    expect(cli(["digest", "--tz", "Toronto"]).stderr).toMatch(
      /^--tz must be an IANA time zone such as America\/Toronto, not "Toronto"/,
    );
    expect(cli(["digest", "--post"]).stderr).toMatch(/^--post needs --channel ID/);
    expect(cli(["digest", "--channel", "#desk"]).stderr).toMatch(/^--channel must be a Slack/);
  });

  it("names a bad DIGEST_* variable in one line", () => {
    const env = cli(["digest"], { DIGEST_TZ: "Nowhere/Land" });
    expect(env.code).toBe(1);
    expect(env.stderr.trim()).toBe(
      'DIGEST_TZ must be an IANA time zone such as America/Toronto, not "Nowhere/Land"',
    );
  });
});

describe("cli: digest --post", () => {
  let fake: FakeSlack;
  let env: Record<string, string>;

  beforeAll(async () => {
    fake = new FakeSlack();
    await fake.start();
  });
  afterAll(async () => {
    await fake.close();
  });
  beforeEach(() => {
    fake.calls.length = 0;
    fake.failWith.clear();
    env = {
      SLACK_BOT_TOKEN: "xoxb-cli-digest-test",
      SLACK_API_URL: fake.apiUrl,
      TARIFF_DESK_STATE: mkdtempSync(join(tmpdir(), "tariff-desk-cli-state-")),
    };
  });

  const post = (extra: string[] = []) =>
    cliAsync(
      ["digest", "--post", "--channel", "C0DESK", "--now", "2025-10-06T12:00-04:00", ...extra],
      env,
    );
  const posts = () => fake.callsTo("chat.postMessage");

  it("posts once when run twice in a day", async () => {
    const first = await post(["--since", "2025-09-10"]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Posted the digest in C0DESK for 2025-10-06 \(ts \d+\.\d+\)\./);
    const second = await post();
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(
      /already posted at 2025-10-06T16:00:00.000Z; not posting it again/,
    );
    expect(posts()).toHaveLength(1);
    const call = posts()[0];
    expect(call?.authorization).toBe("Bearer xoxb-cli-digest-test");
    expect(call?.params.channel).toBe("C0DESK");
    expect(JSON.stringify(call?.params.blocks)).toContain("*New articles (2)*");
  });

  it("posts once when two processes race for the same day", async () => {
    const [a, b] = await Promise.all([post(["--json"]), post(["--json"])]);
    const statuses = [a, b].map((r) => json<{ status: string }>(r).status).sort();
    expect(statuses).toEqual(["already", "posted"]);
    expect(posts()).toHaveLength(1);
  });

  it("reports not_in_channel, records nothing, and posts on the next run once invited", async () => {
    fake.failWith.set("chat.postMessage", () => "not_in_channel");
    const failed = await post();
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain(
      "Could not post the digest in C0DESK for 2025-10-06: not_in_channel",
    );
    fake.failWith.clear();
    const ok = await post(["--json"]);
    expect(json<{ status: string; localDate: string }>(ok)).toMatchObject({
      status: "posted",
      localDate: "2025-10-06",
    });
    expect(posts()).toHaveLength(2);
  });

  it("needs SLACK_BOT_TOKEN", async () => {
    const r = await cliAsync(["digest", "--post", "--channel", "C0DESK"], {
      TARIFF_DESK_STATE: env.TARIFF_DESK_STATE as string,
    });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(
      "digest --post needs SLACK_BOT_TOKEN (the xoxb- bot token) in the environment",
    );
    expect(posts()).toHaveLength(0);
  });
});
