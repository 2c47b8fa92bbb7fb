/**
 * The events of the knowledge: per-article extraction memoized on the article (a changed
 * article is re-read alone), the merged list memoized until the next change, and the status
 * computed against the caller's clock each time.
 */
import type { Article } from "../../knowledge/article.ts";
import type { KnowledgeBase } from "../../knowledge/base.ts";
import { ARTICLES_PER_STEP, runSteps, type Steps, stepDone } from "../../knowledge/steps.ts";
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
  return runSteps(knowledgeEventsInSteps(kb));
}

export function knowledgeEventsInSteps(kb: KnowledgeBase): Steps<DatedEvent[]> {
  return kb.derivedInSteps("events", function* (k) {
    const mentions: EventMention[] = [];
    const articles = k.articles();
    for (let i = 0; i < articles.length; i++) {
      for (const m of articleEvents(k, articles[i] as Article)) mentions.push(m);
      if (stepDone(i, ARTICLES_PER_STEP)) yield;
    }
    const made = new Map<EventMention, DatedEvent>();
    const events = yield* mergeMentions(mentions, lastMerge.get(k), made);
    lastMerge.set(k, made);
    return events;
  });
}

/** Per knowledge base, the last merge's events by first mention: the next merge reuses those unchanged. */
const lastMerge = new WeakMap<KnowledgeBase, ReadonlyMap<EventMention, DatedEvent>>();

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
