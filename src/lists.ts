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
