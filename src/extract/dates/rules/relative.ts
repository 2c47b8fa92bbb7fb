/**
 * Periods named relative to the publication day: "this week", "earlier this week", "last week",
 * "later this month", "next year", "the end of the month", "in two weeks", "three days ago",
 * "yesterday". They keep the precision they have: "later this month" is a month, never the 1st.
 * chrono reads "this week" as a single day and "in the fall" not at all, hence our own rule.
 */
import { addDays, type Day, lastDayOfMonth, makeMonth, mondayOf, monthOf, yearOf } from "../day.ts";
import type { DatePrecision, Direction, Finder, Found, Resolved } from "../types.ts";

const NUMBER_WORDS = [
  "a",
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
];
const COUNT = `(an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\\d{1,2})`;
const UNIT = "(day|week|month|year)s?";

type Unit = "day" | "week" | "month" | "year";

interface Phrase {
  re: RegExp;
  read(m: RegExpMatchArray): Omit<Found, "start" | "end" | "rule"> | null;
}

const PHRASES: Phrase[] = [
  {
    // "this week", "earlier this month", "later this year", "next year", "last week", "early next year"
    re: /\b(?:(earlier|later|early|late)\s+)?(this|next|last)\s+(week|month|year)\b/gi,
    read(m) {
      const [edge, which, unit] = [
        m[1]?.toLowerCase(),
        (m[2] as string).toLowerCase(),
        (m[3] as string).toLowerCase() as Unit,
      ];
      const shift = which === "next" ? 1 : which === "last" ? -1 : 0;
      let direction: Direction | undefined = shift > 0 ? "future" : shift < 0 ? "past" : undefined;
      if (shift === 0 && edge === "earlier") direction = "past";
      if (shift === 0 && edge === "later") direction = "future";
      return {
        precision: unit === "week" ? "week" : (unit as DatePrecision),
        direction,
        resolve: (ref) => period(ref, unit, shift, shift === 0 ? edge : undefined),
      };
    },
  },
  {
    // "the end of the month", "end of this year", "the end of next week"
    re: /\b(?:the\s+)?end\s+of\s+(the|this|next)\s+(week|month|year)\b/gi,
    read(m) {
      const shift = (m[1] as string).toLowerCase() === "next" ? 1 : 0;
      const unit = (m[2] as string).toLowerCase() as Unit;
      return {
        precision: "day",
        direction: "future",
        resolve: (ref) => ({ value: endOf(ref, unit, shift) }),
      };
    },
  },
  {
    // "year-end", "month-end"
    re: /\b(year|month)-end\b/gi,
    read(m) {
      const unit = (m[1] as string).toLowerCase() as Unit;
      return { precision: "day", resolve: (ref) => ({ value: endOf(ref, unit, 0) }) };
    },
  },
  {
    // "in two weeks", "within 30 days", "in a month's time"
    re: new RegExp(`\\b(?:in|within)\\s+${COUNT}\\s+${UNIT}(?:['’]s?\\s+time)?\\b`, "gi"),
    read: (m) => offset(m, 1),
  },
  {
    // "three days ago", "two weeks earlier", "a month from now"
    re: new RegExp(`\\b${COUNT}\\s+${UNIT}\\s+(ago|earlier|before|later|from now)\\b`, "gi"),
    read: (m) => offset(m, /ago|earlier|before/i.test(m[3] as string) ? -1 : 1),
  },
  {
    re: /\b(yesterday|tomorrow|tonight|this (?:morning|afternoon|evening))\b/gi,
    read(m) {
      const word = (m[1] as string).toLowerCase();
      const shift = word === "yesterday" ? -1 : word === "tomorrow" ? 1 : 0;
      return {
        precision: "day",
        direction: shift < 0 ? "past" : shift > 0 ? "future" : undefined,
        resolve: (ref) => ({ value: addDays(ref, shift) }),
      };
    },
  },
];

/**
 * Every phrase above needs one of these words (case-insensitive, as the phrases are), so a
 * sentence without any is passed over in one scan instead of six.
 */
const NEEDED = /day|week|month|year|tomorrow|tonight|morning|afternoon|evening/i;

export const relativePhrases: Finder = (sentence) => {
  if (!NEEDED.test(sentence)) return [];
  return PHRASES.flatMap(({ re, read }) =>
    [...sentence.matchAll(re)].flatMap((m) => {
      const found = read(m);
      return found
        ? [
            {
              ...found,
              start: m.index as number,
              end: (m.index as number) + m[0].length,
              rule: "relative",
            },
          ]
        : [];
    }),
  );
};

/** A week, month or year `shift` periods from the one holding `ref`; "earlier"/"later" cut a week at `ref`. */
function period(ref: Day, unit: Unit, shift: number, edge: string | undefined): Resolved {
  if (unit === "week") {
    const monday = addDays(mondayOf(ref), 7 * shift);
    const sunday = addDays(monday, 6);
    if (edge === "earlier")
      return { value: monday, endValue: ref > monday ? addDays(ref, -1) : monday };
    if (edge === "later")
      return { value: ref < sunday ? addDays(ref, 1) : sunday, endValue: sunday };
    return { value: monday, endValue: sunday };
  }
  if (unit === "month") return { value: makeMonth(yearOf(ref), monthOf(ref) + shift) };
  return { value: String(yearOf(ref) + shift) };
}

/** The last day of the period (a week ends on its Friday, the working week). */
function endOf(ref: Day, unit: Unit, shift: number): Day {
  if (unit === "week") return addDays(mondayOf(ref), 7 * shift + 4);
  if (unit === "month") return lastDayOfMonth(yearOf(ref), monthOf(ref) + shift);
  return `${yearOf(ref) + shift}-12-31`;
}

function offset(m: RegExpMatchArray, sign: number): Omit<Found, "start" | "end" | "rule"> {
  const word = (m[1] as string).toLowerCase();
  const n =
    sign *
    (/^\d+$/.test(word)
      ? Number(word)
      : Math.max(1, NUMBER_WORDS.indexOf(word === "an" ? "a" : word)));
  const unit = (m[2] as string).toLowerCase() as Unit;
  const direction: Direction = sign > 0 ? "future" : "past";
  if (unit === "month")
    return {
      precision: "month",
      direction,
      resolve: (ref) => ({ value: makeMonth(yearOf(ref), monthOf(ref) + n) }),
    };
  if (unit === "year")
    return { precision: "year", direction, resolve: (ref) => ({ value: String(yearOf(ref) + n) }) };
  const days = unit === "week" ? 7 * n : n;
  return { precision: "day", direction, resolve: (ref) => ({ value: addDays(ref, days) }) };
}
