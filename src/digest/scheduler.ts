/**
 * Fires each channel's digest at its local time. One timer, armed for the earliest next fire
 * time and never more than an hour ahead: each wake-up posts every digest that is due today
 * and not yet recorded (so start-up catch-up, a missed wake-up after a laptop slept, and a
 * retry after a failed post are the same code path), then re-arms.
 */
import type { Clock, Timer } from "./clock.ts";
import type { DigestLog, Outcome } from "./deliver.ts";
import { dueDate, nextFire } from "./schedule.ts";
import type { DigestStore } from "./store.ts";
import { effectiveSubscriptions, type Subscription } from "./subscriptions.ts";

export interface SchedulerDeps {
  store: DigestStore;
  /** DIGEST_CHANNELS. */
  fixed: readonly Subscription[];
  clock: Clock;
  deliver(sub: Subscription, now: Date): Promise<Outcome>;
  log: DigestLog;
  /** Longest sleep between checks (default an hour). */
  recheckMs?: number;
}

const HOUR = 3_600_000;

export class DigestScheduler {
  private timer: Timer | undefined;
  private running: Promise<void> = Promise.resolve();
  private stopped = true;

  constructor(private readonly deps: SchedulerDeps) {}

  /** Posts what is owed now (catch-up), then keeps time. Resolves after the catch-up. */
  async start(): Promise<void> {
    this.stopped = false;
    await this.reportInterrupted();
    await this.wake();
  }

  stop(): void {
    this.stopped = true;
    this.timer?.cancel();
    this.timer = undefined;
  }

  /** After a subscription change: check now and re-arm for the new times. */
  reschedule(): Promise<void> {
    return this.wake();
  }

  /** Resolves when the current check (and its posts) has finished. */
  idle(): Promise<void> {
    return this.running;
  }

  private wake(): Promise<void> {
    if (this.stopped) return this.running;
    this.timer?.cancel();
    this.timer = undefined;
    // Checks never overlap: a wake-up during a slow post runs after it.
    this.running = this.running.then(() => this.check());
    return this.running;
  }

  private async check(): Promise<void> {
    if (this.stopped) return;
    const { store, clock, log } = this.deps;
    let subs: Subscription[] = [];
    try {
      subs = effectiveSubscriptions(this.deps.fixed, await store.listChannels());
      for (const sub of subs) {
        if (this.stopped) return;
        if (sub.paused) continue;
        const now = clock.now();
        const day = dueDate(sub, now);
        if (!day || (await store.wasPosted(sub.channel, day))) continue;
        try {
          await this.deps.deliver(sub, now);
        } catch (e) {
          log.error(`digest ${sub.channel} ${day}: ${(e as Error).message}`);
        }
      }
    } catch (e) {
      log.error(`digest scheduler: ${(e as Error).message}`);
    } finally {
      this.arm(subs);
    }
  }

  /** A claim without an outcome at start-up: the last process stopped while posting. */
  private async reportInterrupted(): Promise<void> {
    const { store, clock, log } = this.deps;
    try {
      const subs = effectiveSubscriptions(this.deps.fixed, await store.listChannels());
      for (const sub of subs) {
        const day = dueDate(sub, clock.now());
        const record = day ? await store.wasPosted(sub.channel, day) : undefined;
        if (record?.state === "claimed") {
          log.warn(
            `digest ${sub.channel} ${day}: a previous run stopped while posting it (claimed at ${record.at}); it may not have gone out, and is not posted again`,
          );
        }
      }
    } catch (e) {
      log.error(`digest scheduler: ${(e as Error).message}`);
    }
  }

  private arm(subs: readonly Subscription[]): void {
    if (this.stopped) return;
    const now = this.deps.clock.now();
    const recheck = this.deps.recheckMs ?? HOUR;
    let wait = recheck;
    for (const sub of subs) {
      if (sub.paused) continue;
      wait = Math.min(wait, nextFire(sub, now).getTime() - now.getTime());
    }
    this.timer = this.deps.clock.setTimer(Math.max(wait, 0), () => {
      void this.wake();
    });
  }
}
