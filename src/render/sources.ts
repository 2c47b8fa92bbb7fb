/**
 * The sources listed under an item. A source line names the article (headline, outlet, date,
 * link), not the sentence, so two sentences of one article cited by one item (the overview's
 * sector lines often cite two) would print the same line twice: each article is listed once,
 * where it is first cited. The Answer itself keeps every citation with its snippet.
 */
import type { Citation } from "../answer/types.ts";

export function sourcesOf<C extends Pick<Citation, "articleId">>(citations: readonly C[]): C[] {
  const seen = new Set<string>();
  return citations.filter((c) => {
    if (seen.has(c.articleId)) return false;
    seen.add(c.articleId);
    return true;
  });
}
