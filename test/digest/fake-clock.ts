/**
 * A clock tests move by hand: timers fire in order at their own due times as the clock is
 * advanced, and a retry's sleep moves time forward at once (recorded, never really waited).
 */
import type { Clock, Timer } from "../../src/digest/clock.ts";

interface Pending {
  at: number;
  fn: () => void;
  id: number;
}

export class FakeClock implements Clock {
  private t: number;
  private pending: Pending[] = [];
  private nextId = 0;
  /** Every sleep asked for, in milliseconds. */
  readonly sleeps: number[] = [];

  constructor(start: string | Date) {
    this.t = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.t);
  }

  setTimer(ms: number, fn: () => void): Timer {
    const p = { at: this.t + Math.max(0, ms), fn, id: this.nextId++ };
    this.pending.push(p);
    return { cancel: () => (this.pending = this.pending.filter((x) => x.id !== p.id)) };
  }

  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    this.t += ms;
  }

  /** Timers waiting to fire. */
  get timers(): number {
    return this.pending.length;
  }

  /**
   * Moves to `to`, firing every timer due on the way at its due time; after each, waits for
   * `settle` (the scheduler's idle()) so the work it started is done before time moves on.
   */
  async advanceTo(to: string | Date, settle: () => Promise<void>): Promise<void> {
    const end = new Date(to).getTime();
    for (;;) {
      const due = this.pending
        .filter((p) => p.at <= end)
        .sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.pending = this.pending.filter((p) => p.id !== due.id);
      this.t = Math.max(this.t, due.at);
      due.fn();
      await settle();
    }
    this.t = Math.max(this.t, end);
  }
}
