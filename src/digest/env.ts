/**
 * The digest's environment variables, as zod fields that src/config/env.ts adds to the app's
 * schema (so a bad value stops start-up with one line naming the variable), and the config
 * they become.
 *
 *   DIGEST_TIME       default time of day for `/tariffs digest on`, HH:MM (default 08:00)
 *   DIGEST_TZ         default time zone, IANA name (default America/Toronto)
 *   DIGEST_CHANNELS   fixed subscriptions: "C0123, C0456 07:30, C0789 09:00 Europe/Paris skip-empty"
 *   TARIFF_DESK_STATE folder for the digest's state (default ./state)
 */
import { resolve } from "node:path";
import { z } from "zod";
import { CHANNEL_ID } from "./store.ts";
import { parseSettings, type Settings, type Subscription } from "./subscriptions.ts";
import { canonicalTimeZone, normalizeTimeOfDay } from "./zoned.ts";

export const DEFAULT_TIME = "08:00";
export const DEFAULT_TZ = "America/Toronto";

interface ChannelEntry {
  channel: string;
  words: string[];
}

export const digestVariables = {
  DIGEST_TIME: z
    .string()
    .trim()
    .transform((v, ctx) => {
      const t = normalizeTimeOfDay(v);
      if (!t) {
        ctx.addIssue({
          code: "custom",
          message: `DIGEST_TIME must be a time of day as HH:MM on a 24-hour clock (e.g. 08:00), not "${v}"`,
        });
        return z.NEVER;
      }
      return t;
    })
    .default(DEFAULT_TIME),
  DIGEST_TZ: z
    .string()
    .trim()
    .transform((v, ctx) => {
      const zone = canonicalTimeZone(v);
      if (!zone) {
        ctx.addIssue({
          code: "custom",
          message: `DIGEST_TZ must be an IANA time zone such as America/Toronto, not "${v}"`,
        });
        return z.NEVER;
      }
      return zone;
    })
    .default(DEFAULT_TZ),
  DIGEST_CHANNELS: z
    .string()
    .transform((v, ctx) => {
      const entries: ChannelEntry[] = [];
      for (const raw of v.split(",")) {
        const [channel, ...words] = raw.trim().split(/\s+/);
        if (!channel) continue;
        const problem = !CHANNEL_ID.test(channel)
          ? `"${channel}" is not a channel id (like C0123ABCD)`
          : checkWords(words);
        if (problem) {
          ctx.addIssue({
            code: "custom",
            message: `DIGEST_CHANNELS: ${problem}; write "C0123ABCD [HH:MM] [Time/Zone] [skip-empty], …"`,
          });
          return z.NEVER;
        }
        entries.push({ channel, words });
      }
      return entries;
    })
    .default([]),
  TARIFF_DESK_STATE: z
    .string()
    .trim()
    .default("state")
    .transform((dir) => resolve(dir)),
};

function checkWords(words: string[]): string | null {
  const r = parseSettings(words, { time: DEFAULT_TIME, timeZone: DEFAULT_TZ, skipEmpty: false });
  return typeof r === "string" ? r : null;
}

export interface DigestConfig {
  /** What `/tariffs digest on` uses for what it is not told. */
  defaults: Settings;
  /** DIGEST_CHANNELS, resolved against the defaults. */
  channels: Subscription[];
  /** TARIFF_DESK_STATE, absolute. */
  stateDir: string;
}

export interface DigestVariables {
  DIGEST_TIME: string;
  DIGEST_TZ: string;
  DIGEST_CHANNELS: ChannelEntry[];
  TARIFF_DESK_STATE: string;
}

export function digestConfigOf(v: DigestVariables): DigestConfig {
  const defaults: Settings = { time: v.DIGEST_TIME, timeZone: v.DIGEST_TZ, skipEmpty: false };
  const seen = new Set<string>();
  const channels: Subscription[] = [];
  for (const e of v.DIGEST_CHANNELS) {
    if (seen.has(e.channel)) continue;
    seen.add(e.channel);
    // Checked by the schema already, so this is settings, not an error string.
    const s = parseSettings(e.words, defaults) as Settings;
    channels.push({ channel: e.channel, source: "env", ...s });
  }
  return { defaults, channels, stateDir: v.TARIFF_DESK_STATE };
}
