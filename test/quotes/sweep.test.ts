/**
 * The quote lexicon installs a faster pattern sweep into compromise; every tag must come out as
 * compromise's own sweep gives it. Both are run here on the capitalized words and runs of every
 * test article, and on texts that exercise contractions, possessives and multi-word patterns.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compromise, stockSweep } from "../../src/extract/quotes/nlp.ts";
import { CHECKED_VERSION, fastBulkMatch } from "../../src/extract/quotes/sweep.ts";
import { BUNDLED, PROJECT } from "../helpers/knowledge.ts";

const nlp = compromise();
const stockBulkMatch = stockSweep();
const methods = nlp.methods() as unknown as { one: { bulkMatch: unknown } };
const installed = methods.one.bulkMatch;
afterAll(() => {
  methods.one.bulkMatch = installed;
});

function texts(): string[] {
  const out = new Set<string>([
    "Don't",
    "We'll see",
    "O'Neil",
    "U.S.",
    "Hoekstra's",
    "Prime Minister’s Office",
    "St. John's",
    "Mexico City",
    "New York-based",
    "Speaking",
    "Asked",
    "the White House said on Tuesday that it would not",
    "Dr. Ann Smith, the chief economist, said it was a good sign.",
  ]);
  const folders = [
    BUNDLED,
    ...["quotes", "events", "tariffs", "digest"].map((f) => join(PROJECT, "test/fixtures", f)),
  ];
  for (const dir of folders) {
    for (const f of readdirSync(dir).filter((x) => x.endsWith(".md"))) {
      const body = readFileSync(join(dir, f), "utf8");
      for (const m of body.matchAll(/\p{Lu}[\p{L}\p{M}’'.-]*(?:\s+\p{Lu}[\p{L}\p{M}’'.-]*)*/gu)) {
        out.add(m[0]);
        for (const w of m[0].split(/\s+/)) out.add(w);
      }
    }
  }
  return [...out];
}

function tagsWith(sweep: unknown, list: string[]): string[] {
  methods.one.bulkMatch = sweep;
  return list.map((t) =>
    JSON.stringify((nlp(t).docs as { tags: Set<string> }[][]).flat().map((x) => [...x.tags])),
  );
}

describe("the faster compromise sweep", () => {
  it("is installed on the compromise version it was checked against", () => {
    expect(nlp.version).toBe(CHECKED_VERSION);
    expect(installed).toBe(fastBulkMatch);
  });

  it("gives every term the tags compromise's own sweep gives it", () => {
    const list = texts();
    expect(list.length).toBeGreaterThan(500);
    const stock = tagsWith(stockBulkMatch, list);
    const fast = tagsWith(fastBulkMatch, list);
    const differ = list.filter((_, i) => stock[i] !== fast[i]);
    expect(differ).toEqual([]);
  });

  it("finds the same matches as compromise's own sweep", () => {
    const doc = "Trade Minister Dominic LeBlanc said talks would resume. They didn't.";
    const run = (sweep: unknown) => {
      methods.one.bulkMatch = sweep;
      return nlp(doc).match("#Person").out("array");
    };
    expect(run(fastBulkMatch)).toEqual(run(stockBulkMatch));
    expect(run(fastBulkMatch).length).toBeGreaterThan(0);
  });
});
