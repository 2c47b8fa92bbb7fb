/**
 * paragraphs() and sentences() scan character codes for speed; these checks hold them to the
 * regex definitions they replaced, on generated text full of the characters the rules look at.
 */
import { describe, expect, it } from "vitest";
import { isSpaceCode, paragraphs, sentences } from "../../src/text/passages.ts";

/** The definition of a paragraph as a regex (what paragraphs() computes). */
function paragraphsByRegex(body: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const re = /\S[\s\S]*?(?=\n[ \t]*\n|\s*$)/g;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    out.push({ start: m.index, end: m.index + m[0].trimEnd().length });
  }
  return out;
}

/** A small seeded generator, so a failure can be reproduced. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

const PIECES = [
  "a",
  "b",
  "Z",
  "Q",
  "7",
  "U.S.",
  "Dr.",
  "Mr",
  "e.g",
  "J.",
  "Nov.",
  "etc",
  " ",
  " ",
  " ",
  "\t",
  "\n",
  "\n",
  "\n \n",
  "\n\t\n",
  "\u00a0",
  "\u2009",
  "\u3000",
  "\r\n",
  ".",
  ".",
  "?",
  "!",
  "”",
  "“",
  "’",
  "‘",
  '"',
  "'",
  "(",
  ")",
  "[",
  "]",
  "The",
  "said",
  "x.Y",
  "\ufeff",
  "\u2028",
];

function text(next: () => number, length: number): string {
  let s = "";
  for (let i = 0; i < length; i++) s += PIECES[Math.floor(next() * PIECES.length)];
  return s;
}

describe("passage scanning", () => {
  it("treats as white space exactly what \\s matches", () => {
    const wrong: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if (isSpaceCode(c) !== /\s/.test(String.fromCharCode(c))) wrong.push(c);
    }
    expect(wrong).toEqual([]);
  });

  it("finds the paragraphs the regex definition finds", () => {
    const next = random(9);
    for (let n = 0; n < 3000; n++) {
      const body = text(next, 1 + Math.floor(next() * 60));
      expect(paragraphs(body), JSON.stringify(body)).toEqual(paragraphsByRegex(body));
    }
  });

  it("splits generated text into sentences that tile each paragraph", () => {
    const next = random(21);
    for (let n = 0; n < 2000; n++) {
      const body = text(next, 1 + Math.floor(next() * 80));
      const paras = paragraphs(body);
      for (const s of sentences(body)) {
        const p = paras[s.paragraph];
        expect(p && s.start >= p.start && s.end <= p.end, JSON.stringify(body)).toBe(true);
        expect(isSpaceCode(body.charCodeAt(s.start)), JSON.stringify(body)).toBe(false);
      }
    }
  });
});
