/**
 * When a subscription's digest is due, on the wall clock of its own time zone. Pure: the
 * scheduler asks these with the clock's "now".
 */
import type { Subscription } from "./subscriptions.ts";
import { addDays, localDate, zonedInstant } from "./zoned.ts";

type Timing = Pick<Subscription, "time" | "timeZone" | "since">;

/** The instant the digest of a local date fires. */
export function fireTime(sub: Timing, date: string): Date {
  return zonedInstant(date, sub.time, sub.timeZone);
}

/**
 * The local date whose digest is owed at `now`: today's, once today's time has come (however
 * late: a bot that was down at 08:00 catches up when it starts), and only if the subscription
 * already existed at that time. Null when nothing is owed yet.
 */
export function dueDate(sub: Timing, now: Date): string | null {
  const today = localDate(now, sub.timeZone);
  const fire = fireTime(sub, today);
  if (now.getTime() < fire.getTime()) return null;
  if (sub.since && fire.getTime() < Date.parse(sub.since)) return null;
  return today;
}

/** The first fire time strictly after `now`. */
export function nextFire(sub: Timing, now: Date): Date {
  const today = localDate(now, sub.timeZone);
  for (let i = 0; i < 3; i++) {
    const t = fireTime(sub, addDays(today, i));
    if (t.getTime() > now.getTime()) return t;
  }
  // Unreachable for real zones (a fire time comes every day); a day later is a safe answer.
  return new Date(now.getTime() + 86_400_000);
}
