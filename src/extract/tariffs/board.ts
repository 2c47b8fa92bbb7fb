/**
 * A sector's status board as data: the measure in force per (side, basis) first, then the
 * timeline of everything else said about the sector, newest first. Renderers never choose facts.
 */
import type { KnowledgeBase } from "../../knowledge/base.ts";
import { type TariffFact, tariffFacts } from "./facts.ts";
import type { SectorEntry } from "./sectors.ts";
import { sectorVocabulary } from "./sectors-file.ts";
import { CHANGES } from "./status.ts";

export interface SectorBoard {
  sector: SectorEntry;
  /** The latest decisive fact per (imposedBy, basis): U.S. before Canada, rates first. */
  current: TariffFact[];
  /** Every other fact about the sector, newest first. */
  timeline: TariffFact[];
  /** Whether any fact about the sector states a rate, per side. */
  rated: { US: boolean; CA: boolean };
}

/**
 * A rate or a change decides what is current; a later sentence that merely mentions the tariff
 * ("talks on steel tariffs") does not replace the 50% an earlier one stated.
 */
function decisive(f: TariffFact): boolean {
  return f.rate !== null || CHANGES.has(f.status);
}

/** `facts` must be newest first (as tariffFacts returns them). */
export function sectorBoard(sector: SectorEntry, facts: TariffFact[]): SectorBoard {
  const mine = facts.filter((f) => f.sector === sector.key);
  const groups = new Map<string, TariffFact[]>();
  for (const f of mine) {
    const key = `${f.imposedBy}|${f.basis ?? ""}`;
    const group = groups.get(key);
    if (group) group.push(f);
    else groups.set(key, [f]);
  }
  // Positions looked up once: indexOf inside the sort made a board quadratic in its facts (issue 9).
  const order = new Map(mine.map((f, i) => [f, i]));
  const current = [...groups.values()].map((g) => g.find(decisive) ?? (g[0] as TariffFact));
  current.sort(
    (a, b) =>
      side(a) - side(b) ||
      Number(b.rate !== null) - Number(a.rate !== null) ||
      Number(b.basis !== null) - Number(a.basis !== null) ||
      (order.get(a) as number) - (order.get(b) as number),
  );
  const chosen = new Set(current);
  return {
    sector,
    current,
    timeline: mine.filter((f) => !chosen.has(f)),
    rated: {
      US: mine.some((f) => f.imposedBy === "US" && f.rate !== null),
      CA: mine.some((f) => f.imposedBy === "CA" && f.rate !== null),
    },
  };
}

function side(f: TariffFact): number {
  return f.imposedBy === "US" ? 0 : 1;
}

/** A sector's board, kept until the knowledge changes: a question never rebuilds it (issue 9). */
export function boardOf(kb: KnowledgeBase, sector: SectorEntry): SectorBoard {
  const { fingerprint } = sectorVocabulary(kb).vocabulary;
  return kb.derived(`tariffs:board:${fingerprint}:${sector.key}`, (k) =>
    sectorBoard(sector, factsBySector(k).get(sector.key) ?? []),
  );
}

/** The facts newest first, per sector: each board reads its own instead of filtering them all. */
function factsBySector(kb: KnowledgeBase): ReadonlyMap<string, TariffFact[]> {
  const { fingerprint } = sectorVocabulary(kb).vocabulary;
  return kb.derived(`tariffs:by-sector:${fingerprint}`, (k) => {
    const out = new Map<string, TariffFact[]>();
    for (const f of tariffFacts(k)) {
      const list = out.get(f.sector);
      if (list) list.push(f);
      else out.set(f.sector, [f]);
    }
    return out;
  });
}
