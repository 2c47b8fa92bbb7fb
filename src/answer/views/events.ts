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
import { type Day, dayNumber } from "../../extract/dates/day.ts";
import {
  type EventDays,
  knowledgeEventsInSteps,
  type MergedEvents,
} from "../../extract/events/index.ts";
import type { EventKind, EventMention } from "../../extract/events/types.ts";
import type { KnowledgeBase } from "../../knowledge/base.ts";
import { runSteps, type Steps, sortInSteps, stepDone } from "../../knowledge/steps.ts";
import { groupCodes } from "./group.ts";
import { partitionPoint, type Run } from "./merge.ts";

interface SpanClass {
  /** Event indices, ascending (so by first day). */
  ids: Int32Array;
  /** The longest span in the class, in days. */
  days: number;
}

export interface EventsView {
  /**
   * `knowledgeEvents` order: first day, then last day, ascending. An event is its index here,
   * made when first read: the view itself reads only `days`.
   */
  events: MergedEvents;
  /** Per event, its days as day numbers, its kind and whether it is dated to the day. */
  days: EventDays;
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

/** Event i's kind. */
export function kindAt(v: EventsView, i: number): EventKind {
  return v.days.kinds[v.days.kind[i] as number] as EventKind;
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

/** The layout of `events` (knowledgeEvents order); exported for its test against a plain sort. */
export function* buildEventsView(events: MergedEvents): Steps<EventsView> {
  const n = events.length;
  const { days } = events;
  const { first, last, kinds, kind: kindOf } = days;
  const pastOrder = yield* latestFirst(first, last);
  const byDate = byKind(
    kinds,
    groupCodes(n, (i) => kindOf[i] as number),
  );
  const byPast = byKind(
    kinds,
    groupCodes(n, (p) => kindOf[pastOrder[p] as number] as number),
  );
  const classOf = new Uint8Array(n);
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
  const classes = groupCodes(n, (i) => classOf[i] as number);
  const spans = [...classes].map(([c, ids]) => ({ ids, days: longest[c] ?? 0 }));
  // An event's text is joined when a question with topic words first reads it: most never are.
  const texts: (string | undefined)[] = [];
  const said = (i: number): string => {
    let t = texts[i];
    if (t === undefined) {
      const e = events.at(i);
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
    days,
    said,
    byDate,
    pastOrder,
    byPast,
    spans,
    inverted: Int32Array.from(inverted),
  };
}

/**
 * Event indices by latest last day, then latest first day, then index. When the days fit, each
 * event is one number that sorts in that order (a typed array's own sort, no comparator): 250,000
 * events took 0.2 s through sortInSteps' comparator at 100,000 articles (issue 9).
 */
function* latestFirst(first: Int32Array, last: Int32Array): Steps<Int32Array> {
  const n = first.length;
  let [minFirst, maxFirst, minLast, maxLast] = [0, 0, 0, 0];
  for (let i = 0; i < n; i++) {
    const f = first[i] as number;
    const l = last[i] as number;
    if (i === 0 || f < minFirst) minFirst = f;
    if (i === 0 || f > maxFirst) maxFirst = f;
    if (i === 0 || l < minLast) minLast = l;
    if (i === 0 || l > maxLast) maxLast = l;
  }
  const firsts = maxFirst - minFirst + 1;
  if ((maxLast - minLast + 1) * firsts * n > Number.MAX_SAFE_INTEGER) {
    const all = Array.from({ length: n }, (_, i) => i);
    const sorted = yield* sortInSteps(
      all,
      (a, b) =>
        (last[b] as number) - (last[a] as number) ||
        (first[b] as number) - (first[a] as number) ||
        a - b,
    );
    return Int32Array.from(sorted);
  }
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    keys[i] =
      ((maxLast - (last[i] as number)) * firsts + (maxFirst - (first[i] as number))) * n + i;
    if (stepDone(i)) yield;
  }
  keys.sort();
  yield;
  const order = new Int32Array(n);
  for (let k = 0; k < n; k++) order[k] = (keys[k] as number) % n;
  return order;
}

function byKind(
  kinds: readonly EventKind[],
  groups: Map<number, Int32Array>,
): Map<EventKind, Int32Array> {
  return new Map([...groups].map(([c, list]) => [kinds[c] as EventKind, list]));
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
  const t = dayNumber(today);
  const { first } = v.days;
  return listsOf(v.byDate, kinds).map((list) => ({
    list,
    from: partitionPoint(list.length, (i) => (first[list[i] as number] as number) > t),
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
  const t = dayNumber(today);
  const lastOf = (p: number) => v.days.last[v.pastOrder[p] as number] as number;
  return listsOf(v.byPast, kinds).map((list) => ({
    list,
    from: partitionPoint(list.length, (i) => lastOf(list[i] as number) < t),
    to: list.length,
  }));
}

/** Indices of the events that may fall on today (first ≤ today ≤ last), ascending. */
export function spanningToday(v: EventsView, today: Day): number[] {
  const out: number[] = [];
  const t = dayNumber(today);
  const { first, last } = v.days;
  for (const { ids, days } of v.spans) {
    const firstOf = (i: number) => first[ids[i] as number] as number;
    const end = partitionPoint(ids.length, (i) => firstOf(i) > t);
    const earliest = t - days;
    const start = partitionPoint(ids.length, (i) => firstOf(i) >= earliest);
    for (let i = start; i < end; i++) {
      const id = ids[i] as number;
      if ((last[id] as number) >= t) out.push(id);
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
  const t = dayNumber(today);
  const { first, last } = v.days;
  for (const i of v.inverted) {
    if (
      (!kinds || kinds.includes(kindAt(v, i))) &&
      (first[i] as number) > t &&
      (last[i] as number) < t
    )
      n++;
  }
  return n;
}
