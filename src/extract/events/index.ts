/**
 * The events of the knowledge: per-article extraction memoized on the article (a changed
 * article is re-read alone), the merged list memoized until the next change, and the status
 * computed against the caller's clock each time.
 */
import type { Article } from "../../knowledge/article.ts";
import type { KnowledgeBase } from "../../knowledge/base.ts";
import { ARTICLES_PER_STEP, runSteps, type Steps, stepDone } from "../../knowledge/steps.ts";
import { placesIn } from "../../lists.ts";
import { type Day, dayNumber, dayOfInstant } from "../dates/day.ts";
import { resolveDates } from "../dates/resolve.ts";
import type { DateExpr } from "../dates/types.ts";
import { mentionsOf } from "./extract.ts";
import { mergeMentions, toEvent } from "./merge.ts";
import type { DatedEvent, EventKind, EventMention, EventStatus, EventWithStatus } from "./types.ts";

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
  return runSteps(knowledgeEventsInSteps(kb)).all();
}

export function knowledgeEventsInSteps(kb: KnowledgeBase): Steps<MergedEvents> {
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
    return yield* madeEvents(events);
  });
}

/**
 * What the events view groups and orders the events by, per event in knowledgeEvents order, so
 * that it reads no event (a restart leaves the 390,000 mentions of 100,000 articles packed):
 * its first and last day as day numbers (dayNumber), its kind as a place in `kinds`, and 1 when
 * it is dated to the day.
 */
export interface EventDays {
  first: Int32Array;
  last: Int32Array;
  kind: Uint8Array;
  kinds: EventKind[];
  toTheDay: Uint8Array;
}

/**
 * The merged events as numbers, in their order (what a snapshot keeps: src/snapshot/views.ts):
 * per event its number of mentions, and per mention, event by event, lead first, its article's
 * place in `kb.articles()` and its place in that article's mentions; and their days.
 */
export interface EventColumns extends EventDays {
  counts: Int32Array;
  article: Int32Array;
  index: Int32Array;
}

/**
 * The merged events in knowledgeEvents order. After a restart from kept views each is made from
 * its mentions when first read (at), as a merge makes it; a merge's are made already.
 */
export class MergedEvents {
  private readonly made: (DatedEvent | undefined)[];
  private list: DatedEvent[] | undefined;
  private byArticle: Map<string, number[]> | undefined;
  /** Where restored events' mentions are (`kept`), and per event where its own start. */
  private readonly restored:
    | { kb: KnowledgeBase; articles: readonly Article[]; kept: EventColumns; starts: Int32Array }
    | undefined;

  private constructor(
    readonly days: EventDays,
    events: DatedEvent[] | undefined,
    restored: MergedEvents["restored"],
  ) {
    this.made = events ?? [];
    this.list = events;
    this.restored = restored;
  }

  /** A merge's events, with their days. */
  static of(events: DatedEvent[], days: EventDays): MergedEvents {
    return new MergedEvents(days, events, undefined);
  }

  /** Events a snapshot kept; `articles`: kb.articles() of the knowledge they were kept for. */
  static restored(kb: KnowledgeBase, articles: readonly Article[], kept: EventColumns) {
    const { counts } = kept;
    const starts = new Int32Array(counts.length + 1);
    for (let e = 0; e < counts.length; e++)
      starts[e + 1] = (starts[e] as number) + (counts[e] as number);
    return new MergedEvents(kept, undefined, { kb, articles, kept, starts });
  }

  get length(): number {
    return this.days.first.length;
  }

  /** The columns a snapshot kept these events as, when they were restored from one. */
  get kept(): EventColumns | undefined {
    return this.restored?.kept;
  }

  at(i: number): DatedEvent {
    const made = this.made[i];
    if (made) return made;
    if (!this.restored || !(i >= 0 && i < this.length)) throw new Error(`no event ${i}`);
    const { kb, articles, kept, starts } = this.restored;
    const from = starts[i] as number;
    const to = starts[i + 1] as number;
    // Its own length: a list grown by push from empty has room for 16, 120 bytes more for an
    // event of one mention, as most of the 250,000 at 100,000 articles are (issue 9).
    const ordered = new Array<EventMention>(to - from);
    for (let k = from; k < to; k++) {
      const article = articles[kept.article[k] as number];
      const m = article && articleEvents(kb, article)[kept.index[k] as number];
      if (!m) throw new Error(`event ${i} names a mention no article has`);
      ordered[k - from] = m;
    }
    const e = toEvent(ordered);
    this.made[i] = e;
    return e;
  }

  /**
   * The events with a mention in the article, ascending, from a list of every event's articles
   * made on first use (from the kept columns, without making the events): a question naming
   * people starts from the articles that name them, and making every event to look at its
   * mentions took 1.4 s at 100,000 articles (issue 9).
   */
  eventsIn(articleId: string): readonly number[] {
    if (!this.byArticle) {
      const byArticle = new Map<string, number[]>();
      const add = (id: string, i: number) => {
        let list = byArticle.get(id);
        if (!list) {
          list = [];
          byArticle.set(id, list);
        }
        if (list[list.length - 1] !== i) list.push(i);
      };
      // A test that accepts none visits every article of the event.
      for (let i = 0; i < this.length; i++)
        this.anyArticle(i, (id) => {
          add(id, i);
          return false;
        });
      this.byArticle = byArticle;
    }
    return this.byArticle.get(articleId) ?? [];
  }

  /** Whether any of event i's mentions is in an article `test` accepts, without making the event. */
  anyArticle(i: number, test: (articleId: string) => boolean): boolean {
    const restored = this.restored;
    if (this.made[i] || !restored) return this.at(i).mentions.some((m) => test(m.articleId));
    for (let k = restored.starts[i] as number; k < (restored.starts[i + 1] as number); k++) {
      const article = restored.articles[restored.kept.article[k] as number];
      if (article && test(article.id)) return true;
    }
    return false;
  }

  /** Every event, made once. */
  all(): DatedEvent[] {
    if (!this.list) this.list = Array.from({ length: this.length }, (_, i) => this.at(i));
    return this.list;
  }
}

/** Merged events as MergedEvents, with their days read once. */
export function* madeEvents(events: DatedEvent[]): Steps<MergedEvents> {
  const n = events.length;
  const days: EventDays = {
    first: new Int32Array(n),
    last: new Int32Array(n),
    kind: new Uint8Array(n),
    kinds: [],
    toTheDay: new Uint8Array(n),
  };
  const kindCode = new Map<EventKind, number>();
  for (let i = 0; i < n; i++) {
    const e = events[i] as DatedEvent;
    days.first[i] = dayNumber(e.first);
    days.last[i] = dayNumber(e.last);
    let c = kindCode.get(e.kind);
    if (c === undefined) {
      c = days.kinds.push(e.kind) - 1;
      kindCode.set(e.kind, c);
    }
    days.kind[i] = c;
    days.toTheDay[i] = e.precision === "day" ? 1 : 0;
    if (stepDone(i)) yield;
  }
  return MergedEvents.of(events, days);
}

export function* eventColumns(kb: KnowledgeBase, events: MergedEvents): Steps<EventColumns> {
  if (events.kept) return events.kept;
  const all = events.all();
  const { list, index } = yield* placesIn(
    kb.articles().map((a) => articleEvents(kb, a)),
    all.flatMap((e) => e.mentions),
    (m) => `event mention of ${m.articleId} is in no article`,
  );
  return {
    ...events.days,
    counts: Int32Array.from(all, (e) => e.mentions.length),
    article: list,
    index,
  };
}

/** The merged events of the knowledge as it is now, if they have been merged (or restored). */
export function currentEvents(kb: KnowledgeBase): MergedEvents | undefined {
  return kb.derivedIfCurrent("events") as MergedEvents | undefined;
}

/**
 * Serves the events a snapshot kept for exactly these articles as if just merged, without making
 * them: each is made from its mentions when first read. Returns why not, when the columns
 * cannot be of these articles.
 */
export function restoreEvents(kb: KnowledgeBase, columns: EventColumns): string | null {
  const articles = kb.articles();
  const { counts, article, index, first, last, kind, kinds, toTheDay } = columns;
  const n = counts.length;
  if (first.length !== n || last.length !== n || kind.length !== n || toTheDay.length !== n)
    return "event columns differ in length";
  let total = 0;
  for (let e = 0; e < n; e++) {
    const c = counts[e] as number;
    if (!(c > 0)) return `event ${e} has no mentions`;
    if (!((kind[e] as number) < kinds.length)) return `event ${e} has no kind`;
    total += c;
  }
  if (total !== article.length || index.length !== total) return "mentions left over";
  for (let m = 0; m < total; m++) {
    const a = article[m] as number;
    if (!(a >= 0 && a < articles.length && (index[m] as number) >= 0))
      return `mention ${m} is in no article`;
  }
  const events = MergedEvents.restored(kb, articles, columns);
  kb.seedDerived("events", events);
  lastMerge.set(kb, events);
  return null;
}

/**
 * Per knowledge base, the last merge's events by first mention: the next merge reuses those
 * unchanged. Restored events are kept as they are, made and mapped when a merge first needs
 * them: a restart need not make a 250,000-entry map that only a live change reads (issue 9).
 */
const lastMerge = new WeakMap<
  KnowledgeBase,
  ReadonlyMap<EventMention, DatedEvent> | MergedEvents
>();

function previousMerge(kb: KnowledgeBase): ReadonlyMap<EventMention, DatedEvent> | undefined {
  const last = lastMerge.get(kb);
  if (last === undefined || last instanceof Map) return last;
  return new Map((last as MergedEvents).all().map((e) => [e.mentions[0] as EventMention, e]));
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
