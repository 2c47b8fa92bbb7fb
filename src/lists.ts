/**
 * Grouping and ordering lists, shared by the search layout, the extractions' views and the
 * answer layouts. Part of both snapshot version hashes (src/snapshot/version.ts): shard layout
 * depends on it.
 */

/** The items grouped by key, groups in order of first appearance, each keeping the items' order. */
export function groupBy<T, K>(items: Iterable<T>, key: (item: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/**
 * Orders strings by code unit: for ISO dates ("2026-11-20") and ids that is their order, at a
 * fraction of localeCompare's cost.
 */
export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
