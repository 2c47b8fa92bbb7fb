/**
 * Persisted work across a restart, with the snapshot of issue 9 (openKnowledgeCached): what the
 * watcher and the Slack form put in service while the bot ran is saved, and the next start
 * re-extracts nothing. Counted (the knowledge base counts every real extraction), never timed.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { answerViewsReady } from "../../src/answer/views/warm.ts";
import { EXTRACTORS } from "../../src/extract/registry.ts";
import type { KnowledgeBase } from "../../src/knowledge/base.ts";
import { addArticle } from "../../src/live/add-article.ts";
import { watchKnowledge } from "../../src/live/watcher.ts";
import { openKnowledgeCached } from "../../src/snapshot/open.ts";
import { turnCounter } from "../helpers/turns.ts";
import { askKb, citedIds, liveFolder, newArticle, waitFor } from "./helpers.ts";

const CANOLA = "2026-05-07-canola-crush-plants";
const GEAR = "2026-04-fishing-gear-levy";
/** What the Slack form sends for an article added from Slack. */
const WHARF_FEES = {
  headline: "Wharf fees rise",
  outlet: "Harbour Ledger",
  published: "2026-06-01",
  text: "Wharf fees rose by a third on Monday, the port authority said.",
};

/** Real runs of the extractors' per-article work: quotes, dates, events, tariff facts. */
function extractionCalls(kb: KnowledgeBase): number {
  return [...kb.computed]
    .filter(([key]) => ["quotes", "dates", "events"].includes(key) || key.startsWith("tariffs:"))
    .reduce((sum, [, n]) => sum + n, 0);
}

describe("restart after live changes", () => {
  it("saves what was added and corrected live, and the next start re-extracts nothing", async () => {
    const dir = liveFolder();
    const cacheDir = mkdtempSync(join(tmpdir(), "tariff-desk-live-cache-"));
    const first = await openKnowledgeCached(dir, { cacheDir, workers: 0 });
    expect(first.stats).toMatchObject({ articles: 2, extracted: 2 });
    const watcher = watchKnowledge(first.kb, dir, { rescanMs: 0 });
    try {
      writeFileSync(join(dir, `${CANOLA}.md`), newArticle(`${CANOLA}.md`));
      const gear = join(dir, `${GEAR}.md`);
      writeFileSync(gear, readFileSync(gear, "utf8").replace("Friday", "Thursday"));
      await waitFor(
        "both changes applied",
        () => first.kb.get(CANOLA) && first.kb.get(GEAR)?.body.includes("Thursday"),
      );
      const added = addArticle(first.kb, WHARF_FEES);
      expect(added.ok).toBe(true);
      expect(first.save().skipped).toEqual([]);
    } finally {
      watcher.close();
    }

    const second = await openKnowledgeCached(dir, { cacheDir, workers: 0 });
    expect(second.stats).toMatchObject({ articles: 4, fromCache: 4, extracted: 0, parsed: 0 });
    expect(extractionCalls(second.kb)).toBe(0);
    expect(citedIds(askKb(second.kb, "canola crushers"))).toContain(CANOLA);
    expect(citedIds(askKb(second.kb, "wharf fees"))).toContain("2026-06-01-wharf-fees-rise");
    expect(second.kb.get(GEAR)?.body).toContain("Thursday");
    expect(extractionCalls(second.kb)).toBe(0);
    expect(second.save().shardsWritten).toBe(0);
  });

  it("saves in turns of the event loop what a save in one piece would, the kept views included", async () => {
    const dir = liveFolder();
    const cacheDir = mkdtempSync(join(tmpdir(), "tariff-desk-live-cache-"));
    const first = await openKnowledgeCached(dir, { cacheDir, workers: 0 });
    const added = addArticle(first.kb, WHARF_FEES);
    expect(added.ok).toBe(true);
    await answerViewsReady(first.kb);
    const counter = turnCounter();
    const saved = await first.saveInTurns({ paceMs: 0 });
    const turns = counter.stop();
    expect(saved.shardsWritten).toBeGreaterThan(0);
    expect(saved.skipped).toEqual([]);
    // A turn after every step: per extractor and 64 articles, per shard, per view column.
    expect(turns).toBeGreaterThan(EXTRACTORS.length);

    const second = await openKnowledgeCached(dir, { cacheDir, workers: 0 });
    expect(second.stats).toMatchObject({ articles: 3, fromCache: 3, extracted: 0, views: "kept" });
    expect(citedIds(askKb(second.kb, "wharf fees"))).toContain("2026-06-01-wharf-fees-rise");
    expect((await second.saveInTurns()).shardsWritten).toBe(0);
  });
});
