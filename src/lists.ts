/**
 * Grouping and ordering lists, shared by the search layout, the extractions' views, the answer
 * layouts and the digest. Part of both snapshot version hashes (src/snapshot/version.ts), with
 * the steps it groups in: shard layout depends on it.
 */
import { groupInSteps, runSteps } from "./knowledge/steps.ts";

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
 * facts: src/snapshot/views.ts). Throws `missing(item)`'s message for an item in no list.
 */
export function placesIn<T>(
  lists: readonly (readonly T[])[],
  items: readonly T[],
  missing: (item: T) => string,
): { list: Int32Array; index: Int32Array } {
  const listOf: number[] = [];
  const indexOf: number[] = [];
  const place = new Map<T, number>();
  lists.forEach((l, a) => {
    l.forEach((item, k) => {
      place.set(item, listOf.push(a) - 1);
      indexOf.push(k);
    });
  });
  const out = { list: new Int32Array(items.length), index: new Int32Array(items.length) };
  items.forEach((item, i) => {
    const p = place.get(item);
    if (p === undefined) throw new Error(missing(item));
    out.list[i] = listOf[p] as number;
    out.index[i] = indexOf[p] as number;
  });
  return out;
}
