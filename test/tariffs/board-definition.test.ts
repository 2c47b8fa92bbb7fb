/**
 * Every sector's board on a synthetic archive against the board's definition, computed the plain
 * way from the facts newest first: per (imposedBy, basis) the first fact that states a rate or a
 * change, else its first fact; those ordered U.S. first, rated first, with a basis first, newest
 * first; every other fact in the timeline in order. The board is built in one pass over all
 * facts, its timeline copied in stretches between the picks.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeCorpus } from "../../bench/corpus/generate.ts";
import { boardOf, latestFact } from "../../src/extract/tariffs/board.ts";
import { type TariffFact, tariffFacts } from "../../src/extract/tariffs/facts.ts";
import { sectorVocabulary } from "../../src/extract/tariffs/sectors-file.ts";
import { CHANGES } from "../../src/extract/tariffs/status.ts";
import type { KnowledgeBase } from "../../src/knowledge/base.ts";
import { openKnowledge } from "../../src/knowledge/open.ts";

function definition(facts: readonly TariffFact[]) {
  const decisive = (f: TariffFact) => f.rate !== null || CHANGES.has(f.status);
  const picked: TariffFact[] = [];
  for (const f of facts) {
    const same = (g: TariffFact) => g.imposedBy === f.imposedBy && g.basis === f.basis;
    if (picked.some(same)) continue;
    picked.push(facts.filter(same).find(decisive) ?? f);
  }
  const order = (f: TariffFact) => [
    f.imposedBy === "US" ? 0 : 1,
    f.rate !== null ? 0 : 1,
    f.basis !== null ? 0 : 1,
    facts.indexOf(f),
  ];
  const current = picked.sort((a, b) => {
    const [x, y] = [order(a), order(b)];
    return x.map((v, i) => v - (y[i] as number)).find((d) => d !== 0) ?? 0;
  });
  return {
    current,
    timeline: facts.filter((f) => !current.includes(f)),
    rated: {
      US: facts.some((f) => f.imposedBy === "US" && f.rate !== null),
      CA: facts.some((f) => f.imposedBy === "CA" && f.rate !== null),
    },
  };
}

describe("sector boards", () => {
  let dir: string;
  let kb: KnowledgeBase;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "tariff-desk-board-"));
    writeCorpus(dir, 150, { seed: 31 });
    kb = openKnowledge(dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("hold what the definition picks, for every sector", () => {
    const facts = tariffFacts(kb);
    let picksOutOfOrder = 0;
    for (const sector of sectorVocabulary(kb).vocabulary.sectors) {
      const mine = facts.filter((f) => f.sector === sector.key);
      const board = boardOf(kb, sector);
      const want = definition(mine);
      expect(board.current, sector.key).toEqual(want.current);
      // The same objects, not copies: a citation is the fact's own sentence.
      for (const [i, f] of board.current.entries()) expect(f).toBe(want.current[i]);
      expect(board.timeline.length, sector.key).toBe(want.timeline.length);
      for (const [i, f] of board.timeline.slice().entries()) expect(f).toBe(want.timeline[i]);
      expect(board.rated, sector.key).toEqual(want.rated);
      expect(latestFact(kb, sector)).toBe(mine[0]);
      const at = board.current.map((f) => mine.indexOf(f));
      if (at.some((p, i) => i > 0 && p < (at[i - 1] as number))) picksOutOfOrder++;
    }
    // The corpus has boards whose picks are not in newest-first order, the case the copy in
    // stretches must handle.
    expect(picksOutOfOrder).toBeGreaterThan(0);
  });
});
