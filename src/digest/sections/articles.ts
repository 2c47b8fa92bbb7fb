/**
 * "New articles": one item per article new in the window, newest first. The item text is the
 * lede, the body's first sentence, cited verbatim; the citation carries headline, outlet, date.
 */
import { snippetItem } from "../../answer/cite.ts";
import type { AnswerItem } from "../../answer/types.ts";
import type { Article } from "../../knowledge/article.ts";
import type { KnowledgeBase } from "../../knowledge/base.ts";
import { sentences } from "../../text/passages.ts";
import { SECTION } from "../types.ts";
import { isNewInWindow, type WindowDays } from "../window.ts";

export function newArticles(
  kb: KnowledgeBase,
  days: WindowDays,
  exclude: ReadonlySet<string>,
): Article[] {
  return kb.articles().filter((a) => isNewInWindow(a, days) && !exclude.has(a.id));
}

export function articleItems(articles: readonly Article[]): AnswerItem[] {
  return articles.map((a) => {
    // Split each time, not kept as a per-article value: a snapshot saves those, and a digest
    // that added one made the next save rewrite every shard holding such an article.
    const lede = sentences(a.body)[0];
    // A body always has a sentence (the loader refuses empty bodies); the fallback is the body.
    const start = lede?.start ?? 0;
    const end = lede?.end ?? a.body.length;
    return snippetItem(a, start, end, { section: SECTION.articles });
  });
}
