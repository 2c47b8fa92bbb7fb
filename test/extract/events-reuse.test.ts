/**
 * After a live change the events merge takes each unchanged event as it was (the collector then
 * has nothing new to mark for it); what it returns must still be exactly a fresh merge's.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeCorpus } from "../../bench/corpus/generate.ts";
import { knowledgeEvents } from "../../src/extract/events/index.ts";
import type { DatedEvent } from "../../src/extract/events/types.ts";
import type { Article } from "../../src/knowledge/article.ts";
import type { KnowledgeBase } from "../../src/knowledge/base.ts";
import { openKnowledge } from "../../src/knowledge/open.ts";
import { openKnowledgeCached } from "../../src/snapshot/open.ts";

const dir = mkdtempSync(join(tmpdir(), "tariff-desk-events-reuse-"));
writeCorpus(dir, 120, { seed: 5 });

/** Applies the same edits to a knowledge base. */
function edit(kb: KnowledgeBase, ids: string[]): void {
  const [changed, removed] = ids.map((id) => kb.get(id) as Article);
  if (!changed || !removed) throw new Error("no such article");
  // A new article object: its events are extracted again, as after an edit on disk.
  kb.upsert({ ...changed, body: `${changed.body}\n\nOfficials will meet again on Nov. 3, 2025.` });
  kb.remove(removed.id);
}

/** How many events of `after` are the very objects of `before` (found by their first mention). */
function takenAsTheyWere(before: DatedEvent[], after: DatedEvent[]): number {
  const byLead = new Map(before.map((e) => [e.mentions[0], e]));
  return after.filter((e) => byLead.get(e.mentions[0]) === e).length;
}

describe("events after a live change", () => {
  it("are a fresh merge's, those of untouched articles the very same objects", () => {
    const kb = openKnowledge(dir);
    const before = knowledgeEvents(kb);
    // Changed: the newest article with an event. Removed: one reporting an event after another
    // article did, so that event loses a mention but keeps its first one.
    const changed = kb
      .articles()
      .find((a) => before.some((e) => e.mentions.some((m) => m.articleId === a.id)));
    const shared = before.find(
      (e) =>
        new Set(e.mentions.map((m) => m.articleId)).size > 1 &&
        !e.mentions.some((m) => m.articleId === changed?.id),
    );
    const removed = shared?.mentions.at(-1)?.articleId;
    if (!changed || !shared || !removed) throw new Error("the corpus has no such events");
    expect(removed).not.toBe(shared.mentions[0]?.articleId);
    const touched = [changed.id, removed];
    edit(kb, touched);
    const after = knowledgeEvents(kb);
    const fresh = openKnowledge(dir);
    edit(fresh, touched);
    expect(after).toEqual(knowledgeEvents(fresh));

    // Taken as it was exactly when its mentions are the same objects in the same order; the
    // changed article's mentions are new objects, so no event citing it can be.
    const byLead = new Map(before.map((e) => [e.mentions[0], e]));
    let reused = 0;
    for (const e of after) {
      const old = byLead.get(e.mentions[0]);
      const same =
        old !== undefined &&
        old.mentions.length === e.mentions.length &&
        old.mentions.every((m, i) => m === e.mentions[i]);
      expect(e === old).toBe(same);
      if (same) reused++;
      if (e.mentions.some((m) => touched.includes(m.articleId))) expect(same).toBe(false);
    }
    console.log(`events after the change: ${reused} of ${after.length} taken as they were`);
    expect(reused).toBeGreaterThan(after.length / 2);
  });

  it("after a restart that restored them, are taken as they were too", async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), "tariff-desk-events-reuse-cache-"));
    await openKnowledgeCached(dir, { cacheDir, workers: 0, settledMs: 0 });
    const { kb, stats } = await openKnowledgeCached(dir, { cacheDir, workers: 0, settledMs: 0 });
    expect(stats.views).toBe("kept");
    const before = knowledgeEvents(kb);
    const changed = kb.articles()[0] as Article;
    const removed = kb.articles().at(-1) as Article;
    edit(kb, [changed.id, removed.id]);
    const after = knowledgeEvents(kb);
    const fresh = openKnowledge(dir);
    edit(fresh, [changed.id, removed.id]);
    expect(after).toEqual(knowledgeEvents(fresh));
    expect(takenAsTheyWere(before, after)).toBeGreaterThan(after.length / 2);
  });
});
