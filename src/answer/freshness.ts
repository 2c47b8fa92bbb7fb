/** Helpers every intent uses to build an Answer's frame. */
import type { KnowledgeBase } from "../knowledge/base.ts";
import type { Answer, AnswerItem, Freshness } from "./types.ts";

export function freshness(kb: KnowledgeBase): Freshness {
  return { articles: kb.size, newest: kb.newest() };
}

export function makeAnswer(
  kb: KnowledgeBase,
  query: string,
  intent: string,
  items: AnswerItem[],
  extra: Pick<Answer, "title" | "notice"> = {},
): Answer {
  return { query, intent, ...extra, items, freshness: freshness(kb) };
}
