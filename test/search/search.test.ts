import { writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ReferencePassageIndex } from "../../bench/reference/passage-index.ts";
import { ask } from "../../src/answer/router.ts";
import { openKnowledge } from "../../src/knowledge/open.ts";
import { searchIndex } from "../../src/search/index.ts";
import { bundledKb, tempKnowledge, writeArticle } from "../helpers/knowledge.ts";

const kb = bundledKb();
const index = searchIndex(kb);
const snippets = (q: string) =>
  index.search(q).map((h) => kb.get(h.articleId)?.body.slice(h.start, h.end) ?? "");

describe("search normalization and synonyms", () => {
  it("matches singular and plural, and the tariff inside counter-tariffs", () => {
    expect(index.queryTerms("Tariffs duties")).toEqual(["tariff"]);
    expect(
      snippets("counter-tariffs").some((s) => s.includes("counter-tariffs on U.S. steel")),
    ).toBe(true);
    expect(snippets("counter tariff").some((s) => s.includes("counter-tariffs"))).toBe(true);
  });

  it("finds CUSMA passages for USMCA, both ways", () => {
    const usmca = snippets("USMCA review");
    expect(usmca.some((s) => s.includes("review of the CUSMA"))).toBe(true);
    expect(snippets("CUSMA").some((s) => s.includes("(USMCA)"))).toBe(true);
  });

  it("treats aluminium, softwood, automobiles and levy as their synonyms", () => {
    expect(snippets("aluminium").some((s) => s.includes("aluminum"))).toBe(true);
    expect(snippets("softwood").some((s) => s.includes("lumber and timber"))).toBe(true);
    expect(snippets("automobiles").some((s) => s.includes("autos"))).toBe(true);
    expect(snippets("cars").some((s) => s.includes("automotive"))).toBe(true);
    expect(snippets("levy").some((s) => /tariffs?/.test(s))).toBe(true);
  });

  it("reads the synonym list from the knowledge folder, so an editor can extend it", () => {
    const dir = tempKnowledge();
    writeArticle(
      dir,
      "x.md",
      { id: "x", headline: "Widgets", outlet: "T", published: "2025-01-02" },
      "Gizmo makers face a new quota.",
    );
    expect(searchIndex(openKnowledge(dir)).search("thingamajig")).toEqual([]);
    writeFileSync(`${dir}/synonyms.yml`, "groups:\n  - [gizmo, thingamajig]\n");
    const hits = searchIndex(openKnowledge(dir)).search("thingamajig");
    expect(hits.map((h) => h.articleId)).toEqual(["x"]);
  });

  it("reports a bad synonyms file by file and field and keeps searching", () => {
    const dir = tempKnowledge();
    writeFileSync(`${dir}/synonyms.yml`, "groups:\n  - [lonely]\n");
    const bad = openKnowledge(dir);
    expect(bad.problems).toEqual([
      { file: "synonyms.yml", field: "groups.0", message: "a group needs two words or more" },
    ]);
    expect(searchIndex(bad).search("steel").length).toBeGreaterThan(0);
  });
});

describe("typos", () => {
  it("finds aluminum for alumnium and says what it matched", () => {
    const hits = index.search("alumnium");
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]?.corrections).toContain("aluminum");
    const answer = ask({ kb, now: new Date() }, "alumnium");
    expect(answer.items[0]?.text.toLowerCase()).toContain("aluminum");
    expect(answer.notice).toContain("aluminum");
  });

  it("does not fuzz words the index knows, nor short words", () => {
    // "steal" is five letters and unknown: one edit away from steel, so it corrects...
    expect(index.search("steal").length).toBeGreaterThan(0);
    // ...but a known word is matched exactly, never widened to its neighbours.
    const exact = index.search("trade");
    expect(exact.every((h) => h.corrections.length === 0)).toBe(true);
    expect(index.search("stel")).toEqual([]);
  });
});

describe("recency and nothing found", () => {
  it("ranks the newer of two equally relevant articles first, respecting date precision", () => {
    const dir = tempKnowledge(false);
    const text = "Quota talks on widgets resumed in Geneva.";
    writeArticle(
      dir,
      "old.md",
      { id: "old", headline: "Widgets", outlet: "T", published: "2024-03-02" },
      text,
    );
    writeArticle(
      dir,
      "new.md",
      { id: "new", headline: "Widgets", outlet: "T", published: "2025-03-02" },
      text,
    );
    writeArticle(
      dir,
      "month.md",
      { id: "month", headline: "Widgets", outlet: "T", published: "2024-09" },
      text,
    );
    const hits = searchIndex(openKnowledge(dir)).search("widget quota");
    expect(hits.map((h) => h.articleId)).toEqual(["new", "month", "old"]);
  });

  it("lets relevance beat recency when the difference is large", () => {
    const dir = tempKnowledge(false);
    writeArticle(
      dir,
      "a.md",
      { id: "a", headline: "Misc", outlet: "T", published: "2025-06-01" },
      "Many things happened this week across several unrelated files, and widgets came up once among dozens of other topics discussed at length.",
    );
    writeArticle(
      dir,
      "b.md",
      { id: "b", headline: "Widget quota", outlet: "T", published: "2024-06-01" },
      "Widget quota widget quota.",
    );
    expect(searchIndex(openKnowledge(dir)).search("widget quota")[0]?.articleId).toBe("b");
  });

  it("says plainly when nothing matches: how many articles, what to try", () => {
    for (const q of ["hockey", "Ottawa Senators", "notwithstanding clause", "COVID-19 vaccines"]) {
      const answer = ask({ kb, now: new Date() }, q);
      expect(answer.items, q).toEqual([]);
      expect(answer.notice).toContain(`Nothing in the 5 articles matches`);
      expect(answer.notice).toContain("Try");
    }
  });

  it("finds what MiniSearch finds when the commonest word is scored only where a rarer one is", () => {
    // "Mossgiel" and "Orkney" are in most passages, alone: their postings are skipped unless the
    // passage (or its article's headline) holds a rarer word of the question, yet each still
    // counts as a known name ("Orkney" is in no passage that qualifies).
    const dir = tempKnowledge(false);
    for (let i = 0; i < 6; i++)
      writeArticle(
        dir,
        `m${i}.md`,
        { id: `m${i}`, headline: "Growers meet", outlet: "T", published: `2025-03-0${i + 1}` },
        `Mossgiel growers met on day ${i}. Orkney orchards flowered early.`,
      );
    writeArticle(
      dir,
      "d.md",
      { id: "d", headline: "Quota fight", outlet: "T", published: "2025-02-01" },
      "Dairy quotas drew fire from processors.",
    );
    writeArticle(
      dir,
      "h.md",
      { id: "h", headline: "Dairy quota review", outlet: "T", published: "2025-01-01" },
      "Mossgiel growers asked for a seat at the table.",
    );
    const small = openKnowledge(dir);
    const tuned = searchIndex(small);
    const reference = new ReferencePassageIndex(small);
    const shape = (hits: { articleId: string; start: number; matched: string[] }[]) =>
      hits.map((h) => `${h.articleId}@${h.start} [${h.matched}]`);
    for (const q of [
      "what did Orkney say about dairy quotas",
      "Mossgiel dairy",
      "Mossgiel dairy quota processors",
      "Mossgiel Zebulon dairy",
    ]) {
      expect(shape(tuned.search(q)), q).toEqual(shape(reference.search(q)));
      expect(shape(tuned.search(q, { limit: 2 })), q).toEqual(
        shape(reference.search(q, { limit: 2 })),
      );
    }
    expect(tuned.search("what did Orkney say about dairy quotas")[0]?.articleId).toBe("d");
    expect(tuned.search("Mossgiel dairy quota")[0]?.articleId).toBe("h");
    expect(tuned.search("Mossgiel Zebulon dairy")).toEqual([]);
  });

  it("does not pass off a half-matching passage as an answer", () => {
    expect(index.search("steel hockey senators playoffs")).toEqual([]);
    // An unknown name blocks the fallback; an unknown ordinary word does not.
    expect(index.search("Ottawa Senators")).toEqual([]);
    expect(index.search("how badly are aluminum exports hurt").length).toBeGreaterThan(0);
  });
});
