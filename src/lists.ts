/**
 * Grouping and ordering lists, shared by the search layout, the extractions' views, the answer
 * layouts and the digest, and a Map kept to a bounded size. Part of both snapshot version
 * hashes (src/snapshot/version.ts), with the steps it groups in: shard layout depends on it.
 */
import {
  ARTICLES_PER_STEP,
  groupInSteps,
  runSteps,
  type Steps,
  stepDone,
} from "./knowledge/steps.ts";

/** The items grouped by key, groups in order of first appearance, each keeping the items' order. */
export function groupBy<T, K>(items: Iterable<T>, key: (item: T) => K): Map<K, T[]> {
  return runSteps(groupInSteps(items, key));
}

/**
 * Orders strings by code unit: for ISO dates ("2026-11-20") and ids that is their order, at a
 * fraction of localeCompare's cost.
 */
export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Where each of `items` is in `lists`: the list's place and the item's place in it, as two
 * columns in the order of `items` (how a snapshot keeps the merged events and the ordered
 * facts: src/snapshot/views.ts), in steps (saving them after a live change held the event loop
 * 3.4 s at 100,000 articles). Throws `missing(item)`'s message for an item in no list.
 */
export function* placesIn<T>(
  lists: readonly (readonly T[])[],
  items: readonly T[],
  missing: (item: T) => string,
): Steps<{ list: Int32Array; index: Int32Array }> {
  const listOf: number[] = [];
  const indexOf: number[] = [];
  const place = new Map<T, number>();
  for (let a = 0; a < lists.length; a++) {
    (lists[a] as readonly T[]).forEach((item, k) => {
      place.set(item, listOf.push(a) - 1);
      indexOf.push(k);
    });
    if (stepDone(a, ARTICLES_PER_STEP)) yield;
  }
  const out = { list: new Int32Array(items.length), index: new Int32Array(items.length) };
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as T;
    const p = place.get(item);
    if (p === undefined) throw new Error(missing(item));
    out.list[i] = listOf[p] as number;
    out.index[i] = indexOf[p] as number;
    if (stepDone(i)) yield;
  }
  return out;
}

/**
 * Adds `key` as `map`'s newest entry; returns the oldest, removed, when that makes more than
 * `max`: the bounded caches of bodies read and of bodies split.
 */
export function keep<K, V>(map: Map<K, V>, key: K, value: V, max: number): [K, V] | undefined {
  map.set(key, value);
  if (map.size <= max) return undefined;
  const oldest = map.entries().next().value as [K, V];
  map.delete(oldest[0]);
  return oldest;
}
