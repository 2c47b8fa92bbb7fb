import { describe, expect, it } from "vitest";
import { paragraphs, sentences } from "../../src/text/passages.ts";
import { bundledKb } from "../helpers/knowledge.ts";

const texts = (body: string) => sentences(body).map((s) => body.slice(s.start, s.end));

describe("passages", () => {
  it("splits paragraphs on blank lines with offsets into the body", () => {
    const body = "First para line.\n\nSecond para.\n\n\nThird.";
    expect(paragraphs(body).map((p) => body.slice(p.start, p.end))).toEqual([
      "First para line.",
      "Second para.",
      "Third.",
    ]);
  });

  it("does not end a sentence at U.S., D.C., Nov. or a middle initial", () => {
    const body =
      "The U.S. Trade Representative met Gov. Ann Smith in Washington, D.C. on Nov. 1 with John Q. Public. Talks ended. “Good,” she said.";
    expect(texts(body)).toEqual([
      "The U.S. Trade Representative met Gov. Ann Smith in Washington, D.C. on Nov. 1 with John Q. Public.",
      "Talks ended.",
      "“Good,” she said.",
    ]);
  });

  it("ends a sentence after closing quotes and question marks", () => {
    const body = "He called it “nice.” Was it? “Not for now,” the source said.";
    expect(texts(body)).toEqual([
      "He called it “nice.”",
      "Was it?",
      "“Not for now,” the source said.",
    ]);
  });

  it("ends a sentence at a dotted initialism when a closing quote follows", () => {
    const body = "He said “companies are moving into the U.S.” Nobody agreed.";
    expect(texts(body)).toEqual(["He said “companies are moving into the U.S.”", "Nobody agreed."]);
  });

  it("covers every bundled body: trimmed, in order, non-overlapping", () => {
    for (const a of bundledKb().articles()) {
      const list = sentences(a.body);
      expect(list.length).toBeGreaterThan(5);
      let last = 0;
      for (const s of list) {
        const text = a.body.slice(s.start, s.end);
        expect(text).toBe(text.trim());
        expect(text.length).toBeGreaterThan(0);
        expect(s.start).toBeGreaterThanOrEqual(last);
        last = s.end;
      }
    }
  });

  it("splits a body once for all its readers, and each body by its own content", () => {
    const one = "Talks resumed. “Not yet,” she said.\n\nOttawa waited.";
    // The same content as another string object (as a re-read file gives it).
    const again = [..."Talks resumed. "].join("") + one.slice("Talks resumed. ".length);
    expect(sentences(again)).toBe(sentences(one));
    expect(paragraphs(again)).toBe(paragraphs(one));
    const other = one.replace("Ottawa waited.", "Ottawa waited. Then it acted.");
    expect(texts(other)).toEqual([
      "Talks resumed.",
      "“Not yet,” she said.",
      "Ottawa waited.",
      "Then it acted.",
    ]);
    expect(texts(one)).toEqual(["Talks resumed.", "“Not yet,” she said.", "Ottawa waited."]);
    // Many bodies later the first is split afresh, to the same spans.
    const first = sentences(one);
    for (let i = 0; i < 300; i++) sentences(`${one} Filler ${i}.`);
    expect(sentences(one)).not.toBe(first);
    expect(sentences(one)).toEqual(first);
  });
});
