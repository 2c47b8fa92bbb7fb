/**
 * Precision and recall of the tariff facts on test articles written with other wordings (per
 * cent, ranges, a lowered rate, a quota, counter-tariffs lifted, non-tariff percentages as traps),
 * against a hand-written gold list. The figures are printed; the test fails below 0.8.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { type TariffFact, tariffFacts } from "../../src/extract/tariffs/facts.ts";
import { openKnowledge } from "../../src/knowledge/open.ts";
import { PROJECT } from "../helpers/knowledge.ts";

const DIR = join(PROJECT, "test/fixtures/tariffs");

interface Gold {
  sector: string;
  imposedBy: "US" | "CA";
  rate: number | null;
  status: string;
  previousRate?: number;
  rateRange?: [number, number];
  overQuota?: boolean;
  basis?: string;
  asOf?: string;
}

const gold = parse(readFileSync(join(DIR, "gold.yml"), "utf8"), { schema: "core" }) as Record<
  string,
  Gold[]
>;
const kb = openKnowledge(DIR);
const facts = tariffFacts(kb);

const key = (articleId: string, f: Pick<Gold, "sector" | "imposedBy" | "rate" | "status">) =>
  `${articleId}|${f.sector}|${f.imposedBy}|${f.rate}|${f.status}`;

describe("tariff facts on the test articles", () => {
  it("loads every test article", () => {
    expect(kb.problems).toEqual([]);
    expect(
      kb
        .articles()
        .map((a) => a.id)
        .sort(),
    ).toEqual(Object.keys(gold).sort());
  });

  it("finds the gold facts with precision and recall of at least 0.8", () => {
    const expected = new Set(
      Object.entries(gold).flatMap(([id, list]) => list.map((g) => key(id, g))),
    );
    const found = new Set(facts.map((f) => key(f.articleId, f)));
    const hits = [...found].filter((k) => expected.has(k));
    const precision = hits.length / found.size;
    const recall = hits.length / expected.size;
    console.log(
      `tariff facts on ${kb.size} test articles: precision ${precision.toFixed(2)} (${hits.length}/${found.size}), ` +
        `recall ${recall.toFixed(2)} (${hits.length}/${expected.size})`,
    );
    console.log(
      "  missed:",
      [...expected].filter((k) => !found.has(k)),
    );
    console.log(
      "  extra: ",
      [...found].filter((k) => !expected.has(k)),
    );
    expect(precision).toBeGreaterThanOrEqual(0.8);
    expect(recall).toBeGreaterThanOrEqual(0.8);
  });

  it("gets the details right on the facts it finds (previous rate, range, quota, basis, date)", () => {
    let checked = 0;
    let right = 0;
    const wrong: string[] = [];
    for (const [id, list] of Object.entries(gold)) {
      for (const g of list) {
        const f = facts.find((x) => key(x.articleId, x) === key(id, g));
        if (!f) continue;
        for (const field of ["previousRate", "rateRange", "overQuota", "basis", "asOf"] as const) {
          if (g[field] === undefined) continue;
          checked++;
          const got = field === "asOf" ? f.asOf.value : (f as TariffFact)[field];
          if (JSON.stringify(got) === JSON.stringify(g[field])) right++;
          else
            wrong.push(
              `${id} ${g.sector} ${field}: ${JSON.stringify(got)} ≠ ${JSON.stringify(g[field])}`,
            );
        }
      }
    }
    console.log(`tariff fact details: ${right}/${checked} right`, wrong);
    expect(checked).toBeGreaterThan(10);
    expect(right / checked).toBeGreaterThanOrEqual(0.8);
  });

  it("every rate is written in its own snippet, and every snippet is the article's text", () => {
    for (const f of facts) {
      expect(f.snippet).toBe(kb.get(f.articleId)?.body.slice(f.start, f.end));
      if (f.rate !== null) {
        const numbers = [...f.snippet.matchAll(/(?<![\d.])\d+(?:\.\d+)?/g)].map((m) =>
          Number(m[0]),
        );
        expect(numbers, f.snippet).toContain(f.rate);
      }
    }
  });

  it("reads no trap percentage as a rate (shares, growth, prices, unemployment)", () => {
    const traps: [string, number][] = [
      ["2024-11-14-ottawa-trims-steel-surtax", 0.4], // "shaved 0.4 per cent off growth"
      ["2024-11-14-ottawa-trims-steel-surtax", 70], // "70 per cent of affected firms"
      ["2026-02-10-copper-quota-deal", 60], // "60% of their output"
      ["2026-02-10-copper-quota-deal", 15], // "15% of copper exports"
      ["2025-12-03-lumber-duties-lowered", 12], // "prices have fallen 12 per cent"
      ["2026-06-aluminum-hike-potash-plan", 12], // "12% of bilateral metals trade"
      ["2026-06-aluminum-hike-potash-plan", 9], // "unemployment … to 9 per cent"
      ["2026-03-22-cheese-surtax-suspended", 8], // "power prices by 8%"
      ["2026-03-22-cheese-surtax-suspended", 40], // "40% of Canada's cheese imports"
    ];
    for (const [id, n] of traps) {
      const mine = facts.filter((f) => f.articleId === id);
      expect(mine.length, id).toBeGreaterThan(0);
      expect(
        mine.filter((f) => f.rate === n || f.previousRate === n || f.rateRange?.includes(n)),
        `${id}: ${n}`,
      ).toEqual([]);
    }
  });
});
