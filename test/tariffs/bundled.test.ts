/** Tariff facts from the five bundled articles: the desk's expectations, and the citation promise. */
import { describe, expect, it } from "vitest";
import { type TariffFact, tariffFacts } from "../../src/extract/tariffs/facts.ts";
import { bundledKb } from "../helpers/knowledge.ts";

const kb = bundledKb();
const facts = tariffFacts(kb);
const find = (pred: (f: TariffFact) => boolean) => facts.filter(pred);

/** The numbers written in a text, as numbers ("50% rate", "35-per-cent" → 50, 35). */
function numbersIn(text: string): number[] {
  return [...text.matchAll(/(?<![\d.])\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));
}

describe("tariff facts from the bundled articles", () => {
  it("steel and aluminum: the 50% U.S. tariff on Canada", () => {
    for (const sector of ["steel", "aluminum"]) {
      const rated = find((f) => f.sector === sector && f.rate !== null);
      expect(
        rated.map((f) => [f.rate, f.imposedBy, f.on, f.status]),
        sector,
      ).toEqual([[50, "US", "CA", "in force"]]);
      expect(rated[0]?.articleId).toBe("2025-09-05-technical-talks-sectoral-tariffs");
      // The 50% sentence names no basis; the basis comes only from sentences that name it.
      expect(rated[0]?.basis).toBeNull();
      const s232 = find((f) => f.sector === sector && f.basis === "Section 232");
      expect(s232.map((f) => f.articleId)).toEqual(["2025-10-06-carney-white-house-tariff-relief"]);
      expect(s232[0]?.snippet).toContain("Section 232 tariffs on goods like steel and aluminum");
    }
  });

  it("non-CUSMA-compliant goods: raised to 35% in August 2025", () => {
    const f = find((x) => x.sector === "non-cusma");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      rate: 35,
      imposedBy: "US",
      status: "raised",
      asOf: { value: "2025-08", precision: "month" },
      asOfFrom: "sentence",
    });
  });

  it("the fentanyl tariff: 25% since March 2025, from an article of May 2025", () => {
    const rated = find((x) => x.sector === "fentanyl" && x.rate !== null);
    expect(rated).toHaveLength(1);
    expect(rated[0]).toMatchObject({
      rate: 25,
      imposedBy: "US",
      basis: "fentanyl / border emergency",
      status: "in force",
      asOf: { value: "2025-03", precision: "month" },
    });
    // "less than 1% of fentanyl seized" is in the same sentence and is not a rate.
    expect(facts.some((x) => x.rate === 1)).toBe(false);
  });

  it("lumber and timber: Section 232, announced, with no rate stated anywhere", () => {
    const lumber = find((x) => x.sector === "lumber");
    expect(lumber.length).toBeGreaterThan(0);
    expect(lumber.every((x) => x.rate === null)).toBe(true);
    expect(lumber.some((x) => x.basis === "Section 232" && x.status === "announced")).toBe(true);
    expect(find((x) => x.sector === "autos").every((x) => x.rate === null)).toBe(true);
  });

  it("trucks: promised, not in force", () => {
    const trucks = find((x) => x.sector === "trucks");
    expect(trucks.map((x) => [x.imposedBy, x.status, x.rate])).toEqual([["US", "announced", null]]);
    expect(trucks[0]?.asOf).toEqual({ value: "2025-10-06", precision: "day" });
    // "On Monday" in an article of Monday, Oct. 6: the date resolver pins it to that day.
    expect(trucks[0]?.asOfFrom).toBe("sentence");
  });

  it("Canada keeps counter-tariffs on U.S. steel, aluminum and autos, and lifted some", () => {
    for (const sector of ["steel", "aluminum", "autos"]) {
      const kept = find(
        (x) => x.sector === sector && x.imposedBy === "CA" && x.status === "in force",
      );
      expect(
        kept.map((x) => x.articleId),
        sector,
      ).toContain("2025-09-05-technical-talks-sectoral-tariffs");
      expect(kept.every((x) => x.on === "US" && x.basis === "counter-tariffs")).toBe(true);
    }
    const lifted = find((x) => x.sector === "counter-tariffs" && x.status === "lifted");
    expect(lifted.map((x) => x.asOf.value)).toEqual(
      expect.arrayContaining(["2025-08-22", "2025-08", "2025-10-06"]),
    );
    const aug22 = lifted.find((x) => x.asOf.value === "2025-08-22");
    expect(aug22?.snippet).toContain("lift some retaliatory tariffs on U.S. goods covered under");
  });

  it("the digital services tax: paused", () => {
    const dst = find((x) => x.sector === "digital-services-tax" && x.status === "paused");
    expect(dst.map((x) => [x.imposedBy, x.on])).toEqual([["CA", "US"]]);
    expect(dst[0]?.snippet).toContain("pausing the digital services tax");
  });

  it("takes no fact from another country's tariffs (British hopes for lower U.S. steel tariffs)", () => {
    expect(find((x) => x.articleId === "2025-09-17-little-progress-trade-talks")).toEqual([]);
  });

  it("never reads a share or a count as a rate", () => {
    const rates = new Set(facts.map((f) => f.rate).filter((r) => r !== null));
    expect([...rates].sort()).toEqual([25, 35, 50]);
  });

  it("every snippet is the article's own text at start..end, and every rate is written in its snippet", () => {
    expect(facts.length).toBeGreaterThan(30);
    for (const f of facts) {
      const body = kb.get(f.articleId)?.body ?? "";
      expect(f.snippet).toBe(body.slice(f.start, f.end));
      if (f.rate !== null) expect(numbersIn(f.snippet), f.snippet).toContain(f.rate);
      if (f.previousRate !== undefined) expect(numbersIn(f.snippet)).toContain(f.previousRate);
    }
  });

  it("lists facts newest first", () => {
    const firsts = facts.map((f) => f.asOf.value.slice(0, 7));
    expect(firsts).toEqual([...firsts].sort().reverse());
  });
});
