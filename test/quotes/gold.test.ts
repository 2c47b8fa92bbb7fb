/**
 * The five bundled articles against the hand-made gold list (test/fixtures/quotes/gold.json):
 * every direct quote found, every one with the right speaker; partial quotes never with a wrong
 * speaker. The figures are printed so regressions show in the log.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { allQuotes, directory } from "../../src/people/directory.ts";
import { bundledKb, PROJECT } from "../helpers/knowledge.ts";
import { readGold, report, score } from "./score.ts";

const gold = readGold(join(PROJECT, "test/fixtures/quotes/gold.json"));

describe("quotes in the five bundled articles, against the gold list", () => {
  it("finds every direct quote and names every speaker right (100% recall, 100% speaker accuracy)", () => {
    const s = score(bundledKb(), gold, "direct");
    report("bundled, direct", s);
    expect(s.gold).toBe(26);
    expect(s.missed).toEqual([]);
    expect(s.found).toBe(s.gold);
    expect(s.right).toBe(s.found);
  });

  it("finds every partial quote and never names a wrong speaker for one", () => {
    const s = score(bundledKb(), gold, "partial");
    report("bundled, partial", s);
    expect(s.missed).toEqual([]);
    expect(s.wrong).toEqual([]);
    // Known misses (documented in docs/attribution.md): two fragments used as modifiers.
    expect(s.attributable - s.attributed).toBeLessThanOrEqual(2);
  });

  it("extracts no quotation the gold list does not have", () => {
    const s = score(bundledKb(), gold);
    expect(s.extra).toEqual([]);
  });

  it("every quote's text is exactly the body between its offsets", () => {
    const kb = bundledKb();
    const quotes = allQuotes(directory(kb));
    expect(quotes.length).toBe(50);
    for (const q of quotes) {
      const body = kb.get(q.articleId)?.body ?? "";
      expect(body.slice(q.start, q.end)).toBe(q.text);
      expect(q.context.start).toBeLessThanOrEqual(q.start);
      expect(q.context.end).toBeGreaterThanOrEqual(q.end);
    }
  });
});
