/**
 * The events intent through `ask`, as Slack and the CLI reach it: routing, order, the "(past)"
 * marks, the nothing-ahead notice, and a verbatim citation on every line.
 */
import { describe, expect, it } from "vitest";
import { ask } from "../../src/answer/router.ts";
import type { Answer } from "../../src/answer/types.ts";
import { openKnowledge } from "../../src/knowledge/open.ts";
import { bundledKb } from "../helpers/knowledge.ts";
import { FIXTURES } from "./gold.ts";

const kb = bundledKb();
const BEFORE_WHITE_HOUSE = new Date("2025-10-06T00:00:00Z");
const REAL_DATE = new Date("2026-11-21T15:00:00Z");

function askAt(now: Date, q: string, knowledge = kb): Answer {
  return ask({ kb: knowledge, now }, q);
}

function expectVerbatimCitations(answer: Answer, knowledge = kb): void {
  for (const item of answer.items) {
    expect(item.kind).toBe("snippet");
    expect(item.citations.length).toBeGreaterThan(0);
    expect(item.text).toBe(item.citations[0]?.snippet);
    for (const c of item.citations) {
      const article = knowledge.get(c.articleId);
      expect(article?.body.slice(c.start, c.end)).toBe(c.snippet);
      expect(c.headline).toBe(article?.headline);
      expect(c.published).toBe(article?.published.value);
    }
  }
}

describe("routing", () => {
  it.each([
    "upcoming meetings",
    "what's next",
    "What’s coming up?",
    "when is the CUSMA review?",
    "when do Carney and Trump meet?",
    "timeline",
    "timeline of the talks",
    "/tariffs meetings",
    "meetings",
    "next meeting",
  ])("sends “%s” to the events intent", (q) => {
    expect(askAt(BEFORE_WHITE_HOUSE, q).intent).toBe("events");
  });

  it.each(["what's the latest on the CUSMA review?", "steel", "Carney"])(
    "leaves “%s” to the other intents",
    (q) => {
      expect(askAt(BEFORE_WHITE_HOUSE, q).intent).not.toBe("events");
    },
  );
});

describe("upcoming meetings with --now 2025-10-06", () => {
  const answer = askAt(BEFORE_WHITE_HOUSE, "upcoming meetings");

  it("puts the Carney–Trump White House meeting on Tuesday 2025-10-07 first", () => {
    const first = answer.items[0];
    expect(first?.section).toBe("Upcoming");
    expect(first?.text).toContain(
      "will sit down with his U.S. counterpart at the White House Tuesday",
    );
    expect(first?.note).toBe("Tue Oct. 7, 2025");
    expect(answer.notice).toBeUndefined();
  });

  it("lists the APEC summit as this period (month only), then the past marked (past), most recent first", () => {
    const apec = answer.items.find((i) => i.text.includes("APEC"));
    expect(apec?.section).toBe("This period (day not known)");
    expect(apec?.note).toBe("Oct. 2025 (month) (under way, past or still ahead)");
    const past = answer.items.filter((i) => i.section === "Past");
    expect(past.length).toBeGreaterThan(0);
    expect(past.every((i) => i.note?.endsWith("(past)"))).toBe(true);
    expect(past[0]?.text).toContain("Claudia Sheinbaum");
    expect(past[0]?.note).toBe("Thu Sept. 18 – Fri Sept. 19, 2025 (past)");
    const sections = answer.items.map((i) => i.section);
    expect(sections.indexOf("Past")).toBeGreaterThan(sections.lastIndexOf("Upcoming"));
  });

  it("shows only meetings, summits, talks and visits", () => {
    expect(answer.items.some((i) => i.text.includes("public comments"))).toBe(false);
    expect(answer.items.some((i) => i.text.includes("truck imports"))).toBe(false);
  });

  it("cites every line verbatim", () => expectVerbatimCitations(answer));
});

describe("the real date (2026-11-21)", () => {
  const answer = askAt(REAL_DATE, "upcoming meetings");

  it("calls no 2025 event upcoming and says nothing is after today, naming the newest article's date", () => {
    expect(answer.items.filter((i) => i.section === "Upcoming" || i.section === "Today")).toEqual(
      [],
    );
    expect(answer.notice).toContain(
      "Nothing in the knowledge is dated after today (Sat Nov. 21, 2026)",
    );
    expect(answer.notice).toContain("the newest article is from Oct. 6, 2025");
    expect(answer.items.length).toBeGreaterThan(0);
    expect(answer.items.every((i) => i.section === "Past" && i.note?.endsWith("(past)"))).toBe(
      true,
    );
    expect(answer.items[0]?.text).toContain("APEC");
    expect(answer.items[1]?.note).toBe("Tue Oct. 7, 2025 (past)");
  });

  it("keeps the 2026 review out of Upcoming: it is dated only to this year", () => {
    const next = askAt(REAL_DATE, "what's next");
    const review = next.items.find((i) => i.text.includes("joint review"));
    expect(review?.section).toBe("This period (day not known)");
    expect(review?.note).toBe("2026 (year) (under way, past or still ahead)");
    expect(next.items.some((i) => i.section === "Upcoming")).toBe(false);
    expect(next.notice).toContain("may be past or still ahead");
    expectVerbatimCitations(next);
  });
});

describe("when …", () => {
  it("when is the CUSMA review? gives 2026 from both articles, each cited", () => {
    const answer = askAt(BEFORE_WHITE_HOUSE, "when is the CUSMA review?");
    const review = answer.items.find((i) => i.note === "2026 (year)");
    expect(review?.section).toBe("Upcoming");
    expect(review?.citations.map((c) => c.articleId)).toEqual([
      "2025-10-06-carney-white-house-tariff-relief",
      "2025-05-steel-aluminum-tariffs-negotiations",
    ]);
    expect(
      answer.items.every((i) => /cusma/i.test(i.citations.map((c) => c.snippet).join(" "))),
    ).toBe(true);
    expectVerbatimCitations(answer);
  });

  it("when do Carney and Trump meet? gives the White House meeting and the APEC summit only", () => {
    const answer = askAt(BEFORE_WHITE_HOUSE, "when do Carney and Trump meet?");
    expect(answer.items.map((i) => i.note)).toEqual([
      "Tue Oct. 7, 2025",
      "Oct. 2025 (month) (under way, past or still ahead)",
    ]);
  });

  it("says plainly when nothing dated matches", () => {
    const answer = askAt(BEFORE_WHITE_HOUSE, "when is the zinc hearing?");
    expect(answer.items).toEqual([]);
    expect(answer.notice).toContain("No dated event about “the zinc hearing”");
  });
});

describe("timeline", () => {
  it("lists every dated event oldest first, each with its status", () => {
    const answer = askAt(BEFORE_WHITE_HOUSE, "timeline");
    expect(answer.items.every((i) => i.section === "Timeline")).toBe(true);
    expect(answer.items[0]?.note).toBe("March 2025 (month) (past)");
    expect(answer.items.at(-1)?.note).toBe("2026 (year)");
    expectVerbatimCitations(answer);
  });
});

describe("on articles written for the tests", () => {
  const fixtures = openKnowledge(FIXTURES);

  it("orders upcoming events soonest first and today's first of all", () => {
    const answer = askAt(new Date("2026-03-04T00:00:00Z"), "what's next", fixtures);
    const notes = answer.items
      .filter((i) => i.section !== "Past")
      .map((i) => `${i.section}: ${i.note}`);
    expect(notes.slice(0, 4)).toEqual([
      "Today: Wed March 4, 2026 (today)",
      "Upcoming: Wed March 11, 2026",
      "Upcoming: Wed March 18, 2026",
      "Upcoming: Tue March 31, 2026",
    ]);
    expectVerbatimCitations(answer, fixtures);
  });

  it("finds a meeting by the names of both people", () => {
    const answer = askAt(
      new Date("2026-03-04T00:00:00Z"),
      "when do Valdane and Okafor meet?",
      fixtures,
    );
    expect(answer.items.map((i) => i.note)).toEqual(["Wed March 11, 2026"]);
  });
});
