/**
 * Long synchronous work (a restart reads 100,000 files and decodes 350 shards; the views after a
 * change are thousands of steps) handing the event loop back now and then, so the Slack app,
 * listening meanwhile, can acknowledge a request within Slack's 3 seconds. A check costs one
 * clock read; a turn is taken only once `budgetMs` has passed, and at the first check, so work
 * begun in a callback lets pending I/O go first.
 */
import type { Steps } from "./steps.ts";

export interface Pace {
  /** True once the budget since the last turn is spent. */
  due(): boolean;
  /** Yields one turn of the event loop (pending I/O runs) and starts a new budget. */
  turn(): Promise<void>;
}

export function pace(budgetMs = 50): Pace {
  let since = Number.NEGATIVE_INFINITY;
  return {
    due: () => performance.now() - since >= budgetMs,
    turn: async () => {
      await ownTurn();
      since = performance.now();
    },
  };
}

/** Turns of the event loop taken by paced work, and the last one a piece of it ran in. */
let turns = 0;
let taken = -1;
let next: Promise<void> | undefined;

/**
 * The next turn of the event loop that no other paced work has run in. Pieces of work that
 * wait at once (questions asked together, the views, the save) run one per turn, in the order
 * they waited: with a turn each they held the loop for a budget each before any request was
 * read, and 30 questions waiting for the quotes to be folded held it for seconds (issue 9).
 */
async function ownTurn(): Promise<void> {
  do {
    next ??= new Promise((resolve) =>
      setImmediate(() => {
        next = undefined;
        turns++;
        resolve();
      }),
    );
    await next;
  } while (taken === turns);
  taken = turns;
}

/** Runs `steps` to the end, taking a turn of the event loop whenever `turns` says so. */
export async function runInTurns<T>(steps: Steps<T>, turns: Pace): Promise<T> {
  for (;;) {
    if (turns.due()) await turns.turn();
    const r = steps.next();
    if (r.done) return r.value;
  }
}
