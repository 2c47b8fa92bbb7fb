/**
 * `/tariffs digest …` end to end: signed slash commands over loopback HTTP to the real app, its
 * replies on the response_url, and its scheduler posting through the fake Web API; every call
 * checked against Slack's Web API spec where ../shared is present.
 */
import { mkdtempSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readConfig } from "../../src/config/env.ts";
import { JsonDigestStore } from "../../src/digest/json-store.ts";
import { createSlackApp, EVENTS_PATH, type SlackApp } from "../../src/slack/app.ts";
import { bundledKb, PROJECT } from "../helpers/knowledge.ts";
import { FakeSlack } from "../slack/fake-slack.ts";
import { BOT_TOKEN, MemoryLogger, NO_SHARED, sharedJson } from "../slack/helpers.ts";
import { SIGNING_SECRET, send, slashCommand } from "../slack/slack-requests.ts";
import { specProblems, type WebApiSpec } from "../slack/web-api-spec.ts";

const NOW = new Date("2025-10-06T12:00:00-04:00");
const CHANNEL = "C0TRADEDESK"; // where slashCommand() types by default
const FIXED = "C0FIXEDDESK";

let fake: FakeSlack;
let slack: SlackApp;
let url: string;
let state: string;
const logger = new MemoryLogger();

beforeAll(async () => {
  fake = new FakeSlack();
  await fake.start();
  state = mkdtempSync(join(tmpdir(), "tariff-desk-slack-digest-"));
  const config = readConfig({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    TARIFF_DESK_KNOWLEDGE: join(PROJECT, "knowledge"),
    TARIFF_DESK_STATE: state,
    DIGEST_CHANNELS: `${FIXED} 07:00`,
  });
  slack = createSlackApp({ config, kb: bundledKb(), clock: () => NOW, logger });
  const server = (await slack.start({ port: 0, host: "127.0.0.1" })) as Server;
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${EVENTS_PATH}`;
});

afterAll(async () => {
  await slack.stop();
  await fake.close();
});

let n = 0;
/** Types `/tariffs <text>` in `channel` and returns the ephemeral reply. */
async function command(text: string, channel = CHANNEL): Promise<Record<string, unknown>> {
  const id = `digest-${++n}`;
  const res = await send(url, slashCommand(text, fake.responseUrl(id), "U0REPORTER", channel));
  expect(res.status).toBe(200);
  await fake.until(() => fake.responsesTo(id).length === 1);
  const reply = fake.responsesTo(id)[0]?.body ?? {};
  expect(reply.response_type).toBe("ephemeral");
  return reply;
}

const channelPosts = (channel: string) =>
  fake.callsTo("chat.postMessage").filter((c) => c.params.channel === channel);

describe("/tariffs digest", () => {
  it("says when a channel has no digest, and how to start one", async () => {
    const reply = await command("digest");
    expect(reply.text).toMatch(/^This channel gets no digest\. `\/tariffs digest`/);
    expect(reply.text).toContain("(default 08:00 America/Toronto)");
  });

  it("subscribes the channel it is typed in, with a time and a zone", async () => {
    const reply = await command("digest on 7:30 europe/paris");
    expect(reply.text).toBe(
      "Digest on: every day at 07:30 Europe/Paris in this channel. First post: Oct 7, 2025, 7:30 a.m. GMT+2. If Tariff Desk is not a member here, add it with `/invite @Tariff Desk`.",
    );
    const stored = await new JsonDigestStore(state).getChannel(CHANNEL);
    expect(stored?.subscription).toEqual({
      time: "07:30",
      timeZone: "Europe/Paris",
      skipEmpty: false,
      by: "U0REPORTER",
      since: NOW.toISOString(),
    });
    const shown = await command("digest");
    expect(shown.text).toContain(
      "This channel gets the digest every day at 07:30 Europe/Paris (set by <@U0REPORTER>).",
    );
    expect(shown.text).toContain("Next: Oct 7, 2025, 7:30 a.m. GMT+2.");
  });

  it("previews to the caller only what the channel would get now, posting nothing", async () => {
    const before = fake.callsTo("chat.postMessage").length;
    const reply = await command("digest preview");
    expect(String(reply.text)).toMatch(/^Preview: Tariff Desk digest for Monday, October 6, 2025/);
    const blocks = JSON.stringify(reply.blocks);
    expect(blocks).toContain("Carney heads to the White House seeking tariff relief");
    expect(fake.callsTo("chat.postMessage").length).toBe(before);
  });

  it("names what is wrong in a setting, and what the words are", async () => {
    expect((await command("digest on 25:00")).text).toMatch(
      /^"25:00" is not a time of day: use HH:MM on a 24-hour clock, e\.g\. 07:30\. `\/tariffs digest`/,
    );
    expect((await command("digest sometimes")).text).toMatch(
      /^I don't know `digest sometimes`\. `\/tariffs digest` shows/,
    );
  });

  it("turns off, and says so when there was nothing to turn off", async () => {
    expect((await command("digest off")).text).toBe(
      "Digest off: this channel gets no more morning posts.",
    );
    expect(await new JsonDigestStore(state).getChannel(CHANNEL)).toBeUndefined();
    expect((await command("digest off")).text).toBe(
      "This channel gets no digest; nothing to turn off.",
    );
  });

  it("leaves other questions to the answer intents", async () => {
    const reply = await command("steel");
    expect(String(reply.text)).not.toMatch(/digest/i);
  });
});

describe("digest scheduler in the running app", () => {
  it("posts a DIGEST_CHANNELS digest due today at start-up, once, and shows it as fixed", async () => {
    const { scheduler } = (await slack.loaded).digest;
    await scheduler.start();
    await scheduler.idle();
    expect(channelPosts(FIXED)).toHaveLength(1);
    await scheduler.reschedule();
    expect(channelPosts(FIXED)).toHaveLength(1);
    const shown = await command("digest", FIXED);
    expect(shown.text).toContain(
      "07:00 America/Toronto (set by DIGEST_CHANNELS for this Tariff Desk)",
    );
    expect(shown.text).toContain("Last: 2025-10-06 (posted).");
    expect((await command("digest off", FIXED)).text).toMatch(/fixed by DIGEST_CHANNELS/);
  });

  it("pauses on channel_not_found and resumes with /tariffs digest on", async () => {
    fake.failWith.set("chat.postMessage", (p) =>
      p.channel === "C0GONE" ? "channel_not_found" : undefined,
    );
    try {
      const reply = await command("digest on 06:00 America/Toronto", "C0GONE");
      expect(reply.text).toMatch(/^Digest on: every day at 06:00 America\/Toronto/);
      // Subscribed at noon: today's 06:00 is not owed, so nothing is posted yet.
      await (await slack.loaded).digest.scheduler.idle();
      expect(channelPosts("C0GONE")).toHaveLength(0);
      const store = new JsonDigestStore(state);
      await store.putChannel({
        channel: "C0GONE",
        subscription: {
          time: "06:00",
          timeZone: "America/Toronto",
          skipEmpty: false,
          by: "U0REPORTER",
          since: "2025-10-01T00:00:00Z",
        },
      });
      await (await slack.loaded).digest.scheduler.reschedule();
      expect(channelPosts("C0GONE")).toHaveLength(1);
      expect((await store.getChannel("C0GONE"))?.paused?.reason).toBe("channel_not_found");
      expect(
        logger.has("WARN", "C0GONE 2025-10-06: channel_not_found; the subscription is paused"),
      ).toBe(true);
      const shown = await command("digest", "C0GONE");
      expect(shown.text).toContain(
        "It is paused since Oct 6, 2025, 12:00 p.m. EDT: Slack said `channel_not_found`.",
      );
      const resumed = await command("digest on", "C0GONE");
      expect(resumed.text).toMatch(/^Digest changed: every day at 06:00 America\/Toronto/);
      expect((await store.getChannel("C0GONE"))?.paused).toBeUndefined();
    } finally {
      fake.failWith.delete("chat.postMessage");
    }
  });

  it.skipIf(NO_SHARED)(
    `names only methods and parameters the Web API spec defines ${NO_SHARED ?? ""}`,
    () => {
      const spec = sharedJson<WebApiSpec>("slack_web_openapi_v2_without_examples.json");
      const posts = fake.callsTo("chat.postMessage");
      expect(posts.length).toBeGreaterThan(0);
      expect(fake.calls.flatMap((c) => specProblems(spec, c))).toEqual([]);
    },
  );
});
