/**
 * Long synchronous work (a restart reads 100,000 files and decodes 350 shards; the views after a
 * change are thousands of steps) handing the event loop back now and then, so the Slack app,
 * listening meanwhile, can acknowledge a request within Slack's 3 seconds. A check costs one
 * clock read; a turn is taken only once `budgetMs` has passed, and at the first check, so work
 * begun in a callback lets pending I/O go first.
 */
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
    turn: () =>
      new Promise((resolve) =>
        setImmediate(() => {
          since = performance.now();
          resolve();
        }),
      ),
  };
}
