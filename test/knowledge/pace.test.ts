/**
 * Paced work (src/knowledge/pace.ts) hands the event loop back between steps; pieces of it that
 * wait at the same time run one per turn, so the loop reads requests after each piece's budget,
 * not after every waiting piece's.
 */
import { describe, expect, it } from "vitest";
import { pace, runInTurns } from "../../src/knowledge/pace.ts";
import type { Steps } from "../../src/knowledge/steps.ts";
import { turnCounter } from "../helpers/turns.ts";

/** The turn of the event loop each step ran in, counted by a chain of setImmediate. */
function* steps(
  name: string,
  n: number,
  turn: () => number,
  log: [string, number][],
): Steps<number> {
  for (let i = 0; i < n; i++) {
    log.push([name, turn()]);
    yield;
  }
  return n;
}

describe("paced work", () => {
  it("runs one waiting piece per turn of the event loop, in turns, until each is done", async () => {
    const counter = turnCounter();
    const log: [string, number][] = [];
    const done = await Promise.all(
      ["views", "question", "save"].map((name) =>
        runInTurns(steps(name, 20, counter.now, log), pace(0)),
      ),
    );
    counter.stop();
    expect(done).toEqual([20, 20, 20]);
    const byTurn = new Map<number, Set<string>>();
    for (const [name, t] of log) byTurn.set(t, (byTurn.get(t) ?? new Set()).add(name));
    // Every step had a turn of its own: 60 steps in at least 60 turns, never two pieces in one.
    expect(byTurn.size).toBe(60);
    for (const names of byTurn.values()) expect(names.size).toBe(1);
    // Taken in turn: no piece waits for another to finish.
    const first = log.slice(0, 3).map(([name]) => name);
    expect(new Set(first).size).toBe(3);
  });

  it("lets a piece work until its budget is spent before it takes a turn", async () => {
    const counter = turnCounter();
    const log: [string, number][] = [];
    await runInTurns(steps("quick", 100, counter.now, log), pace(60_000));
    counter.stop();
    // One turn first (work begun in a callback lets pending I/O go), then all in one piece.
    expect(new Set(log.map(([, t]) => t)).size).toBe(1);
  });
});
