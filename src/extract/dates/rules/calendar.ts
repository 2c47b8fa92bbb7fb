/**
 * Calendar dates with a month and a day: "Nov. 1", "on Dec. 2", "Jan. 15, 2026",
 * "August 22, 2025", "Sept. 18-19", "2025-10-07". chrono-node finds and parses them; we keep
 * only readings that name a month (so "3/4" is not March 4) and choose the year ourselves
 * when it is missing: forward for the future ("comments due on Nov. 1"), back for the past.
 */
import type { ParsedComponents } from "chrono-node";
// The English parser alone: the package's root module is the same parser plus fourteen other
// languages, 266 files that took a second of every start of the CLI and the app.
import * as chrono from "chrono-node/en";
import { type Day, daysBetween, isRealDay, makeDay, yearOf } from "../day.ts";
import type { Direction, Finder, Found } from "../types.ts";

const MONTH_WORD = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/;
const ISO_DAY = /\b\d{4}-\d{2}-\d{2}\b/;

/** Any fixed reference works: only the components chrono is certain of are used. */
const REFERENCE = new Date(2000, 0, 1);

interface Parts {
  year?: number;
  month: number;
  day: number;
}

function partsOf(c: ParsedComponents | null | undefined): Parts | undefined {
  if (!c?.isCertain("month") || !c.isCertain("day")) return undefined;
  const month = c.get("month") as number;
  const day = c.get("day") as number;
  return c.isCertain("year") ? { year: c.get("year") as number, month, day } : { month, day };
}

/**
 * A reading is kept only if its text (a stretch of the sentence) matches MONTH_WORD or ISO_DAY,
 * so a sentence holding neither stem nor ISO shape anywhere cannot give one: chrono, the
 * costliest step of date finding, is skipped for it.
 */
const MAY_HOLD_A_DATE = /Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|\d{4}-\d{2}-\d{2}/;

export const calendarDates: Finder = (sentence) => {
  const out: Found[] = [];
  if (!MAY_HOLD_A_DATE.test(sentence)) return out;
  for (const r of chrono.parse(sentence, REFERENCE)) {
    if (!(MONTH_WORD.test(r.text) || ISO_DAY.test(r.text))) continue;
    const start = partsOf(r.start);
    if (!start) continue;
    const end = partsOf(r.end);
    out.push({
      start: r.index,
      end: r.index + r.text.length,
      precision: "day",
      rule: end ? "calendar range" : "calendar",
      ...(start.year !== undefined ? { direction: "none" as const } : {}),
      resolve(ref, direction) {
        const first = start.year !== undefined ? exact(start) : nearestYear(start, ref, direction);
        if (!first) return null;
        if (!end) return { value: first };
        const last = end.year !== undefined ? exact(end) : sameOrNextYear(end, first);
        return last && last > first ? { value: first, endValue: last } : { value: first };
      },
    });
  }
  return out;
};

function exact(p: Parts): Day | null {
  const year = p.year as number;
  return isRealDay(year, p.month, p.day) ? makeDay(year, p.month, p.day) : null;
}

/** The year that puts month/day on the side of `ref` the sentence points to (nearest if neither). */
function nearestYear(p: Parts, ref: Day, direction: Direction): Day | null {
  const candidates = [-1, 0, 1]
    .map((k) => yearOf(ref) + k)
    .filter((y) => isRealDay(y, p.month, p.day))
    .map((y) => makeDay(y, p.month, p.day));
  if (direction === "future") return candidates.find((d) => d >= ref) ?? null;
  if (direction === "past") return candidates.filter((d) => d <= ref).pop() ?? null;
  let best: Day | null = null;
  for (const d of candidates)
    if (!best || Math.abs(daysBetween(ref, d)) < Math.abs(daysBetween(ref, best))) best = d;
  return best;
}

/** The end of a range without a year: the first such day on or after the start. */
function sameOrNextYear(p: Parts, first: Day): Day | null {
  for (const y of [yearOf(first), yearOf(first) + 1]) {
    if (isRealDay(y, p.month, p.day) && makeDay(y, p.month, p.day) >= first)
      return makeDay(y, p.month, p.day);
  }
  return null;
}
