/**
 * Tariff facts take each sentence's dates from the dates resolved over the whole body; this
 * holds that to reading the sentence on its own (findDates), sentence by sentence, on every
 * article the tests have.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { resolveDates } from "../../src/extract/dates/resolve.ts";
import { datesWithin, findDates } from "../../src/extract/tariffs/when.ts";
import { openKnowledge } from "../../src/knowledge/open.ts";
import { sentences } from "../../src/text/passages.ts";
import { BUNDLED, PROJECT } from "../helpers/knowledge.ts";

const FOLDERS = [
  BUNDLED,
  ...["tariffs", "events", "quotes", "digest"].map((f) => join(PROJECT, "test/fixtures", f)),
];

describe("dates of a tariff sentence", () => {
  it("are the body's dates within it, as reading the sentence alone finds them", () => {
    let dated = 0;
    for (const folder of FOLDERS) {
      for (const a of openKnowledge(folder).articles()) {
        const body = resolveDates(a.body, a.published);
        for (const s of sentences(a.body)) {
          const alone = findDates(a.body.slice(s.start, s.end), a.published);
          expect(datesWithin(body, s), `${a.id} @${s.start}`).toEqual(alone);
          if (alone.length) dated++;
        }
      }
    }
    expect(dated).toBeGreaterThan(50);
  });
});
