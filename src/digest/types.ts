/**
 * The digest as data. It is an Answer (so the terminal renderer shows it as it shows any
 * answer, sections and citations included) plus what the scheduler needs to post it once:
 * the window it covers and the articles it listed.
 */
import type { Answer } from "../answer/types.ts";

/** Section headings, in the order the post shows them. */
export const SECTION = {
  articles: "New articles",
  tariffs: "Tariff changes",
  upcoming: "Upcoming (next 7 days)",
  nextKnown: "Next known event",
  quotes: "Quotes",
} as const;

export interface Digest extends Answer {
  intent: "digest";
  window: {
    /** ISO instants. */
    since: string;
    now: string;
    timeZone: string;
    /** Local calendar days the window covers (see window.ts), YYYY-MM-DD. */
    firstDay: string;
    lastDay: string;
  };
  /** Ids of the new articles listed, newest first; the next digest of the channel skips them. */
  articleIds: string[];
  /** No new article in the window: the post is the short "no new coverage" one. */
  empty: boolean;
  /** The sections whose extractor is present (a missing one is left out, never faked). */
  sections: string[];
}
