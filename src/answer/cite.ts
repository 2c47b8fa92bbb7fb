/**
 * The only way to make a Citation: it slices the snippet from the article body itself, so a
 * snippet can never drift from the text it claims to quote.
 */
import type { Article } from "../knowledge/article.ts";
import type { AnswerItem, Citation } from "./types.ts";

export function cite(article: Article, start: number, end: number): Citation {
  if (
    !(
      Number.isInteger(start) &&
      Number.isInteger(end) &&
      start >= 0 &&
      end > start &&
      end <= article.body.length
    )
  ) {
    throw new RangeError(
      `citation ${start}-${end} is outside ${article.id} (body length ${article.body.length})`,
    );
  }
  const c: Citation = {
    articleId: article.id,
    headline: article.headline,
    outlet: article.outlet,
    published: article.published.value,
    snippet: article.body.slice(start, end),
    start,
    end,
  };
  if (article.url) c.url = article.url;
  return c;
}

/** An answer item whose text is the cited snippet itself. */
export function snippetItem(
  article: Article,
  start: number,
  end: number,
  extra?: Pick<AnswerItem, "section" | "note">,
): AnswerItem {
  const c = cite(article, start, end);
  return { text: c.snippet, kind: "snippet", citations: [c], ...extra };
}
