/**
 * Seasons: "in the fall", "over the summer", "this winter", "next spring", "fall 2026".
 * A season is a range of three months (meteorological: spring March–May, summer June–August,
 * fall September–November, winter December–February, named for the year of its January),
 * so it keeps season precision instead of a made-up day.
 */
import { type Day, makeMonth, monthsBetween, yearOf } from "../day.ts";
import type { Direction, Finder, Found, Resolved } from "../types.ts";

const FIRST_MONTH: Record<string, number> = {
  spring: 3,
  summer: 6,
  fall: 9,
  autumn: 9,
  winter: 12,
};

const SEASON =
  /\b(?:(this coming|this past|this|next|last|early|late|mid|the coming|the past|the)[\s-]+)?(spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?(\d{4}))?\b/gi;

/** The season names alone: a sentence without one (the usual case) skips the full pattern. */
const NAMES = /spring|summer|fall|autumn|winter/i;

export const seasons: Finder = (sentence) => {
  const out: Found[] = [];
  if (!NAMES.test(sentence)) return out;
  for (const m of sentence.matchAll(SEASON)) {
    const modifier = m[1]?.toLowerCase();
    const year = m[3] ? Number(m[3]) : undefined;
    // "fall" and "spring" are verbs too: without a determiner or a year it is not a season.
    if (!modifier && year === undefined) continue;
    // "the fall of the government" is not a season; "the fall of 2026" is.
    if (year === undefined && /^\s+of\b/.test(sentence.slice(m.index + m[0].length))) continue;
    const first = FIRST_MONTH[(m[2] as string).toLowerCase()] as number;
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      precision: "season",
      rule: "season",
      direction: year !== undefined ? "none" : intrinsic(modifier),
      resolve: (ref, direction) =>
        year !== undefined ? occurrence(first, year) : pick(first, ref, modifier, direction),
    });
  }
  return out;
};

function intrinsic(modifier: string | undefined): Direction | undefined {
  if (modifier === "next" || modifier === "this coming" || modifier === "the coming")
    return "future";
  if (modifier === "last" || modifier === "this past" || modifier === "the past") return "past";
  return undefined;
}

/** The season as a month range; winter `year` runs from December of the year before. */
function occurrence(firstMonth: number, year: number): Resolved {
  const start = firstMonth === 12 ? makeMonth(year - 1, 12) : makeMonth(year, firstMonth);
  return {
    value: start,
    endValue: makeMonth(Number(start.slice(0, 4)), Number(start.slice(5, 7)) + 2),
  };
}

function pick(
  firstMonth: number,
  ref: Day,
  modifier: string | undefined,
  direction: Direction,
): Resolved {
  const now = ref.slice(0, 7);
  const all = [-1, 0, 1, 2].map((k) => occurrence(firstMonth, yearOf(ref) + k));
  const started = (s: Resolved) => monthsBetween(s.value, now) >= 0;
  const ended = (s: Resolved) => monthsBetween(s.endValue as string, now) > 0;
  const current = all.find((s) => started(s) && !ended(s));
  const nextOne = all.find((s) => !started(s)) as Resolved;
  const lastOne = all.filter(ended).pop() as Resolved;
  if (modifier === "next") return nextOne;
  if (modifier === "last") return lastOne;
  if (current) return current;
  if (direction === "past") return lastOne;
  if (direction === "future") return nextOne;
  // Neither way: the nearer one ("this summer" in October is the one just gone).
  return monthsBetween(lastOne.endValue as string, now) <= monthsBetween(now, nextOne.value)
    ? lastOne
    : nextOne;
}
