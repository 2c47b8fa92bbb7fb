/**
 * Corpus-wide views built in steps (issue 9). A build is a generator that yields between pieces
 * of work of a few milliseconds each at archive scale: a question that needs a view runs every
 * step at once (`runSteps`); the warming after a live change (src/answer/views/warm.ts) lets the
 * event loop in between, so a Slack request never waits for a whole view (seconds at 100,000
 * articles).
 */

/** A computation in steps: each `yield` is a point where it may pause; it returns the value. */
export type Steps<T> = Generator<void, T, undefined>;

/** Runs every step at once. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * Loop iterations per step over items (mentions, quotes, facts, members) and over articles (a
 * few dozen items each). Steps are kept well under a millisecond or so; the caller that pauses
 * decides how many make a turn, by time.
 */
export const ITEMS_PER_STEP = 1024;
export const ARTICLES_PER_STEP = 64;

/** Whether a loop at iteration `i` has done a step's worth and should yield. */
export function stepDone(i: number, every: number = ITEMS_PER_STEP): boolean {
  return i % every === every - 1;
}

/**
 * The items grouped by key, groups in order of first appearance, each keeping the items' order,
 * in steps (`groupBy` in src/lists.ts runs it at once).
 */
export function* groupInSteps<T, K>(items: Iterable<T>, key: (item: T) => K): Steps<Map<K, T[]>> {
  const out = new Map<K, T[]>();
  let i = 0;
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
    if (stepDone(i++)) yield;
  }
  return out;
}

/**
 * A stable sort in steps: the same order as `[...items].sort(compare)` (itself stable) for any
 * comparator that is a consistent order, since a stable sort's result is then unique. Sorting
 * hundreds of thousands of items in one call held the event loop for up to a second.
 */
export function* sortInSteps<T>(items: readonly T[], compare: (a: T, b: T) => number): Steps<T[]> {
  const n = items.length;
  // Runs sorted by the built-in sort (far quicker than merging in JavaScript, so runs are long),
  // then merged pairwise.
  let from = items.slice();
  for (let lo = 0; lo < n; lo += RUN) {
    const run = from.slice(lo, lo + RUN).sort(compare);
    for (let k = 0; k < run.length; k++) from[lo + k] = run[k] as T;
    yield;
  }
  let to = items.slice();
  for (let width = RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const at = { i: lo, j: Math.min(lo + width, n), k: lo };
      const mid = at.j;
      const hi = Math.min(lo + 2 * width, n);
      while (!merge(from, to, at, mid, hi, compare)) yield;
    }
    [from, to] = [to, from];
  }
  return from;
}

const RUN = 8 * ITEMS_PER_STEP;

/**
 * Merges `from[i, mid)` and `from[j, hi)` into `to` from `k`, a step's worth at most (outside the
 * generator, where the loop runs at full speed); true when done.
 */
function merge<T>(
  from: T[],
  to: T[],
  at: { i: number; j: number; k: number },
  mid: number,
  hi: number,
  compare: (a: T, b: T) => number,
): boolean {
  let { i, j, k } = at;
  const end = k + 4 * ITEMS_PER_STEP;
  // The left run's item goes first unless the right one is strictly smaller: stable.
  while (i < mid && j < hi && k < end)
    to[k++] = compare(from[j] as T, from[i] as T) < 0 ? (from[j++] as T) : (from[i++] as T);
  if (k < end || i === mid || j === hi) {
    while (i < mid) to[k++] = from[i++] as T;
    while (j < hi) to[k++] = from[j++] as T;
    return true;
  }
  at.i = i;
  at.j = j;
  at.k = k;
  return false;
}
