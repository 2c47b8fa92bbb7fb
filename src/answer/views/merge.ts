/**
 * Walking several sorted lists as one, lazily: a question reads the first few items of the
 * merged order and stops, so it never pays for the whole of a large archive. The lists are few
 * (one per event kind, or per person a name can mean), so the smallest head is found by a scan.
 */

/** One sorted list of numbers and the part of it to walk: positions [from, to). */
export interface Run {
  list: Int32Array;
  from: number;
  to: number;
}

/** The numbers of every run, merged in ascending order. */
export function ascending(runs: readonly Run[]): Generator<number> {
  return merged(runs, 1);
}

/** The numbers of every run, merged in descending order (each run walked from its end). */
export function descending(runs: readonly Run[]): Generator<number> {
  return merged(runs, -1);
}

/** The merge itself; `step` 1 walks each run forward taking the smallest head, -1 backward taking the largest. */
function* merged(runs: readonly Run[], step: 1 | -1): Generator<number> {
  const at = runs.map((r) => (step > 0 ? r.from : r.to - 1));
  for (;;) {
    let best = -1;
    let value = 0;
    for (let r = 0; r < runs.length; r++) {
      const run = runs[r] as Run;
      const i = at[r] as number;
      if (i < run.from || i >= run.to) continue;
      const v = run.list[i] as number;
      if (best < 0 || (v - value) * step < 0) {
        best = r;
        value = v;
      }
    }
    if (best < 0) return;
    at[best] = (at[best] as number) + step;
    yield value;
  }
}

/** The total length of the runs: how many items a walk could reach. */
export function runLength(runs: readonly Run[]): number {
  return runs.reduce((n, r) => n + Math.max(0, r.to - r.from), 0);
}

/** The first position in [0, n) where `isAfter` holds, for a predicate false then true along a sorted list. */
export function partitionPoint(n: number, isAfter: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (isAfter(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The first `cap` values that pass `test`, and whether another one passes after them. */
export function take<T>(
  values: Iterable<T>,
  test: (v: T) => boolean,
  cap: number,
): { taken: T[]; more: boolean } {
  const taken: T[] = [];
  for (const v of values) {
    if (!test(v)) continue;
    if (taken.length === cap) return { taken, more: true };
    taken.push(v);
  }
  return { taken, more: false };
}
