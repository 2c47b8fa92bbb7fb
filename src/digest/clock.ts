/**
 * Time as the scheduler sees it: what time it is, and waiting. Injected, so tests drive the
 * scheduler through days and daylight-saving changes with a fake clock instead of real waits.
 */

export interface Timer {
  cancel(): void;
}

export interface Clock {
  now(): Date;
  /** Calls `fn` once after `ms` milliseconds (the scheduler re-arms it each time). */
  setTimer(ms: number, fn: () => void): Timer;
  /** Resolves after `ms` milliseconds (retry backoff). */
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => new Date(),
  setTimer(ms, fn) {
    const t = setTimeout(fn, Math.max(0, ms));
    // A pending digest must not keep a CLI or a test process alive on its own.
    t.unref();
    return { cancel: () => clearTimeout(t) };
  },
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};
