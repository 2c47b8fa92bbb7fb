/**
 * The packed form of extraction results (src/snapshot/compact.ts), through V8's serializer as a
 * shard file uses it: what comes back equals what went in, shared objects stay shared, and the
 * repeated strings and copied sentences are what it saves.
 */
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import { describe, expect, it } from "vitest";
import type { ArticleQuotes } from "../../src/extract/quotes/types.ts";
import { EXTRACTORS } from "../../src/extract/registry.ts";
import type { Article } from "../../src/knowledge/article.ts";
import { openKnowledge } from "../../src/knowledge/open.ts";
import { type ArticleResults, packResults, unpackResults } from "../../src/snapshot/compact.ts";
import { BUNDLED, PROJECT } from "../helpers/knowledge.ts";

const FIXTURES = ["quotes", "events", "tariffs", "digest"].map((d) =>
  join(PROJECT, "test/fixtures", d),
);

/** Every bundled and fixture article with its extraction results, as a snapshot would save them. */
function extracted(): { articles: Article[]; results: ArticleResults[] } {
  const articles: Article[] = [];
  const results: ArticleResults[] = [];
  for (const dir of [BUNDLED, ...FIXTURES]) {
    const kb = openKnowledge(dir);
    for (const e of EXTRACTORS) e.run(kb, kb.articles());
    for (const a of kb.articles()) {
      articles.push(a);
      results.push(kb.perArticleValues(a));
    }
  }
  return { articles, results };
}

function roundTrip(results: ArticleResults[], bodies: string[]) {
  const blob = serialize(packResults(results, bodies));
  return { blob, back: unpackResults(deserialize(blob), results.length, (i) => bodies[i]) };
}

describe("packed extraction results", () => {
  const { articles, results } = extracted();
  const bodies = articles.map((a) => a.body);

  it("come back equal to the results, Maps in the same order, from every extractor", () => {
    expect(articles.length).toBeGreaterThan(20);
    const keys = new Set(results.flatMap((r) => r.map(([k]) => k)));
    expect([...keys].sort()).toEqual(
      expect.arrayContaining(["dates", "events", "quotes", "tariffs:coverage"]),
    );
    const { back } = roundTrip(results, bodies);
    expect(back).toEqual(results);
    back.forEach((values, i) => {
      const quotes = values?.find(([k]) => k === "quotes")?.[1] as ArticleQuotes;
      const original = results[i]?.find(([k]) => k === "quotes")?.[1] as ArticleQuotes;
      quotes.entities.forEach((e, j) => {
        expect(e.forms && [...e.forms]).toEqual(
          original.entities[j]?.forms && [...original.entities[j].forms],
        );
      });
    });
  });

  it("keep a quote's speaker the very entity of its article's list", () => {
    const { back } = roundTrip(results, bodies);
    let speakers = 0;
    for (const values of back) {
      const aq = values?.find(([k]) => k === "quotes")?.[1] as ArticleQuotes;
      for (const q of aq.quotes) {
        if (!q.speaker) continue;
        speakers++;
        expect(aq.entities).toContain(q.speaker);
      }
    }
    expect(speakers).toBeGreaterThan(50);
  });

  it("cut quoted sentences from the body, so each is the body's text at its offsets", () => {
    const { back } = roundTrip(results, bodies);
    back.forEach((values, i) => {
      const aq = values?.find(([k]) => k === "quotes")?.[1] as ArticleQuotes;
      for (const q of aq.quotes) expect(q.text).toBe(bodies[i]?.slice(q.start, q.end));
    });
  });

  it("give every empty list as one frozen array, so a change to it throws instead of spreading", () => {
    const { back } = roundTrip(results, bodies);
    const empties = back.flatMap((values) => {
      const aq = values?.find(([k]) => k === "quotes")?.[1] as ArticleQuotes;
      return aq.entities.filter((e) => e.roles.length === 0).map((e) => e.roles);
    });
    expect(empties.length).toBeGreaterThan(20);
    for (const roles of empties) expect(roles).toBe(empties[0]);
    expect(Object.isFrozen(empties[0])).toBe(true);
    expect(() => (empties[0] as string[]).push("minister")).toThrow(TypeError);
  });

  it("serialize smaller than the results themselves", () => {
    const { blob } = roundTrip(results, bodies);
    const plain = serialize(results);
    expect(blob.length).toBeLessThan(plain.length * 0.8);
  });

  it("leave out the results of an article whose body is not given", () => {
    const blob = serialize(packResults(results.slice(0, 3), bodies.slice(0, 3)));
    const back = unpackResults(deserialize(blob), 3, (i) => (i === 1 ? undefined : bodies[i]));
    expect(back[1]).toBeNull();
    expect(back[0]).toEqual(results[0]);
  });

  it("refuse what is not plain data, and a blob for another number of articles", () => {
    expect(() => packResults([[["when", { at: new Date(0) }]]], ["body"])).toThrow(
      /cannot pack a Date/,
    );
    const packed = deserialize(serialize(packResults(results.slice(0, 2), bodies.slice(0, 2))));
    expect(() => unpackResults(packed, 3, () => "")).toThrow(/do not match the articles/);
  });
});
