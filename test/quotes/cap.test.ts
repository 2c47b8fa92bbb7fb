/**
 * The quotes intent on an archive big enough to cut its answers: 200 generated articles (the
 * benchmark's corpus generator, a seed of its own) quote the same invented officials hundreds
 * of times. An answer must show the newest 20 of the full list, computed here from the
 * directory, give that list's exact length in its notice, and still cite every quote verbatim.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeCorpus } from "../../bench/corpus/generate.ts";
import { ask } from "../../src/answer/router.ts";
import type { Answer, Citation } from "../../src/answer/types.ts";
import type { KnowledgeBase } from "../../src/knowledge/base.ts";
import { openKnowledge } from "../../src/knowledge/open.ts";
import { pubDateRange } from "../../src/knowledge/pubdate.ts";
import { allQuotes, directory, type Person, type QuoteRecord } from "../../src/people/directory.ts";
import { fold } from "../../src/people/names.ts";

const NOW = new Date("2026-05-01T12:00:00Z");
let dir: string;
let kb: KnowledgeBase;
let top: Person;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "tariff-desk-quotes-cap-"));
  writeCorpus(dir, 200, { seed: 12, end: "2026-04-30" });
  kb = openKnowledge(dir);
  top = directory(kb).people.find((p) => p.kind === "person") as Person;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Newest article first, by the first day its date can mean; reading order within an article. */
function newestFirst(list: QuoteRecord[]): QuoteRecord[] {
  const day = (q: QuoteRecord) => {
    const a = kb.get(q.articleId);
    return a ? pubDateRange(a.published).first : "";
  };
  return [...list].sort((a, b) => day(b).localeCompare(day(a)));
}

const placeOf = (q: { articleId: string; start: number; end: number }) =>
  `${q.articleId}@${q.start}-${q.end}`;

/** The shown quotes' places, and the expected ones in the intent's order: direct, then partial. */
function shown(answer: Answer): string[] {
  return answer.items.map((i) => placeOf(i.citations[0] as Citation));
}
function expected(newest: QuoteRecord[]): string[] {
  const direct = newest.filter((q) => q.kind === "direct");
  const partial = newest.filter((q) => q.kind === "partial");
  return [...direct, ...partial].map((q) => placeOf({ articleId: q.articleId, ...q.context }));
}

function expectVerbatim(answer: Answer): void {
  for (const item of answer.items) {
    const c = item.citations[0];
    expect(c).toBeDefined();
    expect(kb.get(c?.articleId as string)?.body.slice(c?.start, c?.end)).toBe(c?.snippet);
    expect(c?.snippet).toContain(item.text);
  }
}

describe("a 200-article archive where one official is quoted hundreds of times", () => {
  it("shows the newest 20 of that person's quotes and the exact total", () => {
    const all = newestFirst(allQuotes(directory(kb)).filter((q) => q.person?.id === top.id));
    expect(all.length).toBeGreaterThan(20);
    const answer = ask({ kb, now: NOW }, `what did ${top.name} say`);
    expect(answer.intent).toBe("quotes");
    expect(answer.items).toHaveLength(20);
    expect(shown(answer)).toEqual(expected(all.slice(0, 20)));
    expect(answer.notice).toBe(
      `Showing the newest 20 of ${all.length} quotes from ${top.name}. Narrow it: “what did ${top.name} say about <topic>”.`,
    );
    expectVerbatim(answer);
  });

  it("a topic keeps the newest 20 quotes whose sentence mentions it, and says more match", () => {
    // "industry" is in a quarter of this person's sentences; a long word matches without its last letter.
    const mentions = (q: QuoteRecord) =>
      fold(kb.get(q.articleId)?.body.slice(q.context.start, q.context.end) ?? "").includes(
        "industr",
      );
    const about = newestFirst(
      allQuotes(directory(kb)).filter((q) => q.person?.id === top.id && mentions(q)),
    );
    expect(about.length).toBeGreaterThan(20);
    const answer = ask({ kb, now: NOW }, `what did ${top.name} say about industry`);
    expect(shown(answer)).toEqual(expected(about.slice(0, 20)));
    expect(answer.notice).toContain("Showing the newest 20 quotes from");
    expect(answer.notice).toContain("more match");
    expectVerbatim(answer);
  });

  it("“who said” shows the newest 20 quotes holding the words and counts them all", () => {
    const hits = newestFirst(
      allQuotes(directory(kb)).filter((q) => fold(q.text).includes("tariff")),
    );
    expect(hits.length).toBeGreaterThan(20);
    const answer = ask({ kb, now: NOW }, "who said tariff");
    expect(shown(answer)).toEqual(expected(hits.slice(0, 20)));
    expect(answer.notice).toContain(`Showing the newest 20 of ${hits.length} quotes containing`);
    expectVerbatim(answer);
  });

  it("leaves a small answer whole: a rarely quoted person gets every quote and no notice", () => {
    const d = directory(kb);
    const rare = d.people.find((p) => p.kind === "person" && p.quotes > 1 && p.quotes < 20);
    expect(rare).toBeDefined();
    const all = newestFirst(allQuotes(d).filter((q) => q.person?.id === rare?.id));
    const answer = ask({ kb, now: NOW }, `what did ${rare?.name} say`);
    expect(shown(answer)).toEqual(expected(all));
    expect(answer.notice).toBeUndefined();
    expectVerbatim(answer);
  });
});
