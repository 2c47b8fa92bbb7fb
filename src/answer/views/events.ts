/**
 * The merged events laid out for the events intent, built once per knowledge version so that a
 * question costs what it shows, not what the archive holds ("when are the next talks" copied
 * and filtered all 18,513 events per question at 10,000 articles, issue 9):
 * - per kind, the events in date order: "upcoming" is a binary search on today, then a walk;
 * - per kind, the events most recently over first: "past" is the same;
 * - events that can span today, found by span class: only those starting within their class's
 *   longest span before today can still be under way;
 * - each event's searchable text lowercased once, when a topic question first needs it (each
 *   mention's sentence once across changes: only a changed article's are lowercased again).
 * It lives outside src/extract because it is never saved: editing it must not invalidate the
 * snapshot's extractions (their version hashes src/extract and src/people).
 */
import { addDays, type Day } from "../../extract/dates/day.ts";
import { knowledgeEventsInSteps } from "../../extract/events/index.ts";
import type { DatedEvent, EventKind, EventMention } from "../../extract/events/types.ts";
import type { KnowledgeBase } from "../../knowledge/base.ts";
import {
  groupInSteps,
  runSteps,
  type Steps,
  sortInSteps,
  stepDone,
} from "../../knowledge/steps.ts";
import { partitionPoint, type Run } from "./merge.ts";

interface SpanClass {
  /** Event indices, ascending (so by first day). */
  ids: Int32Array;
  /** The longest span in the class, in days. */
  days: number;
}

export interface EventsView {
  /** `knowledgeEvents` order: first day, then last day, ascending. An event is its index here. */
  events: readonly DatedEvent[];
  /** An event's sentences, people, place and kind, lowercased (what a topic word must be in). */
  said(i: number): string;
  /** Per kind: event indices, ascending. */
  byDate: ReadonlyMap<EventKind, Int32Array>;
  /** Event indices, latest last day first, then latest first day, then index: the past, most recent first. */
  pastOrder: Int32Array;
  /** Per kind: positions in `pastOrder`, ascending. */
  byPast: ReadonlyMap<EventKind, Int32Array>;
  spans: readonly SpanClass[];
  /** Events whose mentions narrow the days to nothing (first after last): checked one by one. */
  inverted: Int32Array;
}

export function eventsView(kb: KnowledgeBase): EventsView {
  return runSteps(eventsViewInSteps(kb));
}

export function eventsViewInSteps(kb: KnowledgeBase): Steps<EventsView> {
  return kb.derivedInSteps("events:view", function* (k) {
    return yield* buildEventsView(yield* knowledgeEventsInSteps(k));
  });
}

/**
 * Each mention's sentence lowercased, kept across knowledge versions: mentions come from the
 * per-article extraction, so after a live change only the changed article's are lowercased again.
 */
const lowered = new WeakMap<EventMention, string>();

function lower(m: EventMention): string {
  let s = lowered.get(m);
  if (s === undefined) {
    s = m.what.toLowerCase();
    lowered.set(m, s);
  }
  return s;
}

/**
 * "YYYY-MM-DD" as a count of days, with no Date object and no substring made: two per event, a
 * quarter million events per build at 100,000 articles (issue 9).
 */
function dayNumber(d: Day): number {
  return Date.UTC(digits(d, 0, 4), digits(d, 5, 7) - 1, digits(d, 8, 10)) / 86_400_000;
}

function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + s.charCodeAt(i) - 48;
  return n;
}

function* buildEventsView(events: readonly DatedEvent[]): Steps<EventsView> {
  const n = events.length;
  const first = new Int32Array(n);
  const last = new Int32Array(n);
  const all: number[] = [];
  for (let i = 0; i < n; i++) {
    const e = events[i] as DatedEvent;
    first[i] = dayNumber(e.first);
    last[i] = dayNumber(e.last);
    all.push(i);
    if (stepDone(i)) yield;
  }
  const pastOrder = Int32Array.from(
    yield* sortInSteps(
      all,
      (a, b) =>
        (last[b] as number) - (last[a] as number) ||
        (first[b] as number) - (first[a] as number) ||
        a - b,
    ),
  );
  const ids = Int32Array.from(all);
  const byDate = yield* groupSorted(ids, (i) => (events[i] as DatedEvent).kind);
  const byPast = yield* groupSorted(
    ids,
    (p) => (events[pastOrder[p] as number] as DatedEvent).kind,
  );
  const classOf = new Int32Array(n);
  const inverted: number[] = [];
  const longest: number[] = [];
  for (let i = 0; i < n; i++) {
    const days = (last[i] as number) - (first[i] as number);
    if (days < 0) inverted.push(i);
    const c = days <= 0 ? 0 : 32 - Math.clz32(days);
    classOf[i] = c;
    longest[c] = Math.max(longest[c] ?? 0, Math.max(0, days));
    if (stepDone(i)) yield;
  }
  const classes = yield* groupSorted(ids, (i) => classOf[i] as number);
  const spans = [...classes].map(([c, list]) => ({ ids: list, days: longest[c] ?? 0 }));
  // An event's text is joined when a question with topic words first reads it: most never are.
  const texts: (string | undefined)[] = [];
  const said = (i: number): string => {
    let t = texts[i];
    if (t === undefined) {
      const e = events[i] as DatedEvent;
      // Lowercasing part by part equals lowercasing the joined text: the parts are joined by spaces.
      t = [
        ...e.mentions.map(lower),
        ...e.participants.map((p) => p.toLowerCase()),
        (e.place ?? "").toLowerCase(),
        e.kind,
      ].join(" ");
      texts[i] = t;
    }
    return t;
  };
  return {
    events,
    said,
    byDate,
    pastOrder,
    byPast,
    spans,
    inverted: Int32Array.from(inverted),
  };
}

/** The values of `sorted` grouped by key, each group keeping their order. */
function* groupSorted<K>(sorted: Int32Array, key: (v: number) => K): Steps<Map<K, Int32Array>> {
  const groups = yield* groupInSteps(sorted, key);
  return new Map([...groups].map(([k, list]) => [k, Int32Array.from(list)]));
}

function listsOf<T>(map: ReadonlyMap<EventKind, T>, kinds: readonly EventKind[] | undefined): T[] {
  if (!kinds) return [...map.values()];
  return kinds.flatMap((k) => {
    const list = map.get(k);
    return list ? [list] : [];
  });
}

/** Events of these kinds (all when undefined) starting after today, to walk soonest first. */
export function startingAfter(
  v: EventsView,
  kinds: readonly EventKind[] | undefined,
  today: Day,
): Run[] {
  return listsOf(v.byDate, kinds).map((list) => ({
    list,
    from: partitionPoint(
      list.length,
      (i) => (v.events[list[i] as number] as DatedEvent).first > today,
    ),
    to: list.length,
  }));
}

/** Every event of these kinds, by index (date order). */
export function inDateOrder(v: EventsView, kinds: readonly EventKind[] | undefined): Run[] {
  return listsOf(v.byDate, kinds).map((list) => ({ list, from: 0, to: list.length }));
}

/** Events of these kinds over before today, as positions in `pastOrder`, most recent first. */
export function overBefore(
  v: EventsView,
  kinds: readonly EventKind[] | undefined,
  today: Day,
): Run[] {
  const lastOf = (p: number) => (v.events[v.pastOrder[p] as number] as DatedEvent).last;
  return listsOf(v.byPast, kinds).map((list) => ({
    list,
    from: partitionPoint(list.length, (i) => lastOf(list[i] as number) < today),
    to: list.length,
  }));
}

/** Indices of the events that may fall on today (first ≤ today ≤ last), ascending. */
export function spanningToday(v: EventsView, today: Day): number[] {
  const out: number[] = [];
  for (const { ids, days } of v.spans) {
    const firstOf = (i: number) => (v.events[ids[i] as number] as DatedEvent).first;
    const end = partitionPoint(ids.length, (i) => firstOf(i) > today);
    const earliest = addDays(today, -days);
    const start = partitionPoint(ids.length, (i) => firstOf(i) >= earliest);
    for (let i = start; i < end; i++) {
      const id = ids[i] as number;
      if ((v.events[id] as DatedEvent).last >= today) out.push(id);
    }
  }
  return out.sort((a, b) => a - b);
}

/** How many inverted events of these kinds start after today yet are over: not upcoming. */
export function invertedPast(
  v: EventsView,
  kinds: readonly EventKind[] | undefined,
  today: Day,
): number {
  let n = 0;
  for (const i of v.inverted) {
    const e = v.events[i] as DatedEvent;
    if ((!kinds || kinds.includes(e.kind)) && e.first > today && e.last < today) n++;
  }
  return n;
}
