/**
 * The product's promise, checked over many varied questions through every intent that exists:
 * each citation's snippet is the verbatim slice of its article, and its metadata is the article's.
 */
import { describe, expect, it } from "vitest";
import { ask } from "../../src/answer/router.ts";
import { bundledKb } from "../helpers/knowledge.ts";
import { QUESTIONS } from "../helpers/questions.ts";

describe("every snippet is verbatim and cited", () => {
  const kb = bundledKb();
  it(`holds for ${QUESTIONS.length} questions`, () => {
    let citations = 0;
    for (const q of QUESTIONS) {
      for (const now of [new Date("2025-10-06T12:00:00Z"), new Date()]) {
        const answer = ask({ kb, now }, q);
        expect(answer.freshness).toEqual({ articles: 5, newest: "2025-10-06" });
        for (const item of answer.items) {
          expect(item.citations.length, `${q}: item without citation`).toBeGreaterThan(0);
          for (const c of item.citations) {
            const article = kb.get(c.articleId);
            expect(article, `${q}: unknown article ${c.articleId}`).toBeDefined();
            expect(c.snippet).toBe(article?.body.slice(c.start, c.end));
            expect(c.snippet.trim().length).toBeGreaterThan(0);
            expect([c.headline, c.outlet, c.published]).toEqual([
              article?.headline,
              article?.outlet,
              article?.published.value,
            ]);
            citations++;
          }
          // Snippet and quote items show article text and nothing else.
          if (item.kind !== "label") expect(item.citations[0]?.snippet).toContain(item.text);
        }
      }
    }
    expect(QUESTIONS.length).toBeGreaterThanOrEqual(30);
    expect(citations).toBeGreaterThan(100);
  });
});
