/**
 * The first facts the extractors find in one article, as cited answer items: how the editor who
 * just added it sees at once what the bot will make of it. Each item cites the article itself.
 */
import { cite, snippetItem } from "../answer/cite.ts";
import type { AnswerItem } from "../answer/types.ts";
import { articleEvents } from "../extract/events/index.ts";
import { articleQuotes } from "../extract/quotes/extract.ts";
import { type TariffFact, tariffFacts } from "../extract/tariffs/facts.ts";
import type { Article } from "../knowledge/article.ts";
import type { KnowledgeBase } from "../knowledge/base.ts";

/** At most this many of each kind, so the confirmation stays short. */
const PER_KIND = 2;

export function firstFacts(kb: KnowledgeBase, article: Article): AnswerItem[] {
  return [...tariffItems(kb, article), ...quoteItems(kb, article), ...eventItems(kb, article)];
}

/** One item per sentence, noting every sector it states a fact about. */
function tariffItems(kb: KnowledgeBase, article: Article): AnswerItem[] {
  const bySentence = new Map<number, TariffFact[]>();
  for (const f of tariffFacts(kb).filter((x) => x.articleId === article.id)) {
    bySentence.set(f.start, [...(bySentence.get(f.start) ?? []), f]);
  }
  return [...bySentence.values()]
    .sort((a, b) => (a[0] as TariffFact).start - (b[0] as TariffFact).start)
    .slice(0, PER_KIND)
    .map((facts) => {
      const first = facts[0] as TariffFact;
      const note = facts
        .map((f) => `${f.sector}${f.rate === null ? "" : ` ${f.rate}%`} (${f.status})`)
        .join(", ");
      return snippetItem(article, first.start, first.end, {
        section: "Tariff facts",
        note: `${note}; ${first.imposedBy} on ${first.on}`,
      });
    });
}

/** Quotes whose speaker the article settles, with the span that shows who spoke. */
function quoteItems(kb: KnowledgeBase, article: Article): AnswerItem[] {
  return articleQuotes(kb, article)
    .quotes.filter((q) => q.speaker !== null)
    .slice(0, PER_KIND)
    .map((q) => ({
      text: q.text,
      kind: "quote" as const,
      citations: [cite(article, q.context.start, q.context.end)],
      section: "Quotes",
      note: q.speaker?.name,
    }));
}

function eventItems(kb: KnowledgeBase, article: Article): AnswerItem[] {
  return articleEvents(kb, article)
    .slice(0, PER_KIND)
    .map((e) =>
      snippetItem(article, e.start, e.end, { section: "Dates", note: `${e.kind}, ${e.date}` }),
    );
}
