/**
 * Who gets a digest, and when. Two sources: `/tariffs digest on` in a channel (kept in the
 * store) and DIGEST_CHANNELS in the environment (fixed: Slack cannot turn those off). Both are
 * written in the same small grammar: `[HH:MM] [Time/Zone] [skip-empty]`, in any order.
 */
import type { ChannelRecord, Pause } from "./store.ts";
import { canonicalTimeZone, normalizeTimeOfDay } from "./zoned.ts";

export interface Settings {
  time: string;
  timeZone: string;
  skipEmpty: boolean;
}

export interface Subscription extends Settings {
  channel: string;
  source: "slack" | "env";
  by?: string;
  /** ISO instant the setting took effect; absent for DIGEST_CHANNELS (always in effect). */
  since?: string;
  paused?: Pause;
}

export const SKIP_EMPTY_WORD = "skip-empty";

/** Reads `[HH:MM] [Time/Zone] [skip-empty]`; returns the settings or what is wrong, in one line. */
export function parseSettings(words: readonly string[], defaults: Settings): Settings | string {
  const out: Settings = { ...defaults, skipEmpty: false };
  let sawTime = false;
  let sawZone = false;
  for (const word of words) {
    if (word.toLowerCase() === SKIP_EMPTY_WORD) {
      out.skipEmpty = true;
      continue;
    }
    if (/^\d{1,2}:\d{2}$/.test(word)) {
      const time = normalizeTimeOfDay(word);
      if (!time || sawTime) {
        return sawTime
          ? `give one time, not "${word}" as well`
          : `"${word}" is not a time of day: use HH:MM on a 24-hour clock, e.g. 07:30`;
      }
      out.time = time;
      sawTime = true;
      continue;
    }
    const zone = /^[A-Za-z_+-]+(\/[A-Za-z0-9_+-]+)*$/.test(word) ? canonicalTimeZone(word) : null;
    if (!zone || sawZone) {
      return sawZone
        ? `give one time zone, not "${word}" as well`
        : `"${word}" is neither a time (HH:MM) nor a time zone (like America/Toronto or Europe/Paris)`;
    }
    out.timeZone = zone;
    sawZone = true;
  }
  return out;
}

/** "08:00 America/Toronto", plus ", skipping days without new coverage" when set. */
export function describeSettings(s: Settings): string {
  return `${s.time} ${s.timeZone}${s.skipEmpty ? ", skipping days without new coverage" : ""}`;
}

/**
 * Every subscription in force: DIGEST_CHANNELS first (a fixed channel keeps its fixed settings
 * even if someone also subscribed it in Slack), then the channels subscribed in Slack. Pauses
 * recorded in the store apply to both.
 */
export function effectiveSubscriptions(
  fixed: readonly Subscription[],
  records: readonly ChannelRecord[],
): Subscription[] {
  const byChannel = new Map(records.map((r) => [r.channel, r]));
  const out: Subscription[] = fixed.map((f) => {
    const paused = byChannel.get(f.channel)?.paused;
    return paused ? { ...f, paused } : { ...f };
  });
  const fixedIds = new Set(fixed.map((f) => f.channel));
  for (const r of records) {
    if (!r.subscription || fixedIds.has(r.channel)) continue;
    const { time, timeZone, skipEmpty, by, since } = r.subscription;
    out.push({
      channel: r.channel,
      source: "slack",
      time,
      timeZone,
      skipEmpty,
      since,
      ...(by ? { by } : {}),
      ...(r.paused ? { paused: r.paused } : {}),
    });
  }
  return out;
}
