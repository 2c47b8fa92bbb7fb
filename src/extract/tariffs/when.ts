/**
 * Dates of effect in a tariff sentence ("on August 22, 2025", "in March", "last August",
 * "effective Jan. 15, 2026", "On Monday"), read by the project's date resolver (src/extract/dates)
 * against the publication date. A fact's `asOf` is a publication-style date (day, month or year),
 * so a week or a span is kept only when it falls within one month (as that month); otherwise,
 * and when the resolver cannot pin a phrase, the fact falls back to the publication date.
 */

import type { PubDate } from "../../knowledge/pubdate.ts";
import type { Span } from "../../text/passages.ts";
import { resolveDates } from "../dates/resolve.ts";
import type { DateExpr } from "../dates/types.ts";

export interface DateMention {
  date: PubDate;
  start: number;
  end: number;
}

/** The dates in `text` (one sentence), resolved against the article's publication date. */
export function findDates(text: string, published: PubDate): DateMention[] {
  const out: DateMention[] = [];
  for (const d of resolveDates(text, published)) {
    const date = asPubDate(d);
    if (date) out.push({ date, start: d.start, end: d.end });
  }
  return out;
}

/**
 * The dates of one sentence of an article taken from the dates resolved over its whole body
 * (kept per article for events), with offsets into the sentence: what findDates finds reading
 * the sentence alone, since a sentence of the body splits into no smaller sentences, and each
 * date phrase is found and resolved within its sentence. Saves reading every tariff sentence's
 * dates (chrono included) a second time.
 */
export function datesWithin(bodyDates: readonly DateExpr[], sentence: Span): DateMention[] {
  const out: DateMention[] = [];
  for (const d of bodyDates) {
    if (d.start < sentence.start || d.end > sentence.end) continue;
    const date = asPubDate(d);
    if (date) out.push({ date, start: d.start - sentence.start, end: d.end - sentence.start });
  }
  return out;
}

function asPubDate(d: DateExpr): PubDate | null {
  if (!d.value) return null;
  const single = !d.endValue || d.endValue === d.value;
  if (single && (d.precision === "day" || d.precision === "month" || d.precision === "year")) {
    return { value: d.value, precision: d.precision };
  }
  const month = d.value.slice(0, 7);
  const endMonth = (d.endValue ?? d.value).slice(0, 7);
  return /^\d{4}-\d{2}$/.test(month) && month === endMonth
    ? { value: month, precision: "month" }
    : null;
}
