/**
 * No regression: the sharded engine returns exactly what the MiniSearch engine before it
 * returned (bench/reference, the oracle): same passages, same order, same scores, same
 * corrections, on the real knowledge and on a synthetic archive split into many shards,
 * before and after live changes.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SyntheticCorpus, writeCorpus } from "../../bench/corpus/generate.ts";
import { ReferencePassageIndex } from "../../bench/reference/passage-index.ts";
import { parseArticle } from "../../src/knowledge/article.ts";
import type { KnowledgeBase } from "../../src/knowledge/base.ts";
import { openKnowledge } from "../../src/knowledge/open.ts";
import { compareNewestFirst } from "../../src/knowledge/pubdate.ts";
import { type Hit, PassageIndex } from "../../src/search/index.ts";
import { BUNDLED } from "../helpers/knowledge.ts";
import { QUESTIONS } from "../helpers/questions.ts";

interface Comparable {
  articleId: string;
  start: number;
  end: number;
  score: number;
  matched: string[];
  corrections: string[];
}

function expectSameHits(q: string, tuned: Comparable[], reference: Comparable[]): void {
  const shape = (hits: Comparable[]) =>
    hits.map(
      (h) => `${h.articleId}@${h.start}-${h.end} [${h.matched}] {${[...h.corrections].sort()}}`,
    );
  expect(shape(tuned), q).toEqual(shape(reference));
  tuned.forEach((h, i) => {
    expect(h.score, q).toBeCloseTo((reference[i] as Comparable).score, 9);
  });
}

/**
 * The `newest` contract: the hits are the full search's hits for some articles (same scores and
 * order), and every article left out has `n` included articles strictly newer than it, so it could
 * never be among the n newest. (Comparing the "latest" view itself would compare sort orders of
 * dates that cannot be ordered, a month against a day inside it.)
 */
function expectNewest(
  kb: KnowledgeBase,
  label: string,
  n: number,
  newest: Hit[],
  full: Hit[],
): void {
  const kept = new Set(newest.map((h) => h.articleId));
  expectSameHits(
    label,
    newest,
    full.filter((h) => kept.has(h.articleId)),
  );
  const keptArticles = [...kept].map((id) => kbArticle(kb, id));
  for (const id of new Set(full.map((h) => h.articleId))) {
    if (kept.has(id)) continue;
    const left = kbArticle(kb, id);
    const newer = keptArticles.filter((k) => compareNewestFirst(k.published, left.published) < 0);
    expect(newer.length, `${label}: ${id} left out`).toBeGreaterThanOrEqual(n);
  }
}

function kbArticle(kb: KnowledgeBase, id: string) {
  const a = kb.get(id);
  if (!a) throw new Error(`no article ${id}`);
  return a;
}

function syntheticQuestions(corpus: SyntheticCorpus): string[] {
  const [first, second] = corpus.people;
  return [
    "steel",
    "tariffs",
    "Canada trade",
    "potash",
    "softwood lumber duties",
    "alumnium tariffs",
    "aluminum levy",
    "alum",
    `what did ${first?.name} say`,
    `${second?.name} steel`,
    "talks scheduled to resume",
    "counter-tariffs on U.S. pork",
    "Ottawa Senators",
    "steel hockey",
    "effective",
    "xylophone",
  ];
}

describe("the sharded engine against the MiniSearch engine it replaced", () => {
  it("gives the same passages for every test question on the real knowledge", () => {
    const kb = openKnowledge(BUNDLED);
    const tuned = new PassageIndex(kb);
    const reference = new ReferencePassageIndex(kb);
    let compared = 0;
    for (const q of QUESTIONS) {
      expectSameHits(q, tuned.search(q), reference.search(q));
      expectSameHits(q, tuned.search(q, { limit: 8 }), reference.search(q, { limit: 8 }));
      compared += reference.search(q).length;
    }
    console.log(
      `parity, real knowledge: ${QUESTIONS.length} questions, ${compared} passages identical`,
    );
    expect(compared).toBeGreaterThan(100);
  });

  it("gives the same passages on a synthetic archive split into many shards, and after live changes", () => {
    const dir = mkdtempSync(join(tmpdir(), "tariff-desk-parity-"));
    writeCorpus(dir, 240, { perDay: 2 });
    const kb = openKnowledge(dir);
    const tuned = new PassageIndex(kb, { shardTarget: 70 });
    const questions = syntheticQuestions(SyntheticCorpus.create());
    let stoppedEarly = 0;
    const check = (label: string) => {
      const reference = new ReferencePassageIndex(kb);
      for (const q of questions) {
        expectSameHits(`${label}: ${q}`, tuned.search(q), reference.search(q));
        expectSameHits(
          `${label}: ${q}`,
          tuned.search(q, { limit: 8 }),
          reference.search(q, { limit: 8 }),
        );
        const some = new Set(
          kb
            .articles()
            .filter((_, i) => i % 3 === 0)
            .map((a) => a.id),
        );
        expectSameHits(
          `${label}: ${q} (filtered)`,
          tuned.search(q, { articleIds: some }),
          reference.search(q, { articleIds: some }),
        );
        const newest = tuned.search(q, { newest: 5 });
        expectNewest(kb, `${label}: newest ${q}`, 5, newest, tuned.search(q));
        if (newest.length < tuned.search(q).length) stoppedEarly++;
      }
    };
    expect(tuned.shardList().length).toBeGreaterThan(3);
    check("cold");
    // The newest-first search really skips older shards for common words.
    expect(stoppedEarly).toBeGreaterThan(questions.length / 3);

    const newest = kb.articles()[0];
    const oldest = kb.articles().at(-1);
    if (!newest || !oldest) throw new Error("empty corpus");
    const edited = parseArticle(
      newest.file,
      `---\nid: ${newest.id}\nheadline: "Potash talks collapse"\noutlet: T\npublished: "${newest.published.value}"\n---\n\nPotash exporters said the steel quota was dropped.\n`,
    );
    if (!edited.article) throw new Error("bad edit");
    kb.upsert(edited.article);
    kb.remove(oldest.id);
    const added = parseArticle(
      "z.md",
      `---\nid: zz-added\nheadline: "Aluminum levy"\noutlet: T\npublished: "2026-11-21"\n---\n\nThe aluminum levy rose to 25% as Canada trade talks stalled.\n`,
    );
    if (!added.article) throw new Error("bad add");
    kb.upsert(added.article);
    check("after changes");
  });
});
