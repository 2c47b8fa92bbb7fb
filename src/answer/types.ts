/**
 * The answer model every front end renders (terminal, Slack blocks, JSON). It is pure data:
 * intents build it, renderers only format it. The product's promise lives here: each
 * citation's `snippet` is exactly `article.body.slice(start, end)`.
 */
export interface Citation {
  articleId: string;
  headline: string;
  outlet: string;
  /** As in the front matter (YYYY-MM-DD, YYYY-MM or YYYY): the format is the precision. */
  published: string;
  url?: string;
  snippet: string;
  start: number;
  end: number;
}

export interface AnswerItem {
  /**
   * What the item shows. For kind "snippet" and "quote" it is verbatim article text (the
   * first citation's snippet, or for a quote the quoted words inside it). For kind "label" it is
   * a short line built only from facts its citations state (e.g. "U.S. on Canadian steel: 50%").
   */
  text: string;
  kind: "snippet" | "quote" | "label";
  citations: Citation[];
  /** Groups consecutive items under a heading ("Upcoming", "Timeline"); renderers print it once. */
  section?: string;
  /** A short plain note after the text: a date, "(past)", a speaker and role. Never article prose. */
  note?: string;
}

export interface Freshness {
  articles: number;
  /** The newest publication date in the knowledge, as written; null when it is empty. */
  newest: string | null;
}

export interface Answer {
  query: string;
  intent: string;
  /** One line above the items ("Latest on lumber, newest first"). Built by us, not quoted. */
  title?: string;
  items: AnswerItem[];
  /** Plain guidance shown when there is nothing to cite, or after the items ("Try: …"). */
  notice?: string;
  freshness: Freshness;
}
