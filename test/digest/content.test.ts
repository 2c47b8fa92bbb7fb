/**
 * The digest's content, built from real knowledge folders: the bundled example window, and the
 * test articles in test/fixtures/digest scored against a hand-written gold list.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { buildDigest } from "../../src/digest/build.ts";
import { isNotable } from "../../src/digest/sections/quotes.ts";
import { NOTHING_SCHEDULED } from "../../src/digest/sections/upcoming.ts";
import { type Digest, SECTION } from "../../src/digest/types.ts";
import { articleQuotes } from "../../src/extract/quotes/extract.ts";
import { openKnowledge } from "../../src/knowledge/open.ts";
import { renderTerminal } from "../../src/render/terminal.ts";
import { bundledKb, PROJECT } from "../helpers/knowledge.ts";

const TZ = "America/Toronto";
const FIXTURES = join(PROJECT, "test/fixtures/digest");
const fixtureKb = openKnowledge(FIXTURES);

interface GoldWindow {
  name: string;
  since: string;
  now: string;
  articles: string[];
  upcoming: string[];
}
const gold = parse(readFileSync(join(FIXTURES, "gold.yml"), "utf8")) as {
  windows: GoldWindow[];
  notable: { speaker: string; starts: string }[];
};

function digestOf(since: string, now: string, kb = fixtureKb): Digest {
  return buildDigest(kb, { since: new Date(since), now: new Date(now), timeZone: TZ });
}

const inSection = (d: Digest, ...sections: string[]) =>
  d.items.filter((i) => sections.includes(i.section ?? ""));

describe("digest content: the bundled example", () => {
  const d = digestOf("2025-09-10T00:00-04:00", "2025-10-06T12:00-04:00", bundledKb());

  it("lists the Sept. 17 and Oct. 6 articles, not Sept. 5, nor the month-only October one", () => {
    expect(d.articleIds).toEqual([
      "2025-10-06-carney-white-house-tariff-relief",
      "2025-09-17-little-progress-trade-talks",
    ]);
    expect(inSection(d, SECTION.articles).map((i) => i.citations[0]?.published)).toEqual([
      "2025-10-06",
      "2025-09-17",
    ]);
  });

  it("puts the Oct. 7 White House meeting under upcoming, and nothing from Oct. 6 itself", () => {
    const upcoming = inSection(d, SECTION.upcoming);
    expect(upcoming.length).toBeGreaterThan(0);
    expect(upcoming[0]?.text).toContain("White House Tuesday");
    expect(upcoming[0]?.note).toBe("Tue Oct. 7, 2025");
    expect(upcoming.some((i) => i.text.includes("On Monday, Trump promised"))).toBe(false);
  });

  it("cites every line verbatim: snippet === body.slice(start, end)", () => {
    const kb = bundledKb();
    expect(d.items.length).toBeGreaterThan(4);
    for (const item of d.items) {
      expect(item.citations.length).toBeGreaterThan(0);
      for (const c of item.citations) {
        expect(c.snippet).toBe(kb.get(c.articleId)?.body.slice(c.start, c.end));
      }
      if (item.kind !== "label") {
        expect(item.citations[0]?.snippet).toContain(item.text);
      }
    }
  });

  it("takes tariff changes and quotes from the window's articles only", () => {
    const ids = new Set(d.articleIds);
    for (const item of inSection(d, SECTION.tariffs, SECTION.quotes)) {
      expect(ids.has(item.citations[0]?.articleId ?? "")).toBe(true);
    }
    expect(inSection(d, SECTION.quotes).length).toBeLessThanOrEqual(3);
    expect(
      inSection(d, SECTION.tariffs)
        .map((i) => i.note)
        .join("\n"),
    ).toContain("paused");
  });

  it("renders in the terminal with its sections and freshness", () => {
    const text = renderTerminal(d);
    expect(text).toContain("Tariff Desk digest for Monday, October 6, 2025");
    expect(text).toContain(`${SECTION.upcoming}:`);
    expect(text).toContain("— Carney heads to the White House seeking tariff relief · CBC News");
    expect(text).toContain("(5 articles in the knowledge; newest Oct. 6, 2025)");
  });

  it("with today's real clock says there is no new coverage and nothing scheduled", () => {
    const now = digestOf("2026-11-20T08:00-05:00", "2026-11-21T08:00-05:00", bundledKb());
    expect(now.empty).toBe(true);
    expect(now.items).toEqual([]);
    expect(now.notice).toBe(
      `No new coverage since Nov 20, 2026, 8:00 a.m. EST. ${NOTHING_SCHEDULED}`,
    );
  });
});

describe("digest content: test articles against the gold list", () => {
  it("selects new articles and upcoming events (precision and recall over the gold windows)", () => {
    const score = { articles: { tp: 0, fp: 0, fn: 0 }, upcoming: { tp: 0, fp: 0, fn: 0 } };
    const misses: string[] = [];
    for (const w of gold.windows) {
      const d = digestOf(w.since, w.now);
      const got = new Set(d.articleIds);
      for (const id of got) score.articles[w.articles.includes(id) ? "tp" : "fp"]++;
      for (const id of w.articles) if (!got.has(id)) score.articles.fn++;
      const shown = inSection(d, SECTION.upcoming, SECTION.nextKnown).map((i) => i.text);
      for (const text of shown) {
        const ok = w.upcoming.some((g) => text.startsWith(g));
        score.upcoming[ok ? "tp" : "fp"]++;
        if (!ok) misses.push(`${w.name}: shown "${text.slice(0, 50)}"`);
      }
      for (const g of w.upcoming) {
        if (!shown.some((t) => t.startsWith(g))) {
          score.upcoming.fn++;
          misses.push(`${w.name}: missed "${g}"`);
        }
      }
    }
    const pr = ({ tp, fp, fn }: { tp: number; fp: number; fn: number }) => ({
      precision: tp / (tp + fp || 1),
      recall: tp / (tp + fn || 1),
    });
    const articles = pr(score.articles);
    const upcoming = pr(score.upcoming);
    console.log(
      `digest new articles: precision ${articles.precision.toFixed(2)}, recall ${articles.recall.toFixed(2)} (${score.articles.tp} of ${score.articles.tp + score.articles.fn})`,
    );
    console.log(
      `digest upcoming/next event: precision ${upcoming.precision.toFixed(2)}, recall ${upcoming.recall.toFixed(2)}${misses.length ? `; ${misses.join("; ")}` : ""}`,
    );
    expect(articles).toEqual({ precision: 1, recall: 1 });
    expect(upcoming.precision).toBeGreaterThanOrEqual(0.5);
    expect(upcoming.recall).toBeGreaterThanOrEqual(0.5);
  });

  it("picks notable quotes by the rule (precision and recall over every extracted quote)", () => {
    const picked = fixtureKb
      .articles()
      .flatMap((a) => articleQuotes(fixtureKb, a).quotes.filter(isNotable))
      .map((q) => ({ speaker: q.speaker?.name ?? "", text: q.text }));
    const hit = (g: { speaker: string; starts: string }) =>
      picked.some((p) => p.speaker === g.speaker && p.text.startsWith(g.starts));
    const tp = picked.filter((p) =>
      gold.notable.some((g) => p.speaker === g.speaker && p.text.startsWith(g.starts)),
    ).length;
    const precision = tp / (picked.length || 1);
    const recall = gold.notable.filter(hit).length / gold.notable.length;
    console.log(
      `digest notable quotes: precision ${precision.toFixed(2)}, recall ${recall.toFixed(2)} (${picked.length} picked, ${gold.notable.length} in gold)`,
    );
    expect(precision).toBeGreaterThanOrEqual(0.75);
    expect(recall).toBeGreaterThanOrEqual(0.75);
  });

  it("never lists an article again that the previous digest listed", () => {
    const first = digestOf("2031-04-14T08:00-04:00", "2031-04-16T08:00-04:00");
    const next = buildDigest(fixtureKb, {
      since: new Date("2031-04-16T08:00-04:00"),
      now: new Date("2031-04-17T08:00-04:00"),
      timeZone: TZ,
      exclude: new Set(first.articleIds),
    });
    expect(next.articleIds).toEqual([]);
    expect(next.empty).toBe(true);
    expect(next.notice).toContain("No new coverage since Apr 16, 2031, 8:00 a.m. EDT.");
    // Upcoming is about the days ahead, not the window: it is still there.
    expect(inSection(next, SECTION.upcoming, SECTION.nextKnown).length).toBe(1);
  });

  it("reads the window's days in the digest's time zone", () => {
    // 02:00 UTC on April 16 is still the evening of April 15 in Toronto, already the 16th in Paris.
    const since = new Date("2031-04-15T12:00Z");
    const now = new Date("2031-04-16T02:00Z");
    const toronto = buildDigest(fixtureKb, { since, now, timeZone: TZ });
    const paris = buildDigest(fixtureKb, { since, now, timeZone: "Europe/Paris" });
    expect(toronto.articleIds).toEqual(["2031-04-15-dairy-negotiators-dig-in"]);
    expect(paris.articleIds).toEqual([
      "2031-04-16-border-wait-times",
      "2031-04-15-dairy-negotiators-dig-in",
    ]);
  });

  it("refuses a window that ends before it starts", () => {
    expect(() => digestOf("2031-04-16T08:00-04:00", "2031-04-15T08:00-04:00")).toThrow(
      /must start before it ends/,
    );
  });
});
