/**
 * Publication dates keep their precision: "2025-10" means "some day in October 2025",
 * never "October 1". Comparisons and displays go through these helpers so nobody
 * invents a day the article never gave.
 */
import dayjs from "dayjs";

export type Precision = "day" | "month" | "year";

export interface PubDate {
  /** As written in the front matter: YYYY-MM-DD, YYYY-MM or YYYY. */
  value: string;
  precision: Precision;
}

const PATTERNS: [RegExp, Precision][] = [
  [/^\d{4}-\d{2}-\d{2}$/, "day"],
  [/^\d{4}-\d{2}$/, "month"],
  [/^\d{4}$/, "year"],
];

/** Parses a publication date; returns null when the text is not a real date in one of the three forms. */
export function parsePubDate(text: string): PubDate | null {
  for (const [re, precision] of PATTERNS) {
    if (!re.test(text)) continue;
    const full =
      precision === "day" ? text : precision === "month" ? `${text}-01` : `${text}-01-01`;
    const d = dayjs(full, "YYYY-MM-DD");
    // dayjs rolls 2025-02-30 over to March; a real date formats back to itself.
    if (!d.isValid() || d.format("YYYY-MM-DD") !== full) return null;
    return { value: text, precision };
  }
  return null;
}

const ranges = new Map<string, { first: string; last: string }>();

/**
 * First and last calendar day the date can stand for, as YYYY-MM-DD. Remembered per date: sorts
 * of a large archive compare the same few thousand dates millions of times (issue 9). The
 * returned object is shared, so callers must not change it.
 */
export function pubDateRange(d: PubDate): { readonly first: string; readonly last: string } {
  const key = `${d.precision}|${d.value}`;
  let r = ranges.get(key);
  if (!r) {
    r = computeRange(d);
    ranges.set(key, r);
  }
  return r;
}

function computeRange(d: PubDate): { first: string; last: string } {
  if (d.precision === "day") return { first: d.value, last: d.value };
  const unit = d.precision === "month" ? "month" : "year";
  const first = dayjs(d.precision === "month" ? `${d.value}-01` : `${d.value}-01-01`);
  return { first: first.format("YYYY-MM-DD"), last: first.endOf(unit).format("YYYY-MM-DD") };
}

/**
 * Orders two publication dates, newest first. Dates whose spans overlap ("2025-10" and
 * 2025-10-06) cannot be ordered without inventing a day, so they compare equal and the
 * caller's next key (relevance) decides.
 */
export function compareNewestFirst(a: PubDate, b: PubDate): number {
  return compareSpansNewestFirst(pubDateRange(a), pubDateRange(b));
}

/** compareNewestFirst on spans already looked up: for sorts that look each date's up once. */
export function compareSpansNewestFirst(
  a: { readonly first: string; readonly last: string },
  b: { readonly first: string; readonly last: string },
): number {
  if (a.last < b.first) return 1;
  if (b.last < a.first) return -1;
  return 0;
}

/** Milliseconds since epoch (UTC) of the middle of the span the date stands for. */
export function pubDateMidpoint(d: PubDate): number {
  const { first, last } = pubDateRange(d);
  const a = Date.parse(`${first}T00:00:00Z`);
  const b = Date.parse(`${last}T00:00:00Z`);
  return a + (b - a) / 2;
}

/** Month names in the desk's (CP/AP) style, January first. */
export const MONTH_NAMES: readonly string[] = [
  "Jan.",
  "Feb.",
  "March",
  "April",
  "May",
  "June",
  "July",
  "Aug.",
  "Sept.",
  "Oct.",
  "Nov.",
  "Dec.",
];

/** Newsroom style: "Sept. 17, 2025", "Oct. 2025 (month only)", "2025 (year only)". */
export function formatPubDate(d: PubDate): string {
  const [y, m, day] = d.value.split("-");
  const month = m ? MONTH_NAMES[Number(m) - 1] : undefined;
  if (d.precision === "day") return `${month} ${Number(day)}, ${y}`;
  if (d.precision === "month") return `${month} ${y} (day not known)`;
  return `${y} (month not known)`;
}
