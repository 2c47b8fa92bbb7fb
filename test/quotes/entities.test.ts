/**
 * Who an article mentions: a capital that only opens a sentence names nobody, while an opener the
 * article introduced, or one that speaks, is still that person (the people directory and the
 * snapshot carry every entity, so a junk one costs at every load).
 */
import { describe, expect, it } from "vitest";
import { articleQuotes } from "../../src/extract/quotes/extract.ts";
import { parseArticle } from "../../src/knowledge/article.ts";
import { KnowledgeBase } from "../../src/knowledge/base.ts";

const TEXT = `---
id: 2026-02-11-harbour-levy
headline: "Harbour levy talks stall in Saint John"
outlet: Test Gazette
published: 2026-02-11
---

Harbour traffic slowed through January as the levy took hold. Lumberyards reported fewer orders.

Ingrid Sorbello, the fisheries minister, met exporters on Tuesday. Sorbello warned that duties could rise again in the spring.

Lindqvist said the quota would hold. Maren Tolliver, a trade lawyer at Brannock Hale LLP, expects an appeal. “We are ready for a long winter,” Okonkwo told reporters.
`;

function entitiesOf(text: string) {
  const { article } = parseArticle("harbour.md", text);
  if (!article) throw new Error("the test article did not parse");
  const kb = new KnowledgeBase([article]);
  return articleQuotes(kb, article);
}

describe("entities of an article", () => {
  const { entities, quotes } = entitiesOf(TEXT);
  const people = entities.filter((e) => e.kind === "person");

  it("takes no capitalized sentence opener for a person", () => {
    const names = people.map((e) => e.name);
    expect(names).not.toContain("Harbour");
    expect(names).not.toContain("Lumberyards");
  });

  it("takes a firm named with its legal form for no person", () => {
    expect(people.map((e) => e.name)).not.toContain("Brannock Hale LLP");
    expect(people.find((e) => e.name === "Maren Tolliver")?.roles).toEqual([
      "trade lawyer at Brannock Hale LLP",
    ]);
  });

  it("keeps an introduced surname at a sentence's start as that person", () => {
    const sorbello = people.filter((e) => e.surname === "sorbello");
    expect(sorbello).toHaveLength(1);
    expect(sorbello[0]?.name).toBe("Ingrid Sorbello");
    expect(sorbello[0]?.forms?.filter((_, k) => k % 2 === 0).sort()).toEqual([
      "Ingrid Sorbello",
      "Sorbello",
    ]);
    expect(sorbello[0]?.roles).toEqual(["fisheries minister"]);
  });

  it("keeps an opener who speaks as a speaker", () => {
    expect(people.map((e) => e.name).sort()).toEqual([
      "Ingrid Sorbello",
      "Lindqvist",
      "Maren Tolliver",
      "Okonkwo",
    ]);
    expect(people.find((e) => e.name === "Lindqvist")?.spoke).toBe(true);
    expect(quotes.map((q) => [q.text, q.speaker?.name])).toEqual([
      ["We are ready for a long winter", "Okonkwo"],
    ]);
  });
});
