/**
 * Test articles written for this capability, with other names and the other patterns (inversions,
 * pronouns across paragraphs, colon intros, "according to", anonymous officials, nested and straight
 * quotes, scare quotes, two speakers in a paragraph, a quotation running over two paragraphs, an
 * ambiguous surname, an ambiguous pronoun): recall of at least 90% and not one wrong speaker.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openKnowledge } from "../../src/knowledge/open.ts";
import { allQuotes, directory } from "../../src/people/directory.ts";
import { PROJECT } from "../helpers/knowledge.ts";
import { pct, readGold, report, score } from "./score.ts";

const DIR = join(PROJECT, "test/fixtures/quotes");
const gold = readGold(join(DIR, "fixtures-gold.json"));

describe("quotes in the test articles", () => {
  const kb = openKnowledge(DIR);

  it("loads the five test articles", () => {
    expect(kb.problems).toEqual([]);
    expect(kb.size).toBe(5);
  });

  it("finds at least 90% of the quotes and attributes at least 90%, with no wrong speaker", () => {
    const s = score(kb, gold);
    report("test articles, all", s);
    report("test articles, direct", score(kb, gold, "direct"));
    report("test articles, partial", score(kb, gold, "partial"));
    expect(s.wrong).toEqual([]);
    expect(s.found / s.gold).toBeGreaterThanOrEqual(0.9);
    expect(s.attributed / s.attributable).toBeGreaterThanOrEqual(0.9);
    expect(s.extra).toEqual([]);
    console.log(`precision of named speakers: ${pct(s.attributed, s.attributed + s.wrong.length)}`);
  });

  it("refuses a bare surname two people share, and says so rather than guess", () => {
    const q = allQuotes(directory(kb)).find((x) => x.text === "We are running out of road");
    expect(q?.kind).toBe("direct");
    expect(q?.speaker).toBeNull();
  });

  it("keeps an anonymous source as its description, apart from every named person", () => {
    const people = directory(kb).people;
    const official = people.find((p) => p.name === "a senior U.S. official");
    expect(official).toMatchObject({
      kind: "anonymous",
      quotes: 1,
      aliases: [],
      articles: ["2026-03-02-dairy-quota-talks"],
    });
    expect(
      people
        .filter((p) => p.kind === "person")
        .some((p) => p.aliases.some((a) => /official/.test(a))),
    ).toBe(false);
  });
});
