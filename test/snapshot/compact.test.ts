/**
 * The packed form of extraction results (src/snapshot/compact.ts), through structured cloning
 * as a worker thread hands it over: what comes back equals what went in, shared objects stay
 * shared, and the repeated strings and copied sentences are what it saves.
 */
import { join } from "node:path";
import { serialize } from "node:v8";
import { describe, expect, it } from "vitest";
import type { ArticleQuotes } from "../../src/extract/quotes/types.ts";
import { EXTRACTORS } from "../../src/extract/registry.ts";
import type { Article } from "../../src/knowledge/article.ts";
import { openKnowledge } from "../../src/knowledge/open.ts";
import {
  type ArticleResults,
  cutFrom,
  Deferred,
  mergePacks,
  type PackedResults,
  packedKeys,
  packResults,
  unpackResults,
  unpackValue,
} from "../../src/snapshot/compact.ts";
import { BEYOND_LATIN1 } from "../../src/snapshot/format.ts";
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

/** Cuts from body i, or nothing when there is none. */
const cutter = (bodies: readonly string[]) => (i: number) => {
  const body = bodies[i];
  return body === undefined ? undefined : cutFrom(body);
};

function roundTrip(results: ArticleResults[], bodies: string[]) {
  const packed = structuredClone(packResults(results, bodies));
  return { packed, back: unpackResults(packed, results.length, cutter(bodies)) };
}

/** Bytes the packed form takes in a shard file (the tables go into its JSON header). */
function packedBytes(p: PackedResults): number {
  return (
    p.starts.byteLength +
    p.tokens.byteLength +
    p.floats.byteLength +
    Buffer.byteLength(JSON.stringify([p.strings, p.shapes]))
  );
}

describe("packed extraction results", () => {
  const { articles, results } = extracted();
  const bodies = articles.map((a) => a.body);

  it("come back equal to the results from every extractor", () => {
    expect(articles.length).toBeGreaterThan(20);
    const keys = new Set(results.flatMap((r) => r.map(([k]) => k)));
    expect([...keys].sort()).toEqual(
      expect.arrayContaining(["dates", "events", "quotes", "tariffs:coverage"]),
    );
    const { back } = roundTrip(results, bodies);
    expect(back).toEqual(results);
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

  it("cut a body beyond Latin-1 by its UTF-8 bytes, never decoding it whole", () => {
    const wide = articles.flatMap((a, i) => (BEYOND_LATIN1.test(a.body) ? [i] : []));
    expect(wide.length).toBeGreaterThan(5);
    // A sentence after a character of two code units, and one holding it.
    const body =
      "Intro \u{1F4C8} up. \u201CQuoted words here,\u201D she said. Then \u{1F4C9} down again.";
    const spans = [body.indexOf("\u201C"), body.indexOf(" Then")];
    const own: ArticleResults = [
      ["spans", [{ text: body.slice(spans[0], spans[1]), start: spans[0], end: spans[1] }]],
      ["whole", [{ text: body.slice(6), start: 6, end: body.length }]],
    ];
    const list = [...wide.map((i) => results[i] as ArticleResults), own];
    const texts = [...wide.map((i) => bodies[i] as string), body];
    const packed = packResults(list, texts);
    const bytesOnly = (i: number) =>
      Object.assign(
        () => {
          throw new Error("decoded whole");
        },
        { bytes: cutFrom(texts[i] as string).bytes },
      );
    expect(unpackResults(packed, list.length, bytesOnly)).toEqual(list);
    // Bytes outside the body are damage, not a shorter sentence.
    const outside = Object.assign(() => "", { bytes: cutFrom("short").bytes });
    expect(() => unpackResults(packed, list.length, () => outside)).toThrow(
      /damaged \(sentence outside the body/,
    );
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

  it("take less room than V8's serializer gives the results themselves", () => {
    const { packed } = roundTrip(results, bodies);
    expect(packedBytes(packed)).toBeLessThan(serialize(results).length * 0.8);
  });

  it("leave out the results of an article whose body is not given", () => {
    const packed = packResults(results.slice(0, 3), bodies.slice(0, 3));
    const back = unpackResults(packed, 3, (i) => (i === 1 ? undefined : cutter(bodies)(i)));
    expect(back[1]).toBeNull();
    expect(back[0]).toEqual(results[0]);
    expect(back[2]).toEqual(results[2]);
  });

  it("leave the deferred keys' values packed, to be read alone later as they were", () => {
    const packed = structuredClone(packResults(results, bodies));
    const back = unpackResults(packed, results.length, cutter(bodies), (k) => k === "quotes");
    let deferred = 0;
    back.forEach((values, i) => {
      const original = results[i] as ArticleResults;
      expect(values?.map(([k]) => k)).toEqual(original.map(([k]) => k));
      for (const [k, v] of values ?? []) {
        const want = original.find(([key]) => key === k)?.[1];
        if (k !== "quotes") {
          expect(v).toEqual(want);
          continue;
        }
        expect(v).toBeInstanceOf(Deferred);
        deferred++;
        const aq = unpackValue(v as Deferred, cutFrom(bodies[i] as string)) as ArticleQuotes;
        expect(aq).toEqual(want);
        for (const q of aq.quotes) if (q.speaker) expect(aq.entities).toContain(q.speaker);
      }
    });
    expect(deferred).toBe(results.length);
    // The values left packed hold their own tokens: the shard's buffer can be reused.
    const d = back[0]?.find(([k]) => k === "quotes")?.[1] as Deferred;
    expect(d.tables.tokens.length).toBeLessThan(packed.tokens.length);
    packed.tokens.fill(99);
    expect(unpackValue(d, cutFrom(bodies[0] as string))).toEqual(
      results[0]?.find(([k]) => k === "quotes")?.[1],
    );
    const damaged = new Deferred(
      { ...d.tables, tokens: d.tables.tokens.map(() => 99) },
      d.at,
      d.end,
    );
    expect(() => unpackValue(damaged, cutFrom(bodies[0] as string))).toThrow(/damaged \(bad token/);
  });

  it("leave a deferred value's numbers its own too, so the file's buffer can be read into again", () => {
    const value = { rate: 12.5, big: 2 ** 40, range: [7.25, -0.5] };
    const packed = structuredClone(packResults([[["later", value]]], [""]));
    const [back] = unpackResults(
      packed,
      1,
      () => cutFrom(""),
      (k) => k === "later",
    );
    const d = back?.[0]?.[1] as Deferred;
    expect(d).toBeInstanceOf(Deferred);
    packed.tokens.fill(99);
    packed.floats.fill(0);
    expect(unpackValue(d, cutFrom(""))).toStrictEqual(value);
  });

  it("keep every kind of value exactly, fields in their order", () => {
    const odd = {
      rate: 12.5,
      big: 2 ** 40,
      negative: -7,
      zero: -0,
      none: null,
      unset: undefined,
      yes: true,
      no: false,
      nested: [{ b: 1, a: [2, "two"] }, new Map<unknown, unknown>([[{ k: 1 }, "v"]])],
      empty: {},
    };
    const [back] = unpackResults(structuredClone(packResults([[["odd", odd]]], [""])), 1, () =>
      cutFrom(""),
    );
    const value = back?.[0]?.[1] as typeof odd;
    expect(value).toStrictEqual(odd);
    expect(Object.is(value.zero, -0)).toBe(true);
    expect(Object.keys(value)).toEqual(Object.keys(odd));
    expect("unset" in value).toBe(true);
  });

  it("refuse what is not plain data, a self-containing value, and a pack for other articles", () => {
    expect(() => packResults([[["when", { at: new Date(0) }]]], ["body"])).toThrow(
      /cannot pack a Date/,
    );
    expect(() => packResults([[["f", { run: () => 1 }]]], ["body"])).toThrow(
      /cannot pack a function/,
    );
    const loop: { self?: unknown } = {};
    loop.self = loop;
    expect(() => packResults([[["loop", loop]]], ["body"])).toThrow(/contain themselves/);
    expect(() => packResults([[["nul", { "a\u0000b": 1 }]]], ["body"])).toThrow(/U\+0000/);
    expect(() => packResults([[["pair", [{}, { "": 1 }]]]], ["body"])).toThrow(/empty string/);
    const packed = packResults(results.slice(0, 2), bodies.slice(0, 2));
    expect(() => unpackResults(packed, 3, () => cutFrom(""))).toThrow(/do not match the articles/);
  });

  it("merge, from several packs in any order, into exactly the pack of the same values", () => {
    const odd: ArticleResults = [
      ["odd", { rate: 12.5, zero: -0, list: [0.25, { rate: 3.5 }], map: new Map([["k", 1.5]]) }],
    ];
    const all = [...results, odd];
    const texts = [...bodies, ""];
    // Three packs, as three workers' jobs would send them.
    const cuts = [0, 7, 19, all.length];
    const packs = cuts.slice(1).map((end, j) => {
      const from = cuts[j] as number;
      return { from, packed: packResults(all.slice(from, end), texts.slice(from, end)) };
    });
    const partOf = (i: number) => {
      const p = packs.findLast((x) => x.from <= i);
      if (!p) throw new Error(`no pack for ${i}`);
      return { packed: p.packed, index: i - p.from };
    };
    // A shard's order: articles from every pack, interleaved, the odd one among them.
    const order = all
      .map((_, i) => i)
      .sort((a, b) => ((a * 7919) % all.length) - ((b * 7919) % all.length));
    const merged = mergePacks(order.map(partOf));
    const packed = packResults(
      order.map((i) => all[i] as ArticleResults),
      order.map((i) => texts[i] as string),
    );
    expect(merged).toEqual(packed);
    expect(merged.floats.length).toBeGreaterThan(3);
    expect(merged.strings.length).toBeLessThan(
      packs.reduce((n, p) => n + p.packed.strings.length, 0),
    );
    expect(order.map((i) => packedKeys(partOf(i)))).toEqual(
      order.map((i) => (all[i] as ArticleResults).map(([k]) => k)),
    );
    const damaged = { ...packed, tokens: packed.tokens.map((t, i) => (i < 3 ? t : 99)) };
    expect(() => mergePacks([{ packed: damaged, index: 0 }])).toThrow(/damaged \(bad token/);
  });

  it("throw, naming the damage, when the tokens are damaged", () => {
    const packed = packResults(results.slice(0, 2), bodies.slice(0, 2));
    const strings = { ...packed, strings: [] };
    expect(() => unpackResults(strings, 2, cutter(bodies))).toThrow(/damaged \(bad string/);
    // An article's first three tokens are its count of values, the first key and its length.
    const tokens = { ...packed, tokens: packed.tokens.map((t, i) => (i < 3 ? t : 99)) };
    expect(() => unpackResults(tokens, 2, cutter(bodies))).toThrow(/damaged \(bad token/);
    const length = { ...packed, tokens: packed.tokens.map((t, i) => (i === 2 ? t + 1e6 : t)) };
    expect(() => unpackResults(length, 2, cutter(bodies))).toThrow(/damaged \(bad value length/);
    const short = { ...packed, tokens: packed.tokens.map((t, i) => (i === 2 ? t - 1 : t)) };
    expect(() => unpackResults(short, 2, cutter(bodies))).toThrow(/damaged/);
    const shapes = { ...packed, shapes: [["__proto__"]] };
    expect(() => unpackResults(shapes, 2, cutter(bodies))).toThrow(/damaged \(bad shape/);
  });
});
