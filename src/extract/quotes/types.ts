/** What quote extraction yields for one article. */
import type { Entity } from "./coref.ts";

export interface ExtractedQuote {
  /** The quoted words: exactly body.slice(start, end), inside the marks (see marks.ts). */
  text: string;
  start: number;
  end: number;
  /** "direct": a quoted sentence or clause; "partial": a fragment inside reported speech. */
  kind: "direct" | "partial";
  /** Who said it, or null when the text does not settle it (never a guess). */
  speaker: Entity | null;
  /**
   * Where the article shows who spoke through to the end of the quote's sentence: the span a
   * citation should show so the reader can check the attribution.
   */
  context: { start: number; end: number };
}

export interface ArticleQuotes {
  quotes: ExtractedQuote[];
  /** The people, anonymous sources and organizations the article mentions or quotes. */
  entities: Entity[];
}
