/**
 * The catch-all: the best-matching sentences for whatever was asked. When nothing matches,
 * it says so (how many articles were searched, what to try) instead of showing a weak match.
 */
import type { Article } from "../../knowledge/article.ts";
import type { KnowledgeBase } from "../../knowledge/base.ts";
import { searchIndex } from "../../search/index.ts";
import { snippetItem } from "../cite.ts";
import { makeAnswer } from "../freshness.ts";
import type { Intent } from "../intent.ts";
import type { Answer } from "../types.ts";

const MAX_PASSAGES = 8;

export const searchIntent: Intent<string> = {
  name: "search",
  help: ["any words — the passages that match best, newest coverage first among equals"],
  match: (text) => text,
  answer(ctx, text, query) {
    const index = searchIndex(ctx.kb);
    // Only stop-words ("what is the"): nothing to look for, so hits would be noise.
    const hits = index.queryTerms(text).length ? index.search(text, { limit: MAX_PASSAGES }) : [];
    if (hits.length === 0) return nothingFound(ctx.kb, query, text);
    const items = hits.map((h) => snippetItem(articleOf(ctx.kb, h.articleId), h.start, h.end));
    const corrected = [...new Set(hits.flatMap((h) => h.corrections))];
    return makeAnswer(ctx.kb, query, "search", items, {
      title: `Passages matching “${text}”`,
      ...(corrected.length
        ? { notice: `No exact match for some words; showing matches for: ${corrected.join(", ")}.` }
        : {}),
    });
  },
};

/** The plain "nothing found" answer, shared by every intent that searches. */
export function nothingFound(kb: KnowledgeBase, query: string, topic: string): Answer {
  return makeAnswer(kb, query, "search", [], {
    notice:
      `Nothing in the ${kb.size} articles matches “${topic}”. ` +
      "Try a sector (steel, aluminum, autos, lumber), a person's name, “upcoming meetings”, or “help”.",
  });
}

/** The article a search hit points at; the index only holds articles in service. */
export function articleOf(kb: KnowledgeBase, id: string): Article {
  const a = kb.get(id);
  if (!a) throw new Error(`search index is out of step: no article ${id}`);
  return a;
}
