/**
 * Turns a resolved date phrase and the trigger it dates into an EventMention: maps the phrase's
 * precision onto the event model, narrows the span by tense, and picks people and place.
 */
import type { Article } from "../../knowledge/article.ts";
import { pubDateRange } from "../../knowledge/pubdate.ts";
import type { Span } from "../../text/passages.ts";
import { spanOf } from "../dates/day.ts";
import type { DateExpr } from "../dates/types.ts";
import { peopleIn, placesIn, properNames } from "./names.ts";
import { acronyms, CLAUSE_BREAK, namingTerms, type Trigger } from "./triggers.ts";
import type { EventMention, EventPrecision } from "./types.ts";

/** A week is a range of days, a season a range of months: the event model keeps day, month, year. */
function eventPrecision(e: DateExpr): EventPrecision {
  if (e.precision === "week" || e.precision === "day") return "day";
  return e.precision === "year" ? "year" : "month";
}

/**
 * The days the event can fall on. A phrase read as past ("earlier this year") cannot end after
 * publication, one read as future ("later this month") cannot start before it.
 */
function bounds(e: DateExpr, article: Article): { first: string; last: string } {
  const span = spanOf(e.value as string, e.endValue);
  const pub = pubDateRange(article.published);
  if (e.direction === "past" && pub.last >= span.first && pub.last < span.last)
    span.last = pub.last;
  if (e.direction === "future" && pub.first <= span.last && pub.first > span.first)
    span.first = pub.first;
  return span;
}

/** How far (characters) a place may be from the event word or its date: "meetings … in Washington". */
const PLACE_REACH = 60;

function gap(a: Span, b: Span): number {
  return a.end <= b.start ? b.start - a.end : a.start >= b.end ? a.start - b.end : 0;
}

/** Whether a clause break ("if", "said that", ";") separates two spans of the sentence. */
function separated(text: string, a: Span, b: Span): boolean {
  const [from, to] = a.end <= b.start ? [a.end, b.start] : [b.end, a.start];
  return from < to && CLAUSE_BREAK.test(text.slice(from, to));
}

/**
 * `trigger` is relative to the sentence; `date` (resolved) has body offsets. People count when
 * no clause break separates them from the event word ("Poilievre asked … if Carney will …
 * during his trip": the trip is Carney's); a place must be near the event word or its date.
 */
export function makeMention(
  article: Article,
  sentence: Span,
  date: DateExpr,
  trigger: Trigger,
  known: string[],
): EventMention {
  const text = article.body.slice(sentence.start, sentence.end);
  const inSentence = date.start >= sentence.start && date.end <= sentence.end;
  const when = { start: date.start - sentence.start, end: date.end - sentence.start };
  const participants = peopleIn(text, known)
    .filter((p) => !separated(text, p, trigger))
    .map((p) => p.name);
  const near = (s: Span) =>
    !separated(text, s, trigger) &&
    (gap(s, trigger) <= PLACE_REACH || (inSentence && gap(s, when) <= PLACE_REACH));
  // "to Canada" names a place only for a visit ("visit to Canada"), not for "envoy to Canada".
  const nearest = placesIn(text, participants)
    .filter((p) => p.preposition !== "to" || trigger.kind === "visit")
    .filter((p) => near({ start: p.start, end: p.start + p.place.length }))
    .sort((a, b) => Math.abs(a.start - trigger.start) - Math.abs(b.start - trigger.start))[0];
  const m: EventMention = {
    date: date.value as string,
    precision: eventPrecision(date),
    datePrecision: date.precision,
    kind: trigger.kind,
    what: text,
    participants,
    place: nearest?.place ?? null,
    articleId: article.id,
    start: sentence.start,
    end: sentence.end,
    dateText: date.text,
    dateStart: date.start,
    dateEnd: date.end,
    ...bounds(date, article),
    terms: [...new Set([...namingTerms(text, trigger), ...acronyms(text), ...properNames(text)])],
  };
  if (date.endValue) m.endDate = date.endValue;
  return m;
}
