/**
 * The benchmark's synthetic archive: the same seed writes the same bytes (figures are only
 * comparable when the text is), every file is a valid knowledge file, and the text carries what
 * the desk's questions and extractors look for.
 */
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ArgError, parseArgs } from "../../bench/args.ts";
import { SyntheticCorpus, writeCorpus } from "../../bench/corpus/generate.ts";
import { openKnowledge } from "../../src/knowledge/open.ts";

function written(seed: number, n: number): Map<string, string> {
  const dir = mkdtempSync(join(tmpdir(), "tariff-desk-corpus-"));
  writeCorpus(dir, n, { seed });
  return new Map(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), "utf8")]));
}

describe("synthetic corpus", () => {
  it("writes the same files for the same seed, and other files for another seed", () => {
    const a = written(7, 40);
    const b = written(7, 40);
    const c = written(8, 40);
    expect(a.size).toBe(40);
    expect([...a]).toEqual([...b]);
    const overlap = [...c].filter(([f, text]) => a.get(f) === text);
    expect(overlap).toEqual([]);
  });

  it("writes valid knowledge files, thirty a day back from the end date, some dated by month or year only", () => {
    const dir = mkdtempSync(join(tmpdir(), "tariff-desk-corpus-"));
    writeCorpus(dir, 400);
    const kb = openKnowledge(dir);
    expect(kb.problems).toEqual([]);
    expect(kb.size).toBe(400);
    const days = new Set(kb.articles().map((a) => a.published.value.slice(0, 10)));
    expect(days.size).toBeGreaterThan(12);
    expect(days.size).toBeLessThan(20);
    const precisions = new Set(kb.articles().map((a) => a.published.precision));
    expect(precisions).toEqual(new Set(["day", "month", "year"]));
    const corpus = SyntheticCorpus.create();
    expect(corpus.article(0).file.startsWith("2026-11-20-")).toBe(true);
    expect(corpus.article(29).file.startsWith("2026-11-20-")).toBe(true);
    expect(corpus.article(30).file.startsWith("2026-11-19-")).toBe(true);
    const words = kb.articles().map((a) => a.body.split(/\s+/).length);
    const mean = words.reduce((s, n) => s + n, 0) / words.length;
    expect(mean).toBeGreaterThan(500);
    expect(mean).toBeLessThan(700);
  });

  it("carries rates written several ways, quotes with speech verbs on either side, meetings and relative dates", () => {
    const corpus = SyntheticCorpus.create();
    const text = Array.from({ length: 200 }, (_, i) => corpus.article(i).text).join("\n");
    for (const form of [
      /\b\d+(\.\d)?%/,
      /\b\d+ per cent\b/,
      /\b\d+ percent\b/,
      /\b[a-z]+(-[a-z]+)? per cent\b/,
      /\d+-per-cent levy/,
    ]) {
      expect(text, String(form)).toMatch(form);
    }
    expect(text).toMatch(
      /[“"][^”"]+,[”"] [A-Z][a-z]+ [A-Z][a-z]+, [^,]+, (said|warned|argued|added|noted|insisted|told)/,
    );
    expect(text).toMatch(/[A-Z][a-z]+ (said|warned|argued|added|noted|insisted): [“"]/);
    expect(text).toMatch(
      /will meet .* (next (week|Monday|Tuesday|Wednesday|Thursday|Friday)|on [A-Z][a-z]+\.? \d+)/,
    );
    expect(text).toMatch(/(last week|two weeks ago|earlier this month)/);
    const names = corpus.people.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe("benchmark options", () => {
  it("reads sizes and numbers, and names the option when one is wrong", () => {
    expect(parseArgs(["--articles", "1000,100_000", "--json", "--rounds", "5"])).toMatchObject({
      articles: [1000, 100000],
      json: true,
      rounds: 5,
    });
    expect(() => parseArgs(["--articles", "10k"])).toThrow(
      /--articles must be comma-separated whole numbers/,
    );
    expect(() => parseArgs(["--rounds", "0"])).toThrow(
      /--rounds must be a whole number of at least 1/,
    );
    expect(() => parseArgs(["--now", "yesterday"])).toThrow(/--now must be a date/);
    expect(() => parseArgs(["--fast"])).toThrow(ArgError);
  });
});
