/**
 * The events intent on an archive big enough to cut its sections: 200 generated articles (the
 * benchmark's corpus generator, a seed of its own) hold hundreds of dated meetings. Each section
 * must show the soonest (or most recent) events of the full list, computed here from the merged
 * events with their status, and the notice must give that list's exact length.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeCorpus } from "../../bench/corpus/generate.ts";
import { ask } from "../../src/answer/router.ts";
import type { Answer } from "../../src/answer/types.ts";
import { knowledgeEvents, statusOf } from "../../src/extract/events/index.ts";
import type { DatedEvent } from "../../src/extract/events/types.ts";
import type { KnowledgeBase } from "../../src/knowledge/base.ts";
import { openKnowledge } from "../../src/knowledge/open.ts";

const TODAY = "2026-03-20";
const NOW = new Date(`${TODAY}T12:00:00Z`);
const GATHERINGS = ["meeting", "summit", "talks", "visit"];
let dir: string;
let kb: KnowledgeBase;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "tariff-desk-events-cap-"));
  writeCorpus(dir, 200, { seed: 11, end: TODAY });
  kb = openKnowledge(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Date order (first day, then last day), computed here rather than trusted. */
const soonestFirst = (a: DatedEvent, b: DatedEvent) =>
  a.first.localeCompare(b.first) || a.last.localeCompare(b.last);
const mostRecentFirst = (a: DatedEvent, b: DatedEvent) =>
  b.last.localeCompare(a.last) || b.first.localeCompare(a.first);

function gatherings(status: string, precision?: "day" | "other"): DatedEvent[] {
  return knowledgeEvents(kb).filter(
    (e) =>
      GATHERINGS.includes(e.kind) &&
      statusOf(e, TODAY) === status &&
      (!precision || (precision === "day") === (e.precision === "day")),
  );
}

/** Where the item's first citation is: the lead mention of its event. */
const placeOf = (c: { articleId: string; start: number; end: number }) =>
  `${c.articleId}@${c.start}-${c.end}`;

function section(answer: Answer, name: string): string[] {
  return answer.items
    .filter((i) => i.section === name)
    .map((i) => placeOf(i.citations[0] as { articleId: string; start: number; end: number }));
}

const places = (events: DatedEvent[]) =>
  events.map((e) => placeOf(e.mentions[0] as { articleId: string; start: number; end: number }));

function expectVerbatim(answer: Answer): void {
  for (const item of answer.items) {
    expect(item.text).toBe(item.citations[0]?.snippet);
    for (const c of item.citations) {
      expect(kb.get(c.articleId)?.body.slice(c.start, c.end)).toBe(c.snippet);
    }
  }
}

describe("a 200-article archive with hundreds of dated meetings", () => {
  it("has enough events to cut every section it tests", () => {
    expect(gatherings("upcoming").length).toBeGreaterThan(20);
    expect(gatherings("past").length).toBeGreaterThan(20);
    expect(gatherings("today", "other").length).toBeGreaterThan(20);
  });

  it("“upcoming meetings” shows the soonest 20 upcoming and the 20 first of this period, with their totals", () => {
    const answer = ask({ kb, now: NOW }, "upcoming meetings");
    const upcoming = gatherings("upcoming").sort(soonestFirst);
    const period = gatherings("today", "other").sort(soonestFirst);
    const today = gatherings("today", "day").sort(soonestFirst);
    expect(section(answer, "Upcoming")).toEqual(places(upcoming.slice(0, 20)));
    expect(section(answer, "This period (day not known)")).toEqual(places(period.slice(0, 20)));
    expect(section(answer, "Today")).toEqual(places(today.slice(0, 20)));
    // The recent past stays six, as before the caps.
    const past = gatherings("past").sort(mostRecentFirst);
    expect(section(answer, "Past")).toEqual(places(past.slice(0, 6)));
    expect(answer.notice).toContain(
      `Showing the soonest 20 of ${upcoming.length.toLocaleString("en-US")} upcoming meetings`,
    );
    expect(answer.notice).toContain(
      `the first 20 of ${period.length} meetings dated only to this month or year`,
    );
    expect(answer.notice).not.toContain("past meetings");
    expect(answer.notice).toContain("“upcoming meetings on <topic>”");
    expectVerbatim(answer);
  });

  it("“when are the next talks” cuts the past at the 20 most recent and counts it", () => {
    const answer = ask({ kb, now: NOW }, "when are the next talks");
    const past = gatherings("past").sort(mostRecentFirst);
    expect(section(answer, "Past")).toEqual(places(past.slice(0, 20)));
    expect(answer.notice).toContain(`the most recent 20 of ${past.length} past meetings`);
    expect(answer.items.every((i) => i.section !== "Past" || i.note?.endsWith("(past)"))).toBe(
      true,
    );
    expectVerbatim(answer);
  });

  it("“timeline” shows the newest-dated 50 events, oldest first, of the exact total", () => {
    const answer = ask({ kb, now: NOW }, "timeline");
    const all = [...knowledgeEvents(kb)].sort(soonestFirst);
    expect(section(answer, "Timeline")).toEqual(places(all.slice(-50)));
    expect(answer.notice).toContain(`Showing the newest-dated 50 of ${all.length} events`);
    expectVerbatim(answer);
  });

  it("a topic narrows the walk: the soonest 20 that mention it, and “more match” instead of a count", () => {
    const topic = "steel";
    const said = (e: DatedEvent) =>
      [...e.mentions.map((m) => m.what), ...e.participants, e.place ?? "", e.kind]
        .join(" ")
        .toLowerCase();
    const upcoming = gatherings("upcoming")
      .filter((e) => /(?<![\p{L}\p{N}])steel/u.test(said(e)))
      .sort(soonestFirst);
    expect(upcoming.length).toBeGreaterThan(20);
    const answer = ask({ kb, now: NOW }, `upcoming meetings on ${topic}`);
    expect(section(answer, "Upcoming")).toEqual(places(upcoming.slice(0, 20)));
    expect(answer.notice).toContain("the soonest 20 upcoming meetings (more match)");
    expectVerbatim(answer);
  });

  it("leaves small answers whole: a person with a few upcoming meetings gets every one and no cut notice", () => {
    const upcoming = gatherings("upcoming").sort(soonestFirst);
    const surnames = [...new Set(upcoming.flatMap((e) => e.participants))].map(
      (p) => p.split(" ").pop() as string,
    );
    const mentioning = (w: string) =>
      upcoming.filter((e) =>
        new RegExp(`(?<![\\p{L}\\p{N}])${w.toLowerCase()}`, "u").test(
          [...e.mentions.map((m) => m.what), ...e.participants, e.place ?? "", e.kind]
            .join(" ")
            .toLowerCase(),
        ),
      );
    const name = surnames.find((w) => {
      const n = mentioning(w).length;
      return n > 1 && n < 20;
    });
    expect(name).toBeDefined();
    const answer = ask({ kb, now: NOW }, `upcoming meetings on ${name}`);
    expect(section(answer, "Upcoming")).toEqual(places(mentioning(name as string)));
    expect(answer.notice ?? "").not.toContain("Showing");
    expectVerbatim(answer);
  });
});
