/**
 * Builds a digest: pure, from the knowledge and a window (since → now, read in a time zone).
 * A section with nothing to show is left out, except "upcoming", which says plainly that
 * nothing is scheduled. Tariff changes and quotes come from the window's new articles only;
 * upcoming events from the whole knowledge, judged against the window's last local day.
 */
import { freshness } from "../answer/freshness.ts";
import type { AnswerItem } from "../answer/types.ts";
import type { KnowledgeBase } from "../knowledge/base.ts";
import { articleItems, newArticles } from "./sections/articles.ts";
import { quoteItems } from "./sections/quotes.ts";
import { tariffChangeItems } from "./sections/tariffs.ts";
import { NOTHING_SCHEDULED, upcomingItems } from "./sections/upcoming.ts";
import type { Digest } from "./types.ts";
import { type DigestWindow, windowDays } from "./window.ts";
import { formatLocal, localDate } from "./zoned.ts";

/** The sections this build can make (each extractor it reads is present). */
const SECTIONS = ["articles", "tariffs", "upcoming", "quotes"] as const;

export interface DigestOptions extends DigestWindow {
  /** Articles an earlier digest of the same channel already listed. */
  exclude?: ReadonlySet<string>;
}

export function buildDigest(kb: KnowledgeBase, opts: DigestOptions): Digest {
  if (!(opts.since.getTime() < opts.now.getTime())) {
    throw new RangeError(
      `the digest window must start before it ends (since ${opts.since.toISOString()}, now ${opts.now.toISOString()})`,
    );
  }
  const days = windowDays(opts);
  const fresh = newArticles(kb, days, opts.exclude ?? new Set());
  const freshIds = new Set(fresh.map((a) => a.id));
  const upcoming = upcomingItems(kb, days.lastDay);
  const items: AnswerItem[] = [
    ...articleItems(fresh),
    ...tariffChangeItems(kb, freshIds, days),
    ...upcoming,
    ...quoteItems(kb, fresh),
  ];
  const empty = fresh.length === 0;
  const notices = [
    empty ? `No new coverage since ${formatLocal(opts.since, opts.timeZone)}.` : "",
    upcoming.length ? "" : NOTHING_SCHEDULED,
  ].filter(Boolean);
  return {
    query: "digest",
    intent: "digest",
    title: `Tariff Desk digest for ${longDate(opts.now, opts.timeZone)}`,
    items,
    ...(notices.length ? { notice: notices.join(" ") } : {}),
    freshness: freshness(kb),
    window: {
      since: opts.since.toISOString(),
      now: opts.now.toISOString(),
      timeZone: opts.timeZone,
      ...days,
    },
    articleIds: fresh.map((a) => a.id),
    empty,
    sections: [...SECTIONS],
  };
}

/** "Monday, October 6, 2025" in the digest's zone. */
function longDate(now: Date, timeZone: string): string {
  const [y, m, d] = localDate(now, timeZone).split("-").map(Number) as [number, number, number];
  return new Intl.DateTimeFormat("en-US", {
    timeZone: "UTC",
    weekday: "long",
    month: "long",
    day: "numeric",
    year: "numeric",
  }).format(Date.UTC(y, m - 1, d));
}
