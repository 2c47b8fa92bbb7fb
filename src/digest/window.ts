/**
 * Which articles are new in a digest window. Articles carry calendar dates (a day, a month or
 * a year), not instants, so the window is compared by local calendar days in the digest's zone.
 *
 * The rule: an article belongs to the window in which it is certainly out, i.e. the LAST day its
 * date can stand for falls between the window's first and last local days. A day-dated article
 * is new on that day; "2025-10" is new only in the window holding Oct. 31 (earlier it may not
 * have been published yet, so calling it new in a window ending Oct. 6 would invent a day).
 * Consecutive daily windows share a boundary day; the scheduler passes the ids the previous
 * digest listed in `exclude`, so nothing is listed twice and nothing added late is lost.
 */
import type { Article } from "../knowledge/article.ts";
import { pubDateRange } from "../knowledge/pubdate.ts";
import { localDate } from "./zoned.ts";

export interface DigestWindow {
  since: Date;
  now: Date;
  /** IANA zone whose calendar days the window is read in. */
  timeZone: string;
}

export interface WindowDays {
  /** Local date of `since`, YYYY-MM-DD. */
  firstDay: string;
  /** Local date of `now`, YYYY-MM-DD. */
  lastDay: string;
}

export function windowDays(w: DigestWindow): WindowDays {
  return { firstDay: localDate(w.since, w.timeZone), lastDay: localDate(w.now, w.timeZone) };
}

export function isNewInWindow(article: Article, days: WindowDays): boolean {
  const { last } = pubDateRange(article.published);
  return last >= days.firstDay && last <= days.lastDay;
}
