/**
 * "Quotes": up to three from the window's new articles. Notable here means: a whole quoted
 * sentence or clause (not a two-word fragment), said by a named person the article identifies
 * (never an unattributed or guessed speaker), at least eight words long, one per speaker so the
 * three show three voices; newest article first, then the order the article gives them.
 */
import { cite } from "../../answer/cite.ts";
import type { AnswerItem } from "../../answer/types.ts";
import { articleQuotes } from "../../extract/quotes/extract.ts";
import type { ExtractedQuote } from "../../extract/quotes/types.ts";
import type { Article } from "../../knowledge/article.ts";
import type { KnowledgeBase } from "../../knowledge/base.ts";
import { SECTION } from "../types.ts";

const MAX_QUOTES = 3;
const MIN_WORDS = 8;

export function isNotable(q: ExtractedQuote): boolean {
  return (
    q.kind === "direct" &&
    q.speaker?.kind === "person" &&
    q.speaker.spoke &&
    q.text.trim().split(/\s+/).length >= MIN_WORDS &&
    q.context.start <= q.start &&
    q.end <= q.context.end
  );
}

export function quoteItems(kb: KnowledgeBase, articles: readonly Article[]): AnswerItem[] {
  const items: AnswerItem[] = [];
  const speakers = new Set<string>();
  for (const article of articles) {
    for (const q of articleQuotes(kb, article).quotes) {
      if (!isNotable(q) || !q.speaker || speakers.has(q.speaker.name)) continue;
      speakers.add(q.speaker.name);
      const role = q.speaker.roles[0];
      items.push({
        text: article.body.slice(q.start, q.end),
        kind: "quote",
        citations: [cite(article, q.context.start, q.context.end)],
        section: SECTION.quotes,
        note: role ? `${q.speaker.name}, ${role}` : q.speaker.name,
      });
      if (items.length >= MAX_QUOTES) return items;
    }
  }
  return items;
}
