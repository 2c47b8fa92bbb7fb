/**
 * The shapes of date resolution. A rule recognizes a phrase (`Found`); the resolver pins it to
 * the publication date and reports it as a `DateExpr`, keeping the precision the phrase has.
 */
import type { Day } from "./day.ts";

/**
 * How precisely a phrase dates something. "week" ("last week") and "season" ("in the fall")
 * are finer than what the events model keeps; events map them onto "day" and "month" ranges.
 */
export type DatePrecision = "day" | "week" | "month" | "season" | "year";

/** Which way from the publication date a phrase was read: "said Tuesday" looks back. */
export type Direction = "past" | "future" | "none";

/** One date expression in a text, pinned (or not) to the publication date. */
export interface DateExpr {
  /** The phrase exactly as written (text.slice(start, end)). */
  text: string;
  start: number;
  end: number;
  /** "2025-10-07", "2025-10", "2026" by precision (a week is its Monday, a season its first month); null when it cannot be pinned. */
  value: string | null;
  /** Last day/month of a range ("Thursday and Friday", a week, a season). */
  endValue?: string;
  precision: DatePrecision;
  direction: Direction;
  /** The rule that read it ("weekday", "calendar", "relative", …), so an editor can see why. */
  rule: string;
  /** Why the value is null. */
  note?: string;
}

/** A phrase's reading before it is pinned: the value for a given publication day. */
export interface Found {
  /** Offsets within the sentence the rule was given. */
  start: number;
  end: number;
  precision: DatePrecision;
  rule: string;
  /** Set when the phrase carries its own direction ("last week", "next year"); otherwise the sentence's tense decides. */
  direction?: Direction;
  /** The value against publication day `ref`, read in `direction`; null when the phrase cannot be dated. */
  resolve(ref: Day, direction: Direction): Resolved | null;
}

export interface Resolved {
  value: string;
  endValue?: string;
}

/** A rule: every phrase it recognizes in one sentence. */
export type Finder = (sentence: string) => Found[];
