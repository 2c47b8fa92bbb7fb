/**
 * The Slack app end to end over real HTTP: Bolt's HTTP receiver on a loopback port, a fake Slack
 * Web API on another, and requests shaped and signed exactly as Slack sends them.
 */

import { Ajv } from "ajv";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ask } from "../../src/answer/router.ts";
import type { Answer } from "../../src/answer/types.ts";
import { escapeMrkdwn } from "../../src/render/mrkdwn.ts";
import { bundledKb } from "../helpers/knowledge.ts";
import { BOT_USER_ID } from "./fake-slack.ts";
import { BOT_TOKEN, NO_SHARED, type Running, sharedJson, startApp } from "./helpers.ts";
import {
  buttonClick,
  directMessage,
  eventCallback,
  mention,
  send,
  slashCommand,
} from "./slack-requests.ts";
import { specProblems, type WebApiSpec } from "./web-api-spec.ts";

const NOW = new Date("2026-11-21T15:00:00Z");
const kb = bundledKb();
const answer = (q: string): Answer => ask({ kb, now: NOW }, q);

interface Button {
  action_id: string;
  value: string;
  text: { text: string };
}

/** Every text in a message's blocks, in order. */
function textsOf(blocks: unknown): string {
  return (
    JSON.stringify(blocks ?? [])
      .match(/"text":"((?:[^"\\]|\\.)*)"/g)
      ?.map((m) => JSON.parse(m.slice(7)) as string)
      .join("\n") ?? ""
  );
}

function buttonsOf(blocks: unknown): Button[] {
  return ((blocks ?? []) as { type: string; elements?: Button[] }[])
    .filter((b) => b.type === "actions")
    .flatMap((b) => b.elements ?? []);
}

let app: Running;

beforeAll(async () => {
  app = await startApp(kb, NOW);
});

afterAll(async () => {
  await app?.stop();
});

let markers = 0;

/**
 * Sends a marker DM and waits for its answer. Requests are handled in the order they arrive, so
 * once the marker is answered, anything sent before it that was going to be answered has been.
 */
async function settle(): Promise<void> {
  markers += 1;
  const channel = `D0MARKER${markers}`;
  const { request } = eventCallback(directMessage("lumber", `1763799999.00000${markers}`, channel));
  expect((await send(app.url, request)).status).toBe(200);
  await app.fake.until(() =>
    app.fake.callsTo("chat.postMessage").some((c) => c.params.channel === channel),
  );
}

describe("slash command /tariffs", () => {
  it("is acknowledged with 200 and answered on its response_url with the cited answer", async () => {
    const res = await send(app.url, slashCommand("steel", app.fake.responseUrl("cmd-steel")));
    expect(res.status).toBe(200);
    expect(res.body).toBe("");
    await app.fake.until(() => app.fake.responsesTo("cmd-steel").length === 1);
    const reply = app.fake.responsesTo("cmd-steel")[0]?.body ?? {};
    expect(reply.response_type).toBe("ephemeral");
    const expected = answer("steel");
    expect(expected.items.length).toBeGreaterThan(0);
    const shown = textsOf(reply.blocks);
    for (const item of expected.items) {
      for (const c of item.citations)
        expect(c.snippet).toBe(kb.get(c.articleId)?.body.slice(c.start, c.end));
      expect(shown).toContain(escapeMrkdwn(item.text));
      expect(shown).toContain(escapeMrkdwn(item.citations[0]?.outlet ?? "?"));
    }
    expect(String(reply.text)).not.toBe("");
    expect(buttonsOf(reply.blocks).map((b) => b.text.text)).toContain("Share in channel");
  });

  it("/tariffs help lists what to ask", async () => {
    await send(app.url, slashCommand("help", app.fake.responseUrl("cmd-help")));
    await app.fake.until(() => app.fake.responsesTo("cmd-help").length === 1);
    const shown = textsOf(app.fake.responsesTo("cmd-help")[0]?.body.blocks);
    const help = answer("help");
    expect(help.intent).toBe("help");
    expect(shown).toContain(escapeMrkdwn(help.notice ?? "?").split("\n")[0]);
  });

  it("sends <!channel> typed by a user back escaped, so it pings no one", async () => {
    await send(app.url, slashCommand("<!channel> steel", app.fake.responseUrl("cmd-ping")));
    await app.fake.until(() => app.fake.responsesTo("cmd-ping").length === 1);
    const raw = JSON.stringify(app.fake.responsesTo("cmd-ping")[0]?.body);
    expect(raw).not.toContain("<!channel>");
    expect(raw).toContain("&lt;!channel&gt;");
  });
});

describe("Share in channel", () => {
  it("posts the same answer to the channel, saying who shared it, and removes the private copy", async () => {
    await send(app.url, slashCommand("aluminum", app.fake.responseUrl("cmd-alu")));
    await app.fake.until(() => app.fake.responsesTo("cmd-alu").length === 1);
    const first = app.fake.responsesTo("cmd-alu")[0]?.body ?? {};
    const share = buttonsOf(first.blocks).find((b) => b.text.text === "Share in channel");
    expect(share).toBeDefined();
    expect(share?.value.length).toBeLessThanOrEqual(2000);
    const before = app.fake.callsTo("chat.postMessage").length;
    const res = await send(
      app.url,
      buttonClick(share as Button, app.fake.responseUrl("click-share"), "U0SHARER"),
    );
    expect(res.status).toBe(200);
    await app.fake.until(() => app.fake.responsesTo("click-share").length === 1);
    const posted = app.fake.callsTo("chat.postMessage").slice(before);
    expect(posted).toHaveLength(1);
    expect(posted[0]?.params.channel).toBe("C0TRADEDESK");
    const shown = textsOf(posted[0]?.params.blocks);
    expect(shown).toContain("Shared by <@U0SHARER>");
    for (const item of answer("aluminum").items) expect(shown).toContain(escapeMrkdwn(item.text));
    expect(app.fake.responsesTo("click-share")[0]?.body.delete_original).toBe(true);
  });

  it("posts through the response_url where the bot is not a member of the channel", async () => {
    app.fake.failWith.set("chat.postMessage", (p) =>
      p.channel === "C0NOTMEMBER" ? "not_in_channel" : undefined,
    );
    try {
      await send(
        app.url,
        slashCommand("lumber", app.fake.responseUrl("cmd-lum"), "U0REPORTER", "C0NOTMEMBER"),
      );
      await app.fake.until(() => app.fake.responsesTo("cmd-lum").length === 1);
      const share = buttonsOf(app.fake.responsesTo("cmd-lum")[0]?.body.blocks)[0] as Button;
      await send(
        app.url,
        buttonClick(share, app.fake.responseUrl("click-lum"), "U0REPORTER", "C0NOTMEMBER"),
      );
      await app.fake.until(() => app.fake.responsesTo("click-lum").length === 2);
      const [inChannel, removed] = app.fake.responsesTo("click-lum").map((r) => r.body);
      expect(inChannel?.response_type).toBe("in_channel");
      expect(textsOf(inChannel?.blocks)).toContain("Shared by <@U0REPORTER>");
      expect(removed?.delete_original).toBe(true);
      expect(app.logger.has("INFO", "not_in_channel")).toBe(true);
    } finally {
      app.fake.failWith.delete("chat.postMessage");
    }
  });
});

describe("More results", () => {
  it("shows the page the button points at, privately, to whoever clicked", async () => {
    const full = answer("steel");
    const value = JSON.stringify({ q: "steel", from: 2 });
    await send(
      app.url,
      buttonClick(
        { action_id: "more_results", value, text: { text: "More results" } },
        app.fake.responseUrl("click-more"),
      ),
    );
    await app.fake.until(() => app.fake.responsesTo("click-more").length === 1);
    const page = app.fake.responsesTo("click-more")[0]?.body ?? {};
    expect(page.response_type).toBe("ephemeral");
    expect(page.replace_original).toBe(false);
    const shown = textsOf(page.blocks);
    expect(shown).toContain(escapeMrkdwn(full.items[2]?.text ?? "?"));
    expect(shown).not.toContain(escapeMrkdwn(full.items[0]?.text ?? "?"));
    expect(shown).toContain(`Showing 3–${full.items.length} of ${full.items.length}`);
  });

  it("answers a button value it cannot read with an apology and keeps serving", async () => {
    await send(
      app.url,
      buttonClick(
        { action_id: "more_results", value: "{not json", text: { text: "More results" } },
        app.fake.responseUrl("click-bad"),
      ),
    );
    await app.fake.until(() => app.fake.responsesTo("click-bad").length === 1);
    expect(String(app.fake.responsesTo("click-bad")[0]?.body.text)).toMatch(/^Sorry.*Try/);
    expect(app.logger.has("ERROR", "button value is not an answer reference")).toBe(true);
    await send(app.url, slashCommand("lumber", app.fake.responseUrl("cmd-after-bad")));
    await app.fake.until(() => app.fake.responsesTo("cmd-after-bad").length === 1);
  });
});

describe("mentions and DMs", () => {
  it("answers a mention once, in its thread, even when Slack retries the delivery", async () => {
    const ts = "1763710000.000300";
    const { request, envelope } = eventCallback(mention("what's the latest on lumber?", ts));
    expect((await send(app.url, request)).status).toBe(200);
    const retry = {
      ...request,
      headers: { "X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout" },
    };
    expect((await send(app.url, retry)).status).toBe(200);
    // Slack can also deliver the same event_id again without the retry headers.
    expect((await send(app.url, request)).status).toBe(200);
    await settle();
    const inThread = app.fake.callsTo("chat.postMessage").filter((c) => c.params.thread_ts === ts);
    expect(inThread).toHaveLength(1);
    expect(inThread[0]?.params.channel).toBe("C0TRADEDESK");
    const expected = answer("what's the latest on lumber?");
    expect(textsOf(inThread[0]?.params.blocks)).toContain(
      escapeMrkdwn(expected.items[0]?.text ?? "?"),
    );
    expect(app.logger.has("INFO", `${envelope.event_id} already answered`)).toBe(true);
  });

  it("answers a DM in the DM and ignores the bot's own messages there", async () => {
    const ts = "1763710100.000400";
    await send(app.url, eventCallback(directMessage("aluminum", ts, "D0ASKER")).request);
    const own = {
      ...directMessage("an answer", "1763710101.000500", "D0ASKER", BOT_USER_ID),
      bot_id: "BTARIFFBOT",
    };
    await send(app.url, eventCallback(own).request);
    await settle();
    const inDm = app.fake.callsTo("chat.postMessage").filter((c) => c.params.channel === "D0ASKER");
    expect(inDm).toHaveLength(1);
    expect(inDm[0]?.params.thread_ts).toBeUndefined();
    expect(textsOf(inDm[0]?.params.blocks)).toContain(
      escapeMrkdwn(answer("aluminum").items[0]?.text ?? "?"),
    );
  });

  it("sends <!channel> in a mention back escaped", async () => {
    const ts = "1763710200.000600";
    await send(app.url, eventCallback(mention("<!channel> steel", ts)).request);
    await app.fake.until(() =>
      app.fake.callsTo("chat.postMessage").some((c) => c.params.thread_ts === ts),
    );
    const call = app.fake.callsTo("chat.postMessage").find((c) => c.params.thread_ts === ts);
    expect(JSON.stringify(call?.params)).not.toContain("<!channel>");
  });

  it.skipIf(NO_SHARED)(
    `sends event envelopes that fit Slack's event wrapper schema ${NO_SHARED ?? ""}`,
    () => {
      const validate = new Ajv({ strict: false }).compile(
        sharedJson("slack_common_event_wrapper_schema.json") as object,
      );
      for (const e of [mention("steel", "1.1"), directMessage("steel", "1.2")]) {
        const ok = validate(eventCallback(e).envelope);
        expect(validate.errors ?? []).toEqual([]);
        expect(ok).toBe(true);
      }
    },
  );
});

describe("App Home", () => {
  it("publishes the dashboard when the Home tab opens", async () => {
    const event = {
      type: "app_home_opened",
      user: "U0READER",
      channel: "D0READER",
      tab: "home",
      event_ts: "1763710300.000700",
    };
    await send(app.url, eventCallback(event).request);
    await app.fake.until(() => app.fake.callsTo("views.publish").length === 1);
    const call = app.fake.callsTo("views.publish")[0];
    expect(call?.params.user_id).toBe("U0READER");
    const view = call?.params.view as { type: string; blocks: unknown[] };
    expect(view.type).toBe("home");
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    const shown = textsOf(view.blocks);
    expect(shown).toContain("Latest articles");
    expect(shown).toContain(escapeMrkdwn(kb.articles()[0]?.headline ?? "?"));
    expect(shown).toContain(`${kb.size} articles in the knowledge`);
  });
});

describe("the Request URL check", () => {
  it("answers Slack's url_verification challenge, as Slack requires before it sends events", async () => {
    const body = JSON.stringify({
      token: "gIkuvaNzQIHg97ATvDxqgjtO",
      challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
      type: "url_verification",
    });
    const res = await send(app.url, { body, contentType: "application/json" });
    expect(res.status).toBe(200);
    expect(res.body).toContain("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
  });
});

describe("requests not from Slack", () => {
  it("refuses a forged signature", async () => {
    const res = await send(app.url, slashCommand("steel", app.fake.responseUrl("forged")), {
      secret: "not-the-secret",
    });
    expect(res.status).toBe(401);
  });

  it("refuses a 10-minute-old timestamp (a replay)", async () => {
    const old = Math.floor(Date.now() / 1000) - 600;
    const res = await send(app.url, slashCommand("steel", app.fake.responseUrl("replayed")), {
      timestamp: old,
    });
    expect(res.status).toBe(401);
  });

  it("never answered the refused requests", async () => {
    await settle();
    expect(app.fake.responsesTo("forged")).toEqual([]);
    expect(app.fake.responsesTo("replayed")).toEqual([]);
  });
});

describe("failures", () => {
  it("logs an expired response_url with Slack's error code", async () => {
    app.fake.expired.add("cmd-expired");
    await send(app.url, slashCommand("steel", app.fake.responseUrl("cmd-expired")));
    // The answer, then the apology: both refused.
    await app.fake.until(() => app.fake.responsesTo("cmd-expired").length === 2);
    await app.fake.until(
      () => app.logger.lines.filter((l) => l.includes("expired_url")).length === 2,
    );
    expect(app.logger.has("ERROR", "/tariffs from U0REPORTER: expired_url")).toBe(true);
  });

  it("logs a Web API error with its code and tells the asker", async () => {
    app.fake.failWith.set("chat.postMessage", (p) => (p.blocks ? "invalid_blocks" : undefined));
    try {
      const ts = "1763710400.000800";
      await send(app.url, eventCallback(mention("steel", ts)).request);
      await app.fake.until(
        () =>
          app.fake.callsTo("chat.postMessage").filter((c) => c.params.thread_ts === ts).length ===
          2,
      );
      const [failed, apology] = app.fake
        .callsTo("chat.postMessage")
        .filter((c) => c.params.thread_ts === ts);
      expect(failed?.params.blocks).toBeDefined();
      expect(String(apology?.params.text)).toMatch(/^Sorry.*Try/);
      expect(app.logger.has("ERROR", "app_mention in C0TRADEDESK: invalid_blocks")).toBe(true);
    } finally {
      app.fake.failWith.delete("chat.postMessage");
    }
  });

  it("never logs the bot token", () => {
    expect(app.logger.lines.some((l) => l.includes(BOT_TOKEN))).toBe(false);
  });
});

describe("Web API calls against Slack's spec", () => {
  it("sends the token in the Authorization header, never in a form field", () => {
    expect(app.fake.calls.length).toBeGreaterThan(0);
    for (const c of app.fake.calls) {
      expect(c.authorization).toBe(`Bearer ${BOT_TOKEN}`);
      expect(c.params.token).toBeUndefined();
    }
  });

  it.skipIf(NO_SHARED)(
    `names only methods and parameters the Web API spec defines, with the required ones ${NO_SHARED ?? ""}`,
    () => {
      const spec = sharedJson<WebApiSpec>("slack_web_openapi_v2_without_examples.json");
      const methods = new Set(app.fake.calls.map((c) => c.method));
      expect([...methods].sort()).toEqual(["auth.test", "chat.postMessage", "views.publish"]);
      const problems = app.fake.calls.flatMap((c) => specProblems(spec, c));
      expect(problems).toEqual([]);
    },
  );
});
