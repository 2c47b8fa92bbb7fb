/**
 * perArticleKeyLists answers for many articles at once what perArticleKeys, filtered, answers
 * for one: the same keys in the same order, whatever mix of values each article has.
 */
import { describe, expect, it } from "vitest";
import type { Article } from "../../src/knowledge/article.ts";
import { KnowledgeBase, Later } from "../../src/knowledge/base.ts";

/** A value to be made when first asked for. */
class Made extends Later {
  make(): string {
    return "made";
  }
}

function article(id: string): Article {
  return {
    id,
    headline: `Grain levy ${id}`,
    outlet: "Prairie Courier",
    published: { value: "2023-05-04", precision: "day" },
    body: "",
    file: `${id}.md`,
  };
}

function oneByOne(kb: KnowledgeBase, list: readonly Article[], among: ReadonlySet<string>) {
  return list.map((a) =>
    kb
      .perArticleKeys(a)
      .filter((k) => among.has(k))
      .join(","),
  );
}

describe("perArticleKeyLists", () => {
  it("gives each article's keys among those asked, in the order perArticleKeys gives them", () => {
    const list = Array.from({ length: 40 }, (_, i) => article(`a${i}`));
    const kb = new KnowledgeBase(list, []);
    // Keys first used in an order neither the list nor the set asked about follows; some
    // articles lack some.
    const keys = ["zeta", "alpha", "mid", "other", "later"];
    list.forEach((a, i) => {
      keys.forEach((key, k) => {
        if ((i + k) % 3 !== 0) kb.seedPerArticle(key, a, i * k);
      });
      if (i % 7 === 0) kb.seedPerArticleLater("later", a, new Made());
    });
    const among = new Set(["later", "alpha", "zeta", "absent"]);
    const lists = kb.perArticleKeyLists(list, among);
    expect(lists).toEqual(oneByOne(kb, list, among));
    expect(new Set(lists).size).toBeGreaterThan(2);
    // First used: alpha, mid and later by the first article, then zeta and other by the second.
    expect(lists[1]).toBe("alpha,later,zeta");
    // A value seeded to be made later is listed without being made.
    expect(kb.computed.size).toBe(0);
  });

  it("gives the same for more keys than fit in one number's bits", () => {
    const list = Array.from({ length: 9 }, (_, i) => article(`b${i}`));
    const kb = new KnowledgeBase(list, []);
    const keys = Array.from({ length: 40 }, (_, k) => `key${k}`);
    list.forEach((a, i) => {
      keys.forEach((key, k) => {
        if ((i * k) % 5 !== 1) kb.seedPerArticle(key, a, k);
      });
    });
    const among = new Set(keys.filter((_, k) => k !== 3));
    const lists = kb.perArticleKeyLists(list, among);
    expect(lists).toEqual(oneByOne(kb, list, among));
    expect(lists[0]?.split(",")).toHaveLength(39);
  });
});
