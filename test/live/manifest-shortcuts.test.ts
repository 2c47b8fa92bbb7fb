/** manifest.yml declares exactly the shortcuts the app registers listeners for. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { readConfig } from "../../src/config/env.ts";
import { openKnowledge } from "../../src/knowledge/open.ts";
import { createSlackApp } from "../../src/slack/app.ts";
import { PROJECT } from "../helpers/knowledge.ts";
import { MemoryLogger } from "../slack/helpers.ts";
import { SIGNING_SECRET } from "../slack/slack-requests.ts";
import { liveFolder } from "./helpers.ts";

interface Shortcut {
  name: string;
  type: "global" | "message";
  callback_id: string;
  description: string;
}

describe("manifest.yml shortcuts", () => {
  it("match the registered shortcut listeners, with names Slack shows to people", () => {
    const manifest = parse(readFileSync(join(PROJECT, "manifest.yml"), "utf8")) as {
      features: { shortcuts?: Shortcut[] };
    };
    const dir = liveFolder();
    const config = readConfig({
      SLACK_BOT_TOKEN: "xoxb-0-manifest",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: "http://127.0.0.1:9/api/",
      TARIFF_DESK_KNOWLEDGE: dir,
    });
    const regs = createSlackApp({
      config,
      kb: openKnowledge(dir),
      logger: new MemoryLogger(),
    }).registrations;
    const registered = regs.filter((r) => r.kind === "shortcut").map((r) => r.name);
    const shortcuts = manifest.features.shortcuts ?? [];
    expect(shortcuts.map((s) => s.callback_id).sort()).toEqual(registered.sort());
    expect(shortcuts.map((s) => [s.name, s.type])).toEqual([
      ["Add article", "global"],
      ["Add to Tariff Desk", "message"],
    ]);
    expect(regs.filter((r) => r.kind === "view").map((r) => r.name)).toEqual(["add_article"]);
  });
});
