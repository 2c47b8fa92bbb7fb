/**
 * How much trade the free-trade agreement covers, as each article puts it ("CUSMA, which covers
 * up to 95% of Canadian exports", "tariff-free exchange for more than 85% of goods"). Articles
 * disagree, so every figure is kept with its own sentence and date and shown side by side.
 */
import type { Article } from "../../knowledge/article.ts";
import type { KnowledgeBase } from "../../knowledge/base.ts";
import { compareNewestFirst } from "../../knowledge/pubdate.ts";
import { sentences } from "../../text/passages.ts";

export interface CoverageFact {
  /** As the sentence names it: "CUSMA", "USMCA". */
  agreement: string;
  share: number;
  /** "up to", "more than", "about" …, or "" when the figure is bare. */
  qualifier: string;
  /** What the share is of: "Canadian exports", "goods". */
  of: string;
  articleId: string;
  published: Article["published"];
  snippet: string;
  start: number;
  end: number;
}

const AGREEMENT =
  /\b(CUSMA|USMCA|NAFTA|Canada[-–]United States[-–]Mexico Agreement|United States[-–]Mexico[-–]Canada Agreement)\b/;
const SHARE =
  /(?:\b(up to|more than|over|about|around|nearly|almost|roughly|some|less than|at least)\s+)?(\d{1,3}(?:\.\d+)?)\s?(?:%|per[\s-]?cent|percent)\s+of\s+((?:[\p{L}-]+\s+){0,2}?(?:exports|goods|trade|imports|products|shipments))\b/giu;

/** Every agreement name holds one of these: an article without any has no coverage figure. */
const AGREEMENT_WORD = /CUSMA|USMCA|NAFTA|Agreement/;

export function extractCoverage(article: Article): CoverageFact[] {
  const out: CoverageFact[] = [];
  if (!AGREEMENT_WORD.test(article.body)) return out;
  for (const s of sentences(article.body)) {
    const text = article.body.slice(s.start, s.end);
    const agreement = AGREEMENT.exec(text)?.[1];
    if (!agreement) continue;
    for (const m of text.matchAll(SHARE)) {
      out.push({
        agreement,
        share: Number(m[2]),
        qualifier: (m[1] ?? "").toLowerCase(),
        of: m[3] as string,
        articleId: article.id,
        published: article.published,
        snippet: text,
        start: s.start,
        end: s.end,
      });
    }
  }
  return out;
}

/** The per-article key of an article's coverage facts. */
export const COVERAGE_KEY = "tariffs:coverage";

/** Every coverage figure in the knowledge, newest article first. */
export function coverageFacts(kb: KnowledgeBase): CoverageFact[] {
  return kb.derived("tariffs:coverage", () =>
    kb
      .articles()
      .flatMap((a) => kb.perArticle(COVERAGE_KEY, a, extractCoverage))
      .sort((a, b) => compareNewestFirst(a.published, b.published)),
  );
}
