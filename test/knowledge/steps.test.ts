/**
 * The helpers corpus-wide views are built with in steps: a stepped sort must give exactly the
 * built-in stable sort's order, and a stepped grouping exactly groupBy's groups.
 */
import { describe, expect, it } from "vitest";
import { groupInSteps, runSteps, type Steps, sortInSteps } from "../../src/knowledge/steps.ts";
import { groupBy } from "../../src/lists.ts";

/** Runs the steps, counting the yields. */
function counted<T>(steps: Steps<T>): { value: T; yields: number } {
  let yields = 0;
  for (;;) {
    const r = steps.next();
    if (r.done) return { value: r.value, yields };
    yields++;
  }
}

/** Items with many ties on `key`, told apart by `at` (their original position). */
function items(n: number, keys: number): { key: number; at: number }[] {
  let seed = 12345;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed;
  };
  return Array.from({ length: n }, (_, at) => ({ key: next() % keys, at }));
}

describe("sortInSteps", () => {
  it("orders as the built-in stable sort, ties in their original order, yielding on the way", () => {
    for (const n of [0, 1, 1023, 1024, 1025, 8191, 8192, 8193, 20_000, 40_000]) {
      const list = items(n, 37);
      const byKey = (a: { key: number }, b: { key: number }) => a.key - b.key;
      const { value, yields } = counted(sortInSteps(list, byKey));
      expect(value).toEqual([...list].sort(byKey));
      expect(value.length).toBe(n);
      if (n > 20_000) expect(yields).toBeGreaterThan(10);
    }
  });

  it("leaves its input as it was", () => {
    const list = items(3000, 5);
    const copy = [...list];
    runSteps(sortInSteps(list, (a, b) => b.key - a.key));
    expect(list).toEqual(copy);
  });
});

describe("groupInSteps", () => {
  it("gives groupBy's groups, in order of first appearance, over arrays and typed arrays", () => {
    const list = items(10_000, 11);
    const { value, yields } = counted(groupInSteps(list, (x) => x.key));
    expect([...value]).toEqual([...groupBy(list, (x) => x.key)]);
    expect(yields).toBeGreaterThan(5);
    const typed = Int32Array.from(list.map((x) => x.key));
    expect([...runSteps(groupInSteps(typed, (v) => v % 3))]).toEqual([
      ...groupBy(typed, (v) => v % 3),
    ]);
  });
});
