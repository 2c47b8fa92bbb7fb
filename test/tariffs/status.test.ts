/** Which change a sentence says happened to a tariff, through the real fact extractor. */
import { describe, expect, it } from "vitest";
import { tariffFacts } from "../../src/extract/tariffs/facts.ts";
import { parseArticle } from "../../src/knowledge/article.ts";
import { KnowledgeBase } from "../../src/knowledge/base.ts";
import { BUNDLED } from "../helpers/knowledge.ts";

function statuses(body: string): string[] {
  const text = `---\nid: s\nheadline: H\noutlet: O\npublished: 2026-01-05\n---\n\n${body}\n`;
  const { article } = parseArticle("s.md", text);
  if (!article) throw new Error("fixture did not parse");
  const kb = new KnowledgeBase([article], [], { dir: BUNDLED });
  return tariffFacts(kb).map((f) => `${f.sector} ${f.rate} ${f.status}`);
}

describe("tariff status", () => {
  it("does not read a tariff that cuts something else as a lowered tariff", () => {
    expect(
      statuses("Mills said the 25% tariff on Canadian steel has cut their exports by half."),
    ).toEqual(["steel 25 in force"]);
  });

  it("reads the passive and the active change of a tariff", () => {
    expect(statuses("The tariffs on steel, which were raised to 35% in August, remain.")).toEqual([
      "steel 35 raised",
    ]);
    expect(statuses("Washington cut its tariff on Canadian lumber to 10% from 20%.")).toEqual([
      "lumber 10 lowered",
    ]);
  });
});
