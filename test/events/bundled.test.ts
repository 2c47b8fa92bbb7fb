/**
 * The five bundled articles: the dates the desk knows to be right (METADATA.md) and the
 * events built on them, merged across articles, each quoting its article verbatim.
 */
import { describe, expect, it } from "vitest";
import {
  articleDates,
  articleEvents,
  eventsAt,
  knowledgeEvents,
} from "../../src/extract/events/index.ts";
import type { DatedEvent } from "../../src/extract/events/types.ts";
import { KnowledgeBase } from "../../src/knowledge/base.ts";
import { bundledKb } from "../helpers/knowledge.ts";

const kb = bundledKb();
const WHITE_HOUSE = "2025-10-06-carney-white-house-tariff-relief";
const MEXICO = "2025-09-17-little-progress-trade-talks";
const APEC = "2025-10-trade-deal-inching-closer";
const STEEL = "2025-05-steel-aluminum-tariffs-negotiations";

function dateOf(articleId: string, text: string, nth = 0): string | null {
  const article = kb.get(articleId);
  if (!article) throw new Error(`no article ${articleId}`);
  const found = articleDates(kb, article).filter((d) => d.text === text)[nth];
  if (!found) throw new Error(`no “${text}” in ${articleId}`);
  return found.endValue ? `${found.value}..${found.endValue}` : found.value;
}

function eventWith(sentencePart: string, date: string): DatedEvent {
  const e = knowledgeEvents(kb).find(
    (x) => x.date === date && x.mentions.some((m) => m.what.includes(sentencePart)),
  );
  if (!e) throw new Error(`no event on ${date} about “${sentencePart}”`);
  return e;
}

describe("dates in the bundled articles", () => {
  it("resolves them as the desk's notes say", () => {
    expect(dateOf(WHITE_HOUSE, "Tuesday")).toBe("2025-10-07");
    expect(dateOf(WHITE_HOUSE, "Monday")).toBe("2025-10-06");
    expect(dateOf(WHITE_HOUSE, "next year")).toBe("2026");
    expect(dateOf(MEXICO, "Thursday and Friday")).toBe("2025-09-18..2025-09-19");
    expect(dateOf(MEXICO, "Nov. 1")).toBe("2025-11-01");
    expect(dateOf(MEXICO, "Tuesday")).toBe("2025-09-16");
    expect(dateOf(APEC, "later this month")).toBe("2025-10");
    expect(dateOf(STEEL, "2026")).toBe("2026");
  });

  it("keeps “said Tuesday” in the month-dated article unresolved rather than inventing a day", () => {
    expect(dateOf(APEC, "Tuesday")).toBeNull();
  });
});

describe("events in the bundled articles", () => {
  it("dates the White House meeting to Tuesday 2025-10-07, at the White House, with Carney", () => {
    const e = eventWith("sit down with his U.S. counterpart", "2025-10-07");
    expect(e).toMatchObject({
      precision: "day",
      kind: "meeting",
      place: "White House",
      articleId: WHITE_HOUSE,
    });
    expect(e.participants).toContain("Mark Carney");
  });

  it("dates Carney–Sheinbaum in Mexico City to 2025-09-18 through 2025-09-19", () => {
    const e = eventWith("Sheinbaum", "2025-09-18");
    expect(e).toMatchObject({
      endDate: "2025-09-19",
      precision: "day",
      kind: "meeting",
      place: "Mexico City",
    });
    expect(e.participants).toEqual(["Mark Carney", "Claudia Sheinbaum"]);
  });

  it("dates the USMCA public comments to 2025-11-01 as a deadline", () => {
    expect(eventWith("public comments", "2025-11-01")).toMatchObject({
      precision: "day",
      kind: "deadline",
      dateText: "Nov. 1",
    });
  });

  it("dates the APEC summit to October 2025 at month precision, with the meeting there", () => {
    const e = eventWith("APEC", "2025-10");
    expect(e).toMatchObject({
      precision: "month",
      kind: "summit",
      place: "South Korea",
      first: "2025-10-01",
      last: "2025-10-31",
    });
    expect(
      e.mentions.some((m) =>
        m.what.includes("he will meet with US president Donald Trump during the APEC summit"),
      ),
    ).toBe(true);
    expect(e.participants).toEqual(expect.arrayContaining(["Mark Carney", "Donald Trump"]));
  });

  it("merges the CUSMA joint review of 2026 from both articles that report it, keeping both citations", () => {
    const reviews = knowledgeEvents(kb).filter((e) => e.date === "2026");
    expect(reviews).toHaveLength(1);
    const review = reviews[0] as DatedEvent;
    expect(review).toMatchObject({ precision: "year", kind: "review" });
    expect(review.mentions.map((m) => [m.articleId, m.dateText])).toEqual([
      [WHITE_HOUSE, "next year"],
      [STEEL, "2026"],
    ]);
  });

  it("does not date the planned meeting by the Monday of the premiers' press event", () => {
    const monday = knowledgeEvents(kb).filter((e) => e.date === "2025-10-06");
    expect(monday.map((e) => e.kind)).toEqual(["tariff action"]);
  });

  it("quotes every sentence verbatim", () => {
    for (const e of knowledgeEvents(kb)) {
      for (const m of e.mentions)
        expect(kb.get(m.articleId)?.body.slice(m.start, m.end)).toBe(m.what);
    }
  });
});

describe("status against the clock", () => {
  it("on 2025-10-06 the White House meeting is upcoming, Monday's tariff news is today, Sept. events are past", () => {
    const at = eventsAt(kb, new Date("2025-10-06T00:00:00Z"));
    expect(at.find((e) => e.date === "2025-10-07")?.status).toBe("upcoming");
    expect(at.find((e) => e.date === "2025-10-06")?.status).toBe("today");
    expect(at.find((e) => e.date === "2025-09-18")?.status).toBe("past");
    expect(at.find((e) => e.date === "2025-10")?.status).toBe("today");
  });

  it("on the real date nothing from 2025 is upcoming", () => {
    const at = eventsAt(kb, new Date("2026-11-21T12:00:00Z"));
    expect(at.filter((e) => e.date.startsWith("2025") && e.status !== "past")).toEqual([]);
    expect(at.filter((e) => e.status === "upcoming")).toEqual([]);
  });
});

describe("memoization", () => {
  it("re-reads only the article that changed", () => {
    const local = new KnowledgeBase(kb.articles());
    const before = new Map(local.articles().map((a) => [a.id, articleEvents(local, a)]));
    const changed = local.get(MEXICO);
    if (!changed) throw new Error("missing article");
    local.upsert({ ...changed, body: changed.body.replace("due on Nov. 1", "due on Nov. 15") });
    for (const a of local.articles()) {
      const after = articleEvents(local, a);
      if (a.id === MEXICO) expect(after).not.toBe(before.get(a.id));
      else expect(after).toBe(before.get(a.id));
    }
    expect(knowledgeEvents(local).some((e) => e.date === "2025-11-15")).toBe(true);
    expect(knowledgeEvents(local).some((e) => e.date === "2025-11-01")).toBe(false);
  });
});
