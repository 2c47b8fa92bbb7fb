/** The App Home dashboard, built from real answers on the bundled and a generated knowledge. */
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ask } from "../../src/answer/router.ts";
import { openKnowledge } from "../../src/knowledge/open.ts";
import { LIMITS } from "../../src/render/block-kit.ts";
import { escapeMrkdwn } from "../../src/render/mrkdwn.ts";
import { hasOwnIntent, homeView } from "../../src/slack/home.ts";
import { bundledKb, tempKnowledge } from "../helpers/knowledge.ts";
import { generateKnowledge } from "../render/generated-knowledge.ts";
import { blockProblems } from "../render/limits.ts";

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const texts = (blocks: unknown) => JSON.stringify(blocks);

describe("App Home", () => {
  it("shows the sector board, events, latest articles and freshness within the Home tab's limits", () => {
    const kb = bundledKb();
    const now = new Date("2026-11-21T12:00:00Z");
    const view = homeView({ kb, clock: () => now });
    expect(view.type).toBe("home");
    expect(blockProblems(view.blocks, LIMITS.homeBlocks)).toEqual([]);
    const headers = view.blocks.flatMap((b) => (b.type === "header" ? [b.text.text] : []));
    expect(headers).toEqual(["Tariff Desk", "Sector board", "Events", "Latest articles"]);
    const overview = ask({ kb, now }, "overview");
    expect(texts(view.blocks)).toContain(
      JSON.stringify(`*${escapeMrkdwn(overview.items[0]?.text ?? "?")}*`).slice(1, -1),
    );
    const latest = kb.articles().map((a) => texts(escapeMrkdwn(a.headline)).slice(1, -1));
    const at = latest.map((h) => texts(view.blocks).lastIndexOf(h));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(texts(view.blocks)).toContain(
      `${kb.size} articles in the knowledge, newest Oct. 6, 2025 · as of Nov. 21, 2026`,
    );
  });

  it("stays within 100 blocks on a large knowledge, and reports files that failed to load", () => {
    const dir = generateKnowledge(120);
    dirs.push(dir);
    writeFileSync(join(dir, "broken.md"), "no front matter here\n");
    const kb = openKnowledge(dir);
    const view = homeView({ kb, clock: () => new Date("2024-06-01T12:00:00Z") });
    expect(blockProblems(view.blocks, LIMITS.homeBlocks)).toEqual([]);
    expect(texts(view.blocks)).toContain("1 knowledge file has problems");
  });

  it("says so when the knowledge is empty", () => {
    const dir = tempKnowledge(false);
    dirs.push(dir);
    const view = homeView({ kb: openKnowledge(dir), clock: () => new Date() });
    expect(texts(view.blocks)).toContain("No articles in the knowledge yet.");
    expect(texts(view.blocks)).toContain("0 articles in the knowledge, newest none");
    expect(blockProblems(view.blocks, LIMITS.homeBlocks)).toEqual([]);
  });

  it("makes panels only of questions an intent of their own claims, not the keyword search", () => {
    const ctx = { kb: bundledKb(), now: new Date() };
    expect(hasOwnIntent(ctx, "overview")).toBe(true);
    expect(hasOwnIntent(ctx, "upcoming meetings")).toBe(true);
    expect(ask(ctx, "zebra crossings").intent).toBe("search");
    expect(hasOwnIntent(ctx, "zebra crossings")).toBe(false);
  });
});
