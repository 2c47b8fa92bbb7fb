/**
 * "When do <name> and <name> meet" on articles written for this test: a name counts in the
 * event's own sentence or within two sentences of it, matched as the search index matches words.
 */
import { describe, expect, it } from "vitest";
import { ask } from "../../src/answer/router.ts";
import { openKnowledge } from "../../src/knowledge/open.ts";
import { searchIndex } from "../../src/search/index.ts";
import { tempKnowledge, writeArticle } from "../helpers/knowledge.ts";

const NOW = new Date("2026-02-02T12:00:00Z");

function folder(): string {
  const dir = tempKnowledge(false);
  writeArticle(
    dir,
    "salmon.md",
    { id: "salmon-talks", headline: '"Osei heads to Oslo"', outlet: "T", published: "2026-02-01" },
    [
      "Trade Minister Halima Osei will meet her Norwegian counterpart on March 10, 2026 in Oslo.",
      "The talks follow months of friction over salmon quotas.",
      "Her counterpart, Anders Côté, has called the quotas unfair.",
      "Côté's deputy, Sverre Moen, will not attend.",
    ].join(" "),
  );
  writeArticle(
    dir,
    "grain.md",
    { id: "grain-talks", headline: '"Grain envoys to meet"', outlet: "T", published: "2026-02-01" },
    "Agriculture envoys from both countries will meet on March 20, 2026 in Geneva. Sverre Moen leads the delegation.",
  );
  return dir;
}

const kb = openKnowledge(folder());
const when = (q: string) => ask({ kb, now: NOW }, q);
const notes = (q: string) => when(q).items.map((i) => `${i.citations[0]?.articleId} ${i.note}`);

describe("a meeting named by the people in it", () => {
  it("finds a name in the event's sentence and one two sentences after it", () => {
    expect(notes("when do Osei and Côté meet?")).toEqual(["salmon-talks Tue March 10, 2026"]);
  });

  it("matches a name without its accent or with a possessive, as search does", () => {
    expect(notes("when do Osei and Cote meet?")).toEqual(["salmon-talks Tue March 10, 2026"]);
    expect(notes("when will Halima Osei meet Côté's team?")).toEqual([
      "salmon-talks Tue March 10, 2026",
    ]);
  });

  it("does not count a name three sentences away", () => {
    expect(notes("when do Osei and Moen meet?")).toEqual([]);
    expect(when("when do Osei and Moen meet?").notice).toContain("No dated meeting or event");
    expect(notes("when does Moen meet?")).toEqual(["grain-talks Fri March 20, 2026"]);
  });

  it("leaves out a name the index cannot hold (only stop-words) and keeps the others", () => {
    expect(notes("when do Will and Osei meet?")).toEqual(["salmon-talks Tue March 10, 2026"]);
  });

  it("answers nothing for a name no article holds", () => {
    expect(notes("when do Osei and Kowalski meet?")).toEqual([]);
  });
});

describe("where the index says a word is", () => {
  const index = searchIndex(kb);
  const at = (id: string, phrase: string) => kb.get(id)?.body.indexOf(phrase) ?? -1;

  it("tells which articles hold it and how many sentences away", () => {
    const moen = index.places("moen");
    expect(moen.inArticle("salmon-talks")).toBe(true);
    expect(moen.inArticle("grain-talks")).toBe(true);
    expect(index.places("osei").inArticle("grain-talks")).toBe(false);
    const meeting = at("salmon-talks", "Trade Minister");
    expect(meeting).toBe(0);
    expect(moen.near("salmon-talks", meeting, 3)).toBe(true);
    expect(moen.near("salmon-talks", meeting, 2)).toBe(false);
    // From the middle of the third sentence, the fourth is one away.
    expect(moen.near("salmon-talks", at("salmon-talks", "has called"), 1)).toBe(true);
    expect(index.places("nowhere").inArticle("salmon-talks")).toBe(false);
  });
});
