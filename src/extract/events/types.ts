/**
 * Dated events: what the articles say is happening when. One `EventMention` is one sentence
 * of one article; a `DatedEvent` gathers the mentions of the same event across articles.
 */
import type { Day } from "../dates/day.ts";
import type { DatePrecision } from "../dates/types.ts";

/** Every kind an event can be (a snapshot's kept views are checked against it). */
export const EVENT_KINDS = [
  "meeting",
  "summit",
  "talks",
  "visit",
  "deadline",
  "review",
  "tariff action",
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export type EventPrecision = "day" | "month" | "year";
export type EventStatus = "upcoming" | "today" | "past";

/** One article's sentence that dates an event. */
export interface EventMention {
  /** "2025-10-07", "2025-10" or "2026" by precision; a week or a season is a range (`endDate`). */
  date: string;
  endDate?: string;
  precision: EventPrecision;
  /** The precision of the phrase itself ("week", "season" are kept here). */
  datePrecision: DatePrecision;
  kind: EventKind;
  /** The sentence, verbatim: body.slice(start, end). */
  what: string;
  participants: string[];
  place: string | null;
  articleId: string;
  start: number;
  end: number;
  /** The phrase that dates it, and where it is in the body (in another sentence when `inherited`). */
  dateText: string;
  dateStart: number;
  dateEnd: number;
  /** True when the sentence names an event dated elsewhere in the article ("at the APEC summit"). */
  inherited?: boolean;
  /** Earliest and latest day the event can fall on, narrowed by tense ("earlier this year" ends at publication). */
  first: Day;
  last: Day;
  /** Proper nouns and acronyms that name the event ("APEC", "CUSMA"), used to merge mentions. */
  terms: string[];
}

/** The same event as reported by one or more articles; the fields are the first mention's. */
export interface DatedEvent extends Omit<EventMention, "terms" | "inherited"> {
  /** Every mention, the first one first; each is a citation. */
  mentions: EventMention[];
}

export interface EventWithStatus extends DatedEvent {
  status: EventStatus;
}
