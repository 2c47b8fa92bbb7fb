/**
 * The events layout against the plain computation it replaces: a comparator sort and filters
 * over every event. The layout groups by counting and sorts one number per event when the days
 * fit in one, else falls back to the comparator (dates spread over millennia).
 */
import { describe, expect, it } from "vitest";
import { Rng } from "../../bench/corpus/random.ts";
import { buildEventsView } from "../../src/answer/views/events.ts";
import { madeEvents } from "../../src/extract/events/index.ts";
import type { DatedEvent, EventKind } from "../../src/extract/events/types.ts";
import { runSteps } from "../../src/knowledge/steps.ts";

const KINDS: EventKind[] = ["meeting", "talks", "deadline", "review", "tariff action"];

/** Any calendar day of those years, leap days and century years included. */
function day(rng: Rng, fromYear: number, toYear: number): string {
  const from = Date.UTC(fromYear, 0, 1) / 86_400_000;
  const to = Date.UTC(toYear, 11, 31) / 86_400_000;
  return new Date(rng.int(from, to) * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Events with random spans (some inverted, as mentions that narrow to nothing are) and kinds; a
 * third share the days of the one before, so the order's tie on the index is exercised.
 */
function events(seed: number, n: number, fromYear: number, toYear: number): DatedEvent[] {
  const rng = new Rng(seed);
  const out: DatedEvent[] = [];
  for (let i = 0; i < n; i++) {
    const before = out[out.length - 1];
    if (before && rng.chance(0.3)) {
      out.push({ first: before.first, last: before.last, kind: rng.pick(KINDS) } as DatedEvent);
      continue;
    }
    const a = day(rng, fromYear, toYear);
    const b = rng.chance(0.7) ? a : day(rng, fromYear, toYear);
    const [first, last] = rng.chance(0.05) || a <= b ? [a, b] : [b, a];
    out.push({ first, last, kind: rng.pick(KINDS) } as DatedEvent);
  }
  return out.sort((x, y) => (x.first < y.first ? -1 : x.first > y.first ? 1 : 0));
}

const days = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;

/** What the layout must hold, computed the slow way. */
function expected(list: DatedEvent[]) {
  const ids = list.map((_, i) => i);
  const pastOrder = [...ids].sort(
    (a, b) =>
      days((list[b] as DatedEvent).last) - days((list[a] as DatedEvent).last) ||
      days((list[b] as DatedEvent).first) - days((list[a] as DatedEvent).first) ||
      a - b,
  );
  const kinds = [...new Set(list.map((e) => e.kind))];
  const byDate = kinds.map((k) => [k, ids.filter((i) => list[i]?.kind === k)]);
  const byPast = [...new Set(pastOrder.map((i) => list[i]?.kind))].map((k) => [
    k,
    ids.filter((p) => list[pastOrder[p] as number]?.kind === k),
  ]);
  const inverted = ids.filter((i) => days(list[i]?.last ?? "") < days(list[i]?.first ?? ""));
  return { pastOrder, byDate, byPast, inverted };
}

function laidOut(list: DatedEvent[]) {
  const v = runSteps(buildEventsView(runSteps(madeEvents(list))));
  return {
    pastOrder: [...v.pastOrder],
    byDate: [...v.byDate].map(([k, l]) => [k, [...l]]),
    byPast: [...v.byPast].map(([k, l]) => [k, [...l]]),
    inverted: [...v.inverted],
    spans: v.spans,
  };
}

describe("events layout", () => {
  it("orders and groups a decade of events as a comparator sort and filters do", () => {
    const list = events(7, 3000, 2017, 2027);
    const got = laidOut(list);
    const { spans, ...rest } = got;
    expect(rest).toEqual(expected(list));
    expect(got.inverted.length).toBeGreaterThan(0);
    // Every event in exactly one span class, each class ascending, longer than its events' spans.
    const inClasses = spans.flatMap((s) => [...s.ids]).sort((a, b) => a - b);
    expect(inClasses).toEqual(list.map((_, i) => i));
    // Each class's longest span is its longest event's, in calendar days.
    const spanOf = (i: number) => days(list[i]?.last ?? "") - days(list[i]?.first ?? "");
    for (const s of spans) expect(s.days).toBe(Math.max(0, ...[...s.ids].map(spanOf)));
  });

  it("gives the same order when the days are too far apart to sort as one number each", () => {
    // 2,000 events over years 1000–9999: (3.3 million days)² × 2,000 exceeds 2^53.
    const list = events(11, 2000, 1000, 9999);
    const { spans, ...rest } = laidOut(list);
    expect(rest).toEqual(expected(list));
    const spanOf = (i: number) => days(list[i]?.last ?? "") - days(list[i]?.first ?? "");
    for (const s of spans) expect(s.days).toBe(Math.max(0, ...[...s.ids].map(spanOf)));
  });

  it("lays out no events", () => {
    const v = runSteps(buildEventsView(runSteps(madeEvents([]))));
    expect([...v.pastOrder]).toEqual([]);
    expect(v.byDate.size).toBe(0);
    expect(v.spans).toEqual([]);
  });
});
