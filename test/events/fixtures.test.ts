/**
 * Events on articles written for the tests: which dated events are found (precision/recall
 * against the gold list), merged across articles, with their people and places. Prints the figures.
 */
import { describe, expect, it } from "vitest";
import { knowledgeEvents } from "../../src/extract/events/index.ts";
import type { DatedEvent, EventMention } from "../../src/extract/events/types.ts";
import { openKnowledge } from "../../src/knowledge/open.ts";
import { BUNDLED } from "../helpers/knowledge.ts";
import { FIXTURES, gold } from "./gold.ts";

function key(e: { date: string; endDate?: string; precision: string; kind: string }): string {
  return `${e.date}${e.endDate ? `..${e.endDate}` : ""} ${e.precision} ${e.kind}`;
}

describe("events in the fixture articles", () => {
  const kb = openKnowledge(FIXTURES);
  const events = knowledgeEvents(kb);
  const expected = gold().events;

  it("finds the gold events and no others", () => {
    const got = new Map(events.map((e) => [key(e), e]));
    const want = new Set(expected.map(key));
    const hits = [...want].filter((k) => got.has(k)).length;
    const precision = hits / got.size;
    const recall = hits / want.size;
    console.log(
      `events: ${hits} of ${want.size} gold found, ${got.size} extracted: precision ${(100 * precision).toFixed(1)}%, recall ${(100 * recall).toFixed(1)}%`,
    );
    expect([...got.keys()].filter((k) => !want.has(k))).toEqual([]);
    expect([...want].filter((k) => !got.has(k))).toEqual([]);
  });

  it("gives each event its first mention's fields, but the merge terms, in that mention's order, then its mentions", () => {
    const all = [...events, ...knowledgeEvents(openKnowledge(BUNDLED))];
    // Both ways an event is written: with a range's end date, and without.
    expect(all.some((e) => e.endDate !== undefined)).toBe(true);
    expect(all.some((e) => e.endDate === undefined)).toBe(true);
    for (const e of all) {
      const lead = e.mentions[0] as EventMention;
      const fields = Object.keys(lead).filter((k) => k !== "terms" && k !== "inherited");
      expect(Object.keys(e)).toEqual([...fields, "mentions"]);
      for (const k of fields)
        if (!["participants", "place", "first", "last"].includes(k))
          expect(e[k as keyof DatedEvent]).toBe(lead[k as keyof EventMention]);
    }
  });

  it("merges an event reported by two articles and keeps both citations", () => {
    const hearing = events.find((e) => e.date === "2026-01-15");
    expect(hearing?.mentions.map((m) => m.articleId).sort()).toEqual([
      "fixture-hearing-preview",
      "fixture-steel-safeguard-review",
    ]);
    expect(hearing?.mentions.map((m) => m.dateText).sort()).toEqual(["Jan. 15, 2026", "Thursday"]);
  });

  it("names the participants, the place and the reporting articles of each event", () => {
    const wrong: string[] = [];
    let right = 0;
    for (const g of expected) {
      const e = events.find((x) => key(x) === key(g)) as DatedEvent;
      const articles = [...new Set(e.mentions.map((m) => m.articleId))].sort();
      const fields = (x: { participants: string[]; place: string | null }, a: string[]) =>
        JSON.stringify({ participants: x.participants, place: x.place, articles: a });
      if (fields(e, articles) === fields(g, [...g.articles].sort())) right++;
      else
        wrong.push(
          `${key(g)}: got ${fields(e, articles)}, want ${fields(g, [...g.articles].sort())}`,
        );
    }
    console.log(`event participants, place and sources right: ${right}/${expected.length}`);
    expect(wrong).toEqual([]);
  });

  it("quotes each event's sentence verbatim from its article", () => {
    for (const e of events) {
      for (const m of e.mentions) {
        const body = kb.get(m.articleId)?.body ?? "";
        expect(body.slice(m.start, m.end)).toBe(m.what);
        expect(body.slice(m.dateStart, m.dateEnd)).toBe(m.dateText);
      }
    }
  });
});
