/**
 * The date resolver: every date phrase of a text, pinned to the article's publication date.
 * Each rule reads a phrase; the longest reading wins where rules overlap. A phrase is resolved
 * at the first and at the last day the publication date can stand for: when the two agree
 * ("later this month" in an October article) the value stands, when they differ ("said
 * Tuesday" in an October article) the phrase is kept with a null value instead of a guess.
 * Publication days are calendar days, so every phrase resolves against the start of that day.
 */
import { type PubDate, pubDateRange } from "../../knowledge/pubdate.ts";
import { sentences } from "../../text/passages.ts";
import { calendarDates } from "./rules/calendar.ts";
import { monthNames } from "./rules/month.ts";
import { relativePhrases } from "./rules/relative.ts";
import { seasons } from "./rules/season.ts";
import { weekdays } from "./rules/weekday.ts";
import { years } from "./rules/year.ts";
import { directionAt } from "./tense.ts";
import type { DateExpr, Finder, Found } from "./types.ts";

const FINDERS: Finder[] = [calendarDates, weekdays, relativePhrases, seasons, monthNames, years];

/** Every rule's readings of one sentence, overlaps settled in favour of the longer phrase. */
export function findIn(sentence: string): Found[] {
  const all = FINDERS.flatMap((f) => f(sentence)).sort(
    (a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const kept: Found[] = [];
  for (const f of all) if (!kept.some((k) => f.start < k.end && k.start < f.end)) kept.push(f);
  return kept.sort((a, b) => a.start - b.start);
}

/** Every date phrase of `text` with offsets into `text`, resolved against `published`. */
export function resolveDates(text: string, published: PubDate): DateExpr[] {
  const { first, last } = pubDateRange(published);
  const out: DateExpr[] = [];
  for (const s of sentences(text)) {
    const sentence = text.slice(s.start, s.end);
    for (const f of findIn(sentence)) {
      const direction = f.direction ?? directionAt(sentence, f.start, f.end);
      const expr: DateExpr = {
        text: sentence.slice(f.start, f.end),
        start: s.start + f.start,
        end: s.start + f.end,
        value: null,
        precision: f.precision,
        direction,
        rule: f.rule,
      };
      const a = f.resolve(first, direction);
      const b = first === last ? a : f.resolve(last, direction);
      if (a && b && a.value === b.value && a.endValue === b.endValue) {
        expr.value = a.value;
        if (a.endValue && a.endValue !== a.value) expr.endValue = a.endValue;
      } else if (a && b) {
        expr.note = `published ${published.value} (${published.precision} only): it could be ${a.value} or ${b.value}`;
      } else {
        expr.note = "not a real calendar date";
      }
      out.push(expr);
    }
  }
  return out;
}
