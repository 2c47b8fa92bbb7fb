/** Finding quoted spans: the marks, what is inside the span, and what is refused. */
import { describe, expect, it } from "vitest";
import { findQuoteMarks } from "../../src/extract/quotes/marks.ts";

const texts = (body: string) => findQuoteMarks(body).map((m) => body.slice(m.start, m.end));

describe("findQuoteMarks", () => {
  it("finds curly and straight quotes, without the marks and without a closing comma", () => {
    const body = `“We are ready,” she said. He called it "a trap." Then “done.”`;
    expect(texts(body)).toEqual(["We are ready", "a trap.", "done."]);
    for (const m of findQuoteMarks(body)) expect(["“", '"']).toContain(body[m.open]);
  });

  it("keeps nested single quotes and apostrophes inside the double-quoted span", () => {
    const body = `“They keep saying ‘fair trade’ and it’s not,” she said.`;
    expect(texts(body)).toEqual(["They keep saying ‘fair trade’ and it’s not"]);
  });

  it("does not read an inch mark as a quotation", () => {
    const body = `A 12" pipe costs more, he said. "Twice as much," she added.`;
    expect(texts(body)).toEqual(["Twice as much"]);
  });

  it("ends a quotation that runs on at its paragraph, flagged, when the next paragraph reopens it", () => {
    const body = `“First part of it.\n\n“Second part,” he said.`;
    const marks = findQuoteMarks(body);
    expect(texts(body)).toEqual(["First part of it.", "Second part"]);
    expect(marks.map((m) => m.runsOn)).toEqual([true, false]);
  });

  it("drops an opening mark that is never closed nor continued: its extent is unknown", () => {
    expect(texts(`He said “this never ends.\n\nNext paragraph.`)).toEqual([]);
  });
});
