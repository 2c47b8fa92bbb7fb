/**
 * Adding an article from Slack, end to end over real HTTP: Bolt's receiver on a loopback port,
 * the fake Slack Web API on another, shortcuts and view_submission payloads signed as Slack
 * signs them. The app runs with the folder watcher, as `npm start` does.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readConfig } from "../../src/config/env.ts";
import type { KnowledgeBase } from "../../src/knowledge/base.ts";
import { openKnowledge } from "../../src/knowledge/open.ts";
import { type RichText, richTextToPlain } from "../../src/live/slack-text.ts";
import { type KnowledgeWatcher, watchKnowledge } from "../../src/live/watcher.ts";
import { createSlackApp, EVENTS_PATH, type SlackApp } from "../../src/slack/app.ts";
import { FakeSlack } from "../slack/fake-slack.ts";
import { MemoryLogger, NO_SHARED, sharedJson } from "../slack/helpers.ts";
import { eventCallback, SIGNING_SECRET, send, slashCommand } from "../slack/slack-requests.ts";
import { specProblems, type WebApiSpec } from "../slack/web-api-spec.ts";
import { askKb, citedIds, liveFolder, NOW, waitFor } from "./helpers.ts";
import {
  globalShortcut,
  messageShortcut,
  type Submitted,
  viewSubmission,
} from "./slack-payloads.ts";

const EDITOR = "U0EDITOR1";
const OUTSIDER = "U0INTERN";

let fake: FakeSlack;
let slack: SlackApp;
let watcher: KnowledgeWatcher;
let kb: KnowledgeBase;
let dir: string;
let url: string;
const logger = new MemoryLogger();

beforeAll(async () => {
  dir = liveFolder();
  kb = openKnowledge(dir);
  fake = new FakeSlack();
  await fake.start();
  const config = readConfig({
    SLACK_BOT_TOKEN: "xoxb-1111-2222-livetest",
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    TARIFF_DESK_KNOWLEDGE: dir,
    EDITOR_USER_IDS: `${EDITOR}, U0EDITOR2`,
  });
  slack = createSlackApp({ config, kb, clock: () => NOW, logger });
  watcher = watchKnowledge(kb, dir, { log: logger, rescanMs: 0 });
  const server = (await slack.start({ port: 0, host: "127.0.0.1" })) as Server;
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${EVENTS_PATH}`;
});

afterAll(async () => {
  watcher?.close();
  await slack?.stop();
  await fake?.close();
});

interface ViewJson {
  callback_id?: string;
  title: { text: string };
  blocks: {
    type: string;
    block_id?: string;
    element?: { type: string; initial_value?: unknown };
  }[];
}

/** Sends a shortcut and returns the view the app opened with its trigger_id. */
async function openedBy(request: ReturnType<typeof globalShortcut>): Promise<ViewJson> {
  const trigger = JSON.parse(new URLSearchParams(request.body).get("payload") ?? "{}").trigger_id;
  const res = await send(url, request);
  expect(res.status).toBe(200);
  await fake.until(() => fake.callsTo("views.open").some((c) => c.params.trigger_id === trigger));
  const call = fake.callsTo("views.open").find((c) => c.params.trigger_id === trigger);
  return call?.params.view as ViewJson;
}

async function submit(user: string, v: Submitted) {
  const res = await send(url, viewSubmission(user, v));
  expect(res.status).toBe(200);
  return JSON.parse(res.body) as {
    response_action: string;
    errors?: Record<string, string>;
    view?: ViewJson;
  };
}

const articleFiles = () =>
  readdirSync(dir)
    .filter((f) => f.endsWith(".md"))
    .sort();

const STORY = {
  headline: "Hamilton mills count the cost of steel tariff",
  outlet: "Lakeshore Courier",
  author: "Dev Anand",
  published: "2026-11-20",
  url: "https://example.org/hamilton-mills",
  text: [
    "Steelmakers in Hamilton said on Tuesday that the 25% tariff on Canadian steel has cut their exports by a third.",
    "",
    "“We are shipping less every month,” said Renata Okafor, who heads the mill association.",
  ].join("\n"),
};
const STORY_ID = "2026-11-20-hamilton-mills-count-the-cost-of-steel";

describe("the Add article shortcut", () => {
  it("opens the form for an editor", async () => {
    const view = await openedBy(globalShortcut("add_article", EDITOR));
    expect(view.callback_id).toBe("add_article");
    expect(view.blocks.map((b) => b.block_id)).toEqual([
      "headline",
      "outlet",
      "author",
      "published",
      "url",
      "text",
    ]);
    expect(view.blocks.find((b) => b.block_id === "published")?.element?.initial_value).toBe(
      "2026-11-21",
    );
  });

  it("tells anyone else politely who can add, and opens no form", async () => {
    const view = await openedBy(globalShortcut("add_article", OUTSIDER));
    expect(view.callback_id).toBeUndefined();
    expect(JSON.stringify(view)).toContain("Only the desk's editors can add articles");
    expect(view.blocks.some((b) => b.type === "input")).toBe(false);
  });
});

describe("the Add to Tariff Desk message shortcut", () => {
  it("opens the form prefilled with the message's words", async () => {
    const view = await openedBy(
      messageShortcut("add_to_tariff_desk", EDITOR, {
        text: "Port of Saint John &amp; CN <https://example.org/rail|agree> on rail fees",
      }),
    );
    const text = view.blocks.find((b) => b.block_id === "text")?.element;
    expect(text?.type).toBe("rich_text_input");
    expect(richTextToPlain(text?.initial_value as RichText)).toBe(
      "Port of Saint John & CN agree on rail fees",
    );
  });
});

describe("submitting the form", () => {
  it("refuses a non-editor's submission politely and writes nothing", async () => {
    const before = articleFiles();
    const reply = await submit(OUTSIDER, STORY);
    expect(reply.response_action).toBe("update");
    expect(JSON.stringify(reply.view)).toContain("Only the desk's editors can add articles");
    expect(articleFiles()).toEqual(before);
    expect(kb.get(STORY_ID)).toBeUndefined();
  });

  it("shows errors on the fields, and writes nothing", async () => {
    const before = articleFiles();
    const reply = await submit(EDITOR, {
      ...STORY,
      outlet: undefined,
      published: "last Tuesday",
    });
    expect(reply).toEqual({ response_action: "errors", errors: { outlet: "Outlet is required" } });
    const second = await submit(EDITOR, { ...STORY, published: "last Tuesday", url: "not a link" });
    expect(second.response_action).toBe("errors");
    expect(Object.keys(second.errors ?? {}).sort()).toEqual(["published", "url"]);
    expect(second.errors?.published).toContain('not "last Tuesday"');
    expect(articleFiles()).toEqual(before);
  });

  it("adds a valid article: written, answering at once, confirmed with its id and first facts", async () => {
    const reply = await submit(EDITOR, STORY);
    expect(reply.response_action).toBe("update");
    expect(reply.view?.title.text).toBe("Article added");
    const shown = JSON.stringify(reply.view);
    expect(shown).toContain(STORY_ID);
    expect(shown).toContain("We are shipping less every month");
    expect(existsSync(join(dir, `${STORY_ID}.md`))).toBe(true);
    expect(kb.get(STORY_ID)?.body).toBe(
      "Steelmakers in Hamilton said on Tuesday that the 25% tariff on Canadian steel has cut their exports by a third.\n\n“We are shipping less every month,” said Renata Okafor, who heads the mill association.",
    );
    expect(citedIds(askKb(kb, "Hamilton steelmakers exports"))).toContain(STORY_ID);

    // The same question as a slash command, answered through the fake Web API's response_url.
    await send(url, slashCommand("Hamilton steelmakers", fake.responseUrl("cmd-hamilton")));
    await fake.until(() => fake.responsesTo("cmd-hamilton").length === 1);
    expect(JSON.stringify(fake.responsesTo("cmd-hamilton")[0]?.body)).toContain(
      "Lakeshore Courier",
    );
    expect(logger.has("INFO", `Add article: ${EDITOR} added ${STORY_ID}`)).toBe(true);

    // The watcher sees the new file and finds it already in service: no problem, no second copy.
    await watcher.rescan();
    expect(watcher.problems()).toEqual([]);
    expect(kb.articles().filter((a) => a.id === STORY_ID)).toHaveLength(1);
  });

  it("refuses a duplicate with the reason on the field, by id and by text", async () => {
    const before = articleFiles();
    const byId = await submit(EDITOR, { ...STORY, text: "Entirely different words here." });
    expect(byId.response_action).toBe("errors");
    expect(byId.errors?.headline).toContain(`An article with id "${STORY_ID}" already exists`);
    const byText = await submit("U0EDITOR2", { ...STORY, headline: "Steel mills feel tariff" });
    expect(byText.errors).toEqual({
      text: `The same text is already in the knowledge as "${STORY_ID}"`,
    });
    expect(articleFiles()).toEqual(before);
  });

  it.skipIf(NO_SHARED)(
    `calls only Web API methods as Slack's spec defines them ${NO_SHARED ?? ""}`,
    () => {
      const spec = sharedJson<WebApiSpec>("slack_web_openapi_v2_without_examples.json");
      expect(fake.callsTo("views.open").length).toBeGreaterThan(0);
      expect(fake.calls.flatMap((c) => specProblems(spec, c))).toEqual([]);
    },
  );
});

describe("the App Home for editors", () => {
  async function homeFor(user: string): Promise<string> {
    const before = fake.callsTo("views.publish").length;
    const { request } = eventCallback({
      type: "app_home_opened",
      user,
      channel: "D0HOME",
      tab: "home",
      event_ts: "1763700400.000100",
    });
    expect((await send(url, request)).status).toBe(200);
    await fake.until(() =>
      fake
        .callsTo("views.publish")
        .slice(before)
        .some((c) => c.params.user_id === user),
    );
    const call = fake
      .callsTo("views.publish")
      .slice(before)
      .find((c) => c.params.user_id === user);
    return JSON.stringify(call?.params.view);
  }

  it("lists a file that fails validation for editors only, while its last good version answers", async () => {
    const file = "2026-04-fishing-gear-levy.md";
    const path = join(dir, file);
    const good = readFileSync(path, "utf8");
    writeFileSync(path, good.replace("outlet: Coastal Wire", "outlet:"));
    try {
      await waitFor("the problem is reported", () => watcher.problems().length > 0);
      const editorHome = await homeFor(EDITOR);
      expect(editorHome).toContain("Knowledge files to fix (1 problem)");
      expect(editorHome).toContain(`\`${file}\` — outlet:`);
      expect(editorHome).toContain("stays in service in its last good version");
      const otherHome = await homeFor(OUTSIDER);
      expect(otherHome).not.toContain("Knowledge files to fix");
      expect(otherHome).toContain("1 knowledge file has problems");
      expect(citedIds(askKb(kb, "fishing gear levy"))).toContain("2026-04-fishing-gear-levy");
    } finally {
      writeFileSync(path, good);
      await waitFor("the fix is picked up", () => watcher.problems().length === 0);
    }
    expect(await homeFor(EDITOR)).not.toContain("Knowledge files to fix");
  });
});
