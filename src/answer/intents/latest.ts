/**
 * "What's the latest on X?": the passages about a topic grouped by article, newest article
 * first, so the first line is the most recent development. Articles whose dates cannot be
 * ordered (a month-only date against a day in that month) are ordered by relevance instead.
 */
import type { Article } from "../../knowledge/article.ts";
import { compareNewestFirst, formatPubDate } from "../../knowledge/pubdate.ts";
import { type Hit, searchIndex } from "../../search/index.ts";
import { snippetItem } from "../cite.ts";
import { makeAnswer } from "../freshness.ts";
import type { Intent } from "../intent.ts";
import { articleOf, nothingFound } from "./search.ts";

const MAX_ARTICLES = 5;
const PASSAGES_PER_ARTICLE = 3;

const LATEST =
  /^(?:(?:what(?:'|’)?s|what is|what are|give me|show me|any)\s+)?(?:the\s+)?(?:latest|news|updates?|newest|recent news)\s+(?:on|about|for|in|with|regarding)\s+(?:the\s+)?(.+?)\??$/i;

export const latestIntent: Intent<string> = {
  name: "latest",
  help: [
    "what's the latest on the CUSMA review? / news on lumber — newest coverage first, each dated",
  ],
  match(text) {
    const m = LATEST.exec(text);
    return m?.[1] ? m[1].trim() : null;
  },
  answer(ctx, topic, query) {
    // Only the newest matching articles can be shown: the search stops at the shards that hold them.
    const hits = searchIndex(ctx.kb).search(topic, { newest: MAX_ARTICLES });
    if (hits.length === 0) return nothingFound(ctx.kb, query, topic);
    const groups = groupByArticle(hits, (id) => articleOf(ctx.kb, id)).slice(0, MAX_ARTICLES);
    const items = groups.flatMap(({ article, hits }) =>
      hits
        .slice(0, PASSAGES_PER_ARTICLE)
        .sort((a, b) => a.start - b.start)
        .map((h) =>
          snippetItem(article, h.start, h.end, { note: formatPubDate(article.published) }),
        ),
    );
    return makeAnswer(ctx.kb, query, "latest", items, {
      title: `Latest on “${topic}”, newest first`,
    });
  },
};

interface Group {
  article: Article;
  hits: Hit[];
}

/** Hits grouped per article (best first within each), articles newest first, relevance breaking ties. */
function groupByArticle(hits: Hit[], articleOf: (id: string) => Article): Group[] {
  const groups = new Map<string, Group>();
  for (const h of hits) {
    const g = groups.get(h.articleId) ?? { article: articleOf(h.articleId), hits: [] };
    g.hits.push(h);
    groups.set(h.articleId, g);
  }
  const list = [...groups.values()];
  // Hits arrive best first, so the insertion order is relevance order; the stable sort keeps it among ties.
  return list.sort((a, b) => compareNewestFirst(a.article.published, b.article.published));
}
