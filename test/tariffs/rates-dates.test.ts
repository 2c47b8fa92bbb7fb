/** Rate expressions and dates of effect, one sentence at a time. */
import { describe, expect, it } from "vitest";
import { findAnchors } from "../../src/extract/tariffs/anchors.ts";
import { findRates } from "../../src/extract/tariffs/rates.ts";
import { findDates } from "../../src/extract/tariffs/when.ts";
import type { PubDate } from "../../src/knowledge/pubdate.ts";

function rates(text: string) {
  return findRates(text, findAnchors(text, []), new Set(["softwood", "lumber", "steel"])).map(
    ({ value, previous, range, overQuota }) => ({ value, previous, range, overQuota }),
  );
}
const one = (value: number, extra: object = {}) => [
  { value, previous: undefined, range: undefined, overQuota: undefined, ...extra },
];

describe("tariff rates", () => {
  it("reads every way of writing a percentage", () => {
    expect(rates("A 50% tariff applies.")).toEqual(one(50));
    expect(rates("A 50 per cent tariff applies.")).toEqual(one(50));
    expect(rates("Its 35-per-cent levy took effect.")).toEqual(one(35));
    expect(rates("The 25 percent duty stays.")).toEqual(one(25));
    expect(rates("The 25-percent duty stays.")).toEqual(one(25));
    expect(rates("Canada's 6.25% surtax stays.")).toEqual(one(6.25));
  });

  it("reads changes: raised to, from … to, cut … to, down from", () => {
    expect(rates("U.S. tariffs, which were raised to 35% on goods.")).toEqual(one(35));
    expect(rates("The duty on steel rose from 25% to 50%.")).toEqual(one(50, { previous: 25 }));
    expect(rates("The duty on steel rose from 25 to 50 per cent.")).toEqual(
      one(50, { previous: 25 }),
    );
    expect(rates("Ottawa will cut its 25 per cent surtax on U.S. steel to 10 per cent.")).toEqual(
      one(10, { previous: 25 }),
    );
    expect(
      rates("Duties on softwood lumber fell to 20.5 per cent on Tuesday, down from 35.2 per cent."),
    ).toEqual(one(20.5, { previous: 35.2 }));
  });

  it("reads ranges, with the top as the rate", () => {
    expect(rates("It threatened tariffs of 10% to 20% on energy.")).toEqual(
      one(20, { range: [10, 20] }),
    );
    expect(rates("It proposed duties of between 5 and 12 per cent.")).toEqual(
      one(12, { range: [5, 12] }),
    );
    expect(rates("It proposed 10-25% tariffs.")).toEqual(one(25, { range: [10, 25] }));
  });

  it("marks a rate above a quota", () => {
    expect(
      rates(
        "Up to 500,000 tonnes enter duty-free, with a 30 per cent tariff on shipments above the quota.",
      ),
    ).toEqual(one(30, { overQuota: true }));
    expect(rates("An over-quota tariff of 14% applies.")).toEqual(one(14, { overQuota: true }));
  });

  it("is not fooled by shares, counts and other measures", () => {
    expect(rates("The tariff-free pact covers more than 85% of goods.")).toEqual([]);
    expect(
      rates("The 25% tariff was imposed although less than 1% of fentanyl comes from Canada."),
    ).toEqual(one(25));
    expect(rates("The tariffs cost 58,100 jobs.")).toEqual([]);
    expect(rates("Tariffs have shaved 0.4 per cent off growth.")).toEqual([]);
    expect(rates("Because of the tariffs, exports fell 15% last year.")).toEqual([]);
    expect(rates("A 15% drop in exports followed the tariffs.")).toEqual([]);
    expect(rates("Tariffs pushed the unemployment rate to 9 per cent.")).toEqual([]);
    expect(rates("With over 75% of exports going south, the tariffs hurt.")).toEqual([]);
    expect(rates("Inflation hit 3% as prices rose.")).toEqual([]);
  });
});

describe("dates of effect", () => {
  const pub: PubDate = { value: "2025-09-05", precision: "day" };
  const dates = (text: string, published: PubDate = pub) =>
    findDates(text, published).map((d) => d.date);

  it("reads days, months and month-years, keeping their precision", () => {
    expect(dates("announced on August 22, 2025, to align")).toEqual([
      { value: "2025-08-22", precision: "day" },
    ]);
    expect(dates("raised to 35% in August 2025.")).toEqual([
      { value: "2025-08", precision: "month" },
    ]);
    expect(dates("imposed in March, citing")).toEqual([{ value: "2025-03", precision: "month" }]);
    expect(dates("effective Jan. 15, 2026, a notice said")).toEqual([
      { value: "2026-01-15", precision: "day" },
    ]);
    expect(dates("Ottawa will cut it on Dec. 1, the minister said")).toEqual([
      { value: "2025-12-01", precision: "day" },
    ]);
  });

  it("puts 'last <month>' before the publication", () => {
    expect(dates("Last August, Canada aligned", { value: "2025-10", precision: "month" })).toEqual([
      { value: "2025-08", precision: "month" },
    ]);
    expect(dates("Last October, Canada aligned", { value: "2025-10", precision: "month" })).toEqual(
      [{ value: "2024-10", precision: "month" }],
    );
  });

  it("pins weekdays to the publication week, and never reads the verb 'may' as a month", () => {
    const monday: PubDate = { value: "2025-10-06", precision: "day" };
    expect(dates("On Monday, Trump promised new tariffs.", monday)).toEqual([
      { value: "2025-10-06", precision: "day" },
    ]);
    expect(dates("Talks may resume soon.")).toEqual([]);
  });

  it("keeps a week only as its month, else falls back to the publication date", () => {
    const oct20: PubDate = { value: "2025-10-20", precision: "day" };
    expect(dates("Just last week, levies were announced.", oct20)).toEqual([
      { value: "2025-10", precision: "month" },
    ]);
    const oct6: PubDate = { value: "2025-10-06", precision: "day" };
    expect(dates("Just last week, levies were announced.", oct6)).toEqual([]);
  });
});
