/** The quotes intent through `ask`, as Slack and the CLI call it. */
import { describe, expect, it } from "vitest";
import { ask } from "../../src/answer/router.ts";
import type { Answer } from "../../src/answer/types.ts";
import { compareNewestFirst, type PubDate, parsePubDate } from "../../src/knowledge/pubdate.ts";
import { bundledKb } from "../helpers/knowledge.ts";

const ctx = () => ({ kb: bundledKb(), now: new Date("2026-11-21T12:00:00Z") });

/** Every item is a quote whose words sit inside its citation, and every citation is the body's own text. */
function checkCitations(a: Answer): void {
  const kb = bundledKb();
  for (const item of a.items) {
    expect(item.kind).toBe("quote");
    const c = item.citations[0];
    expect(c).toBeDefined();
    if (!c) continue;
    expect(c.snippet).toBe(kb.get(c.articleId)?.body.slice(c.start, c.end));
    expect(c.snippet).toContain(item.text);
  }
}

describe("quotes intent", () => {
  it('"who said white smoke" answers Mark Carney with the quote and its article', () => {
    const a = ask(ctx(), "who said white smoke");
    expect(a.intent).toBe("quotes");
    expect(a.items).toHaveLength(1);
    expect(a.items[0]?.text).toContain("Don’t expect immediate white smoke");
    expect(a.items[0]?.note).toBe("Mark Carney, Prime Minister · Sept. 5, 2025");
    expect(a.items[0]?.citations[0]?.articleId).toBe("2025-09-05-technical-talks-sectoral-tariffs");
    expect(a.items[0]?.citations[0]?.snippet).toContain("Carney said");
    checkCitations(a);
  });

  it('"what did Hoekstra say" lists both of his quotes, then the words quoted in reported speech', () => {
    const a = ask(ctx(), "what did Hoekstra say?");
    expect(a.intent).toBe("quotes");
    const direct = a.items.filter((i) => i.section === "Quotes").map((i) => i.text);
    expect(direct).toEqual([
      "I’m not sure they’ll be totally removed",
      "I think the president wants a very positive relationship",
    ]);
    expect(a.items.filter((i) => i.section !== "Quotes").map((i) => i.text)).toEqual([
      "holistic",
      "relatively quickly.",
    ]);
    for (const i of a.items)
      expect(i.note).toMatch(/^Pete Hoekstra, U\.S\. Ambassador to Canada · May 2025/);
    checkCitations(a);
  });

  it("quotes from a speaker are newest first, and a topic narrows them", () => {
    const all = ask(ctx(), "quotes from LeBlanc");
    const dates = all.items
      .filter((i) => i.section === "Quotes")
      .map((i) => parsePubDate(i.citations[0]?.published ?? ""));
    expect(dates).toHaveLength(5);
    for (let i = 1; i < dates.length; i++) {
      expect(compareNewestFirst(dates[i - 1] as PubDate, dates[i] as PubDate)).toBeLessThanOrEqual(
        0,
      );
    }
    expect(dates[4]?.value).toBe("2025-09-05");
    const steel = ask(ctx(), "quotes from LeBlanc on steel");
    expect(steel.items.map((i) => i.text)).toEqual(["significant point of contention"]);
    checkCitations(steel);
  });

  it('"/tariffs who X" answers with X\'s quotes', () => {
    const a = ask(ctx(), "/tariffs who Dawson");
    expect(a.intent).toBe("quotes");
    expect(a.items.map((i) => i.note?.split(",")[0])).toEqual(["Laura Dawson", "Laura Dawson"]);
  });

  it("a role as the articles give it finds the person", () => {
    const a = ask(ctx(), "what did the prime minister say");
    expect(new Set(a.items.map((i) => i.note?.split(",")[0]))).toEqual(new Set(["Mark Carney"]));
  });

  it("an unknown name gets a clear notice and the closest names, not a guess", () => {
    const a = ask(ctx(), "what did Hoekstrah say about steel");
    expect(a.items).toEqual([]);
    expect(a.notice).toBe(
      "No quotes from Hoekstrah in 5 articles. Closest names: Pete Hoekstra, Doug Ford, Kirsten Hillman.",
    );
  });

  it("a continuation is cited with the paragraph that names the speaker", () => {
    const a = ask(ctx(), "who said we can always be surprised");
    expect(a.items[0]?.note).toMatch(/^a senior Canadian government source/);
    expect(a.items[0]?.citations[0]?.snippet).toContain(
      "The government source also seemed to think it was a good sign.",
    );
    checkCitations(a);
  });

  it("leaves questions that are not about quotes to other intents", () => {
    expect(ask(ctx(), "who imposed tariffs on steel").intent).not.toBe("quotes");
    expect(ask(ctx(), "steel").intent).not.toBe("quotes");
  });
});
