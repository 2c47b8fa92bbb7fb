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
 * "YYYY-MM-DD" as a count of days since 1970-01-01, with no Date object and no substring made:
 * two per event, a quarter million events per build at 100,000 articles (issue 9). The civil
 * calendar's arithmetic (March-based years, 400-year eras) rather than Date.UTC: half the time.
 */
function dayNumber(d: Day): number {
  const month = digits(d, 5, 7);
  const year = digits(d, 0, 4) - (month <= 2 ? 1 : 0);
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear =
    Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + digits(d, 8, 10) - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + s.charCodeAt(i) - 48;
  return n;
}

/** The layout of `events` (knowledgeEvents order); exported for its test against a plain sort. */
export function* buildEventsView(events: readonly DatedEvent[]): Steps<EventsView> {
  const n = events.length;
  const first = new Int32Array(n);
  const last = new Int32Array(n);
  // Each event read once: its kind as a small number, so the groupings below read no event.
  const kinds: EventKind[] = [];
  const kindCode = new Map<EventKind, number>();
  const kindOf = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const e = events[i] as DatedEvent;
    first[i] = dayNumber(e.first);
    last[i] = dayNumber(e.last);
    let c = kindCode.get(e.kind);
    if (c === undefined) {
      c = kinds.push(e.kind) - 1;
      kindCode.set(e.kind, c);
    }
    kindOf[i] = c;
    if (stepDone(i)) yield;
  }
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
