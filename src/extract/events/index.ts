/**
 * The events of the knowledge: per-article extraction memoized on the article (a changed
 * article is re-read alone), the merged list memoized until the next change, and the status
 * computed against the caller's clock each time.
 */
import type { Article } from "../../knowledge/article.ts";
import type { KnowledgeBase } from "../../knowledge/base.ts";
import { ARTICLES_PER_STEP, runSteps, type Steps, stepDone } from "../../knowledge/steps.ts";
import { placesIn } from "../../lists.ts";
import { type Day, dayOfInstant } from "../dates/day.ts";
import { resolveDates } from "../dates/resolve.ts";
import type { DateExpr } from "../dates/types.ts";
import { mentionsOf } from "./extract.ts";
import { mergeMentions, toEvent } from "./merge.ts";
import type { DatedEvent, EventMention, EventStatus, EventWithStatus } from "./types.ts";

/** The per-article key of the dates an article's body states. */
const DATES_KEY = "dates";

export function articleDates(kb: KnowledgeBase, article: Article): DateExpr[] {
  return kb.perArticle(DATES_KEY, article, (a) => resolveDates(a.body, a.published));
}

/** The per-article key of the events an article mentions. */
export const EVENTS_KEY = "events";

export function articleEvents(kb: KnowledgeBase, article: Article): EventMention[] {
  return kb.perArticle(EVENTS_KEY, article, (a) => mentionsOf(a, articleDates(kb, a)));
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
    const events = yield* mergeMentions(mentions, previousMerge(k), made);
    lastMerge.set(k, made);
    return events;
  });
}

/**
 * The merged events as numbers, in their order (what a snapshot keeps: src/snapshot/views.ts):
 * per event its number of mentions, and per mention, event by event, lead first, its article's
 * place in `kb.articles()` and its place in that article's mentions.
 */
export interface EventColumns {
  counts: Int32Array;
  article: Int32Array;
  index: Int32Array;
}

export function* eventColumns(
  kb: KnowledgeBase,
  events: readonly DatedEvent[],
): Steps<EventColumns> {
  const { list, index } = yield* placesIn(
    kb.articles().map((a) => articleEvents(kb, a)),
    events.flatMap((e) => e.mentions),
    (m) => `event mention of ${m.articleId} is in no article`,
  );
  return { counts: Int32Array.from(events, (e) => e.mentions.length), article: list, index };
}

/** The merged events of the knowledge as it is now, if they have been merged (or restored). */
export function currentEvents(kb: KnowledgeBase): DatedEvent[] | undefined {
  return kb.derivedIfCurrent("events") as DatedEvent[] | undefined;
}

/**
 * Serves the events a snapshot kept for exactly these articles as if just merged: each is made
 * from its mentions as a merge makes it. Returns why not, when the columns do not fit them.
 * In steps: 250,000 events at 100,000 articles held the event loop for 1.5 s in one piece.
 */
export function* restoreEvents(kb: KnowledgeBase, columns: EventColumns): Steps<string | null> {
  // Each article's mentions looked up once, not once per mention.
  const lists: EventMention[][] = [];
  for (const a of kb.articles()) {
    lists.push(articleEvents(kb, a));
    if (stepDone(lists.length, ARTICLES_PER_STEP)) yield;
  }
  const { counts, article, index } = columns;
  const events: DatedEvent[] = [];
  let at = 0;
  for (let e = 0; e < counts.length; e++) {
    const n = counts[e] as number;
    if (!(n > 0 && at + n <= article.length)) return `event ${e} has no mentions`;
    // Its own length: a list grown by push from empty has room for 16, 120 bytes more for an
    // event of one mention, as most of the 250,000 at 100,000 articles are (issue 9).
    const ordered = new Array<EventMention>(n);
    for (let k = 0; k < n; k++, at++) {
      const m = lists[article[at] as number]?.[index[at] as number];
      if (!m) return `event ${e} names a mention no article has`;
      ordered[k] = m;
    }
    events.push(toEvent(ordered));
    if (stepDone(e)) yield;
  }
  if (at !== article.length) return "mentions left over";
  kb.seedDerived("events", events);
  lastMerge.set(kb, events);
  return null;
}

/**
 * Per knowledge base, the last merge's events by first mention: the next merge reuses those
 * unchanged. Restored events are kept as their list, mapped when a merge first needs them: a
 * restart need not make a 250,000-entry map that only a live change reads (issue 9).
 */
const lastMerge = new WeakMap<
  KnowledgeBase,
  ReadonlyMap<EventMention, DatedEvent> | readonly DatedEvent[]
>();

function previousMerge(kb: KnowledgeBase): ReadonlyMap<EventMention, DatedEvent> | undefined {
  const last = lastMerge.get(kb);
  if (last === undefined || last instanceof Map) return last;
  return new Map((last as readonly DatedEvent[]).map((e) => [e.mentions[0] as EventMention, e]));
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
