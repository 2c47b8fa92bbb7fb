/**
 * The resolver on articles written for the tests (other names, other phrasings): how many date
 * phrases it finds and resolves to the hand-checked value. Prints the figures; aims at all.
 */
import { describe, expect, it } from "vitest";
import { resolveDates } from "../../src/extract/dates/resolve.ts";
import { openKnowledge } from "../../src/knowledge/open.ts";
import { FIXTURES, gold } from "../events/gold.ts";

describe("date phrases in the fixture articles", () => {
  const kb = openKnowledge(FIXTURES);
  const expected = gold().expressions;

  it("loads every fixture article the gold file names", () => {
    expect(kb.problems).toEqual([]);
    expect(Object.keys(expected).sort()).toEqual(
      kb
        .articles()
        .map((a) => a.id)
        .sort(),
    );
  });

  it("finds and resolves every phrase to its gold value, and nothing else", () => {
    let right = 0;
    let total = 0;
    let found = 0;
    const wrong: string[] = [];
    for (const article of kb.articles()) {
      const got = resolveDates(article.body, article.published);
      found += got.length;
      for (const g of expected[article.id] ?? []) {
        total++;
        const d = got.find((x) => x.text === g.text);
        const ok = d && d.value === g.value && (d.endValue ?? null) === (g.endValue ?? null);
        if (ok) right++;
        else
          wrong.push(
            `${article.id}: “${g.text}” → ${d ? `${d.value}${d.endValue ? `..${d.endValue}` : ""}` : "not found"}, want ${g.value}`,
          );
      }
      for (const d of got) {
        expect(article.body.slice(d.start, d.end)).toBe(d.text);
      }
    }
    const precision = found ? right / found : 0;
    console.log(
      `date phrases: ${right}/${total} resolved right (recall ${((100 * right) / total).toFixed(1)}%), ` +
        `${found} found (precision ${(100 * precision).toFixed(1)}%)`,
    );
    expect(wrong).toEqual([]);
    expect(found).toBe(total);
  });
});
