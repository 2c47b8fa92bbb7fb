/**
 * The events of the knowledge: per-article extraction memoized on the article (a changed
 * article is re-read alone), the merged list memoized until the next change, and the status
 * computed against the caller's clock each time.
 */
import type { Article } from "../../knowledge/article.ts";
import type { KnowledgeBase } from "../../knowledge/base.ts";
import { type Day, dayOfInstant } from "../dates/day.ts";
import { resolveDates } from "../dates/resolve.ts";
import type { DateExpr } from "../dates/types.ts";
import { mentionsOf } from "./extract.ts";
import { mergeMentions } from "./merge.ts";
import type { DatedEvent, EventMention, EventStatus, EventWithStatus } from "./types.ts";

/** The per-article key of the dates an article's body states. */
export const DATES_KEY = "dates";

export function articleDates(kb: KnowledgeBase, article: Article): DateExpr[] {
  return kb.perArticle(DATES_KEY, article, (a) => resolveDates(a.body, a.published));
}

export function articleEvents(kb: KnowledgeBase, article: Article): EventMention[] {
  return kb.perArticle("events", article, (a) => mentionsOf(a, articleDates(kb, a)));
}

/** Every event, merged across articles, in date order (earliest possible day first). */
export function knowledgeEvents(kb: KnowledgeBase): DatedEvent[] {
  return kb.derived("events", (k) =>
    mergeMentions(k.articles().flatMap((a) => articleEvents(k, a))),
  );
}

/**
 * "today" means today falls within the days the event can fall on: the day itself, or for a
 * month or a year, a period that may be under way, over or still ahead.
 */
export function statusOf(e: Pick<DatedEvent, "first" | "last">, today: Day): EventStatus {
  if (e.last < today) return "past";
  if (e.first > today) return "upcoming";
  return "today";
}

/** The events with their status against `now` (its UTC calendar day, as the CLI's --now). */
export function eventsAt(kb: KnowledgeBase, now: Date): EventWithStatus[] {
  const today = dayOfInstant(now);
  return knowledgeEvents(kb).map((e) => ({ ...e, status: statusOf(e, today) }));
}
