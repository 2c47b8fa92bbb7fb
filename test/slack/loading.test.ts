/**
 * Requests that arrive while the knowledge is still loading (npm start listens first; a restart
 * at archive scale takes seconds): acknowledged at once over real HTTP, answered once it is
 * loaded with the answer a loaded app gives, and a form that cannot wait is told to resubmit.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ask } from "../../src/answer/router.ts";
import type { KnowledgeBase } from "../../src/knowledge/base.ts";
import { renderAnswer } from "../../src/render/blocks.ts";
import { STILL_LOADING } from "../../src/slack/listeners/views/add-article.ts";
import { bundledKb, PROJECT } from "../helpers/knowledge.ts";
import { viewSubmission } from "../live/slack-payloads.ts";
import { type Running, startApp } from "./helpers.ts";
import { eventCallback, mention, send, slashCommand } from "./slack-requests.ts";

const NOW = new Date("2026-11-21T15:00:00Z");
const EDITOR = "U0EDITOR1";
const kb = bundledKb();
let release: (kb: KnowledgeBase) => void = () => {};
let app: Running;

beforeAll(async () => {
  const loading = new Promise<KnowledgeBase>((resolve) => {
    release = resolve;
  });
  app = await startApp(loading, NOW, { EDITOR_USER_IDS: EDITOR });
});

afterAll(async () => {
  await app?.stop();
});

describe("while the knowledge is loading", () => {
  it("acknowledges a slash command and a mention at once, and answers both once loaded", async () => {
    const command = await send(app.url, slashCommand("steel", app.fake.responseUrl("cmd-load")));
    expect(command.status).toBe(200);
    expect(command.body).toBe("");
    const event = eventCallback(mention("dairy", "1763800000.000100"));
    expect((await send(app.url, event.request)).status).toBe(200);
    // Acknowledged, and nothing answered: there is nothing to answer from yet.
    await new Promise((r) => setTimeout(r, 100));
    expect(app.fake.responsesTo("cmd-load")).toHaveLength(0);
    expect(app.fake.callsTo("chat.postMessage")).toHaveLength(0);

    release(kb);
    await app.fake.until(
      () =>
        app.fake.responsesTo("cmd-load").length === 1 &&
        app.fake.callsTo("chat.postMessage").length === 1,
    );
    const steel = renderAnswer(ask({ kb, now: NOW }, "steel"), { share: true });
    expect(app.fake.responsesTo("cmd-load")[0]?.body.text).toBe(steel.text);
    expect(app.fake.responsesTo("cmd-load")[0]?.body.blocks).toEqual(steel.blocks);
    const dairy = renderAnswer(ask({ kb, now: NOW }, "dairy"));
    const posted = app.fake.callsTo("chat.postMessage")[0]?.params;
    expect(posted?.text).toBe(dairy.text);
    expect(posted?.thread_ts).toBe("1763800000.000100");
  });
});

describe("a submitted article while loading", () => {
  it("is refused within the form, naming why, and nothing is written", async () => {
    // A second app, still loading: the first one above has been released.
    const loadingApp = await startApp(new Promise<KnowledgeBase>(() => {}), NOW, {
      EDITOR_USER_IDS: EDITOR,
    });
    const files = readdirSync(join(PROJECT, "knowledge"));
    try {
      const res = await send(
        loadingApp.url,
        viewSubmission(EDITOR, {
          headline: "Port of Saint John braces for lumber duties",
          outlet: "Fundy Ledger",
          published: "2026-11-20",
          text: "Exporters at the port said the new duty on softwood lumber took effect on Monday.",
        }),
      );
      expect(res.status).toBe(200);
      expect(JSON.parse(res.body)).toEqual({
        response_action: "errors",
        errors: { text: STILL_LOADING },
      });
      expect(loadingApp.logger.has("INFO", "submitted while the knowledge was loading")).toBe(true);
      expect(readdirSync(join(PROJECT, "knowledge"))).toEqual(files);
    } finally {
      await loadingApp.stop();
    }
  });
});
