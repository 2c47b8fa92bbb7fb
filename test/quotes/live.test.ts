/** Quotes are extracted per article and memoized: a changed article is redone, the others are not. */
import { describe, expect, it } from "vitest";
import { articleQuotes } from "../../src/extract/quotes/extract.ts";
import type { Article } from "../../src/knowledge/article.ts";
import { openKnowledge } from "../../src/knowledge/open.ts";
import { allQuotes, directory } from "../../src/people/directory.ts";
import { tempKnowledge } from "../helpers/knowledge.ts";

describe("quotes under live updates", () => {
  it("recomputes only the changed article, and the directory sees the new speaker", () => {
    const kb = openKnowledge(tempKnowledge());
    const [a, b] = kb.articles() as [Article, Article];
    const qa = articleQuotes(kb, a);
    const qb = articleQuotes(kb, b);
    expect(articleQuotes(kb, a)).toBe(qa);
    expect(allQuotes(directory(kb)).some((q) => q.speaker === "Jane Okonjo")).toBe(false);
    kb.upsert({
      ...a,
      body: `${a.body}\n\n“We will wait and see,” said Jane Okonjo, a customs broker.`,
    });
    const changed = kb.get(a.id) as Article;
    expect(articleQuotes(kb, changed)).not.toBe(qa);
    expect(articleQuotes(kb, b)).toBe(qb);
    const added = allQuotes(directory(kb)).find((q) => q.speaker === "Jane Okonjo");
    expect(added).toMatchObject({
      text: "We will wait and see",
      role: "customs broker",
      kind: "direct",
      articleId: a.id,
    });
  });
});
