/**
 * A sector's status board as data: the measure in force per (side, basis) first, then the
 * timeline of everything else said about the sector, newest first. Renderers never choose facts.
 */
import type { KnowledgeBase } from "../../knowledge/base.ts";
import { groupBy } from "../../lists.ts";
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
  // Per (imposedBy, basis): the position of its first decisive fact, else of its first fact.
  // Positions, not fact-keyed maps and per-group lists: a board is built over every fact of its
  // sector (tens of thousands at archive scale, issue 9).
  const picks = new Map<string, { at: number; decisive: boolean }>();
  mine.forEach((f, i) => {
    const key = `${f.imposedBy}|${f.basis ?? ""}`;
    const pick = picks.get(key);
    if (!pick) picks.set(key, { at: i, decisive: decisive(f) });
    else if (!pick.decisive && decisive(f)) {
      pick.at = i;
      pick.decisive = true;
    }
  });
  const at = [...picks.values()].map((p) => p.at);
  const fact = (i: number) => mine[i] as TariffFact;
  at.sort(
    (a, b) =>
      side(fact(a)) - side(fact(b)) ||
      Number(fact(b).rate !== null) - Number(fact(a).rate !== null) ||
      Number(fact(b).basis !== null) - Number(fact(a).basis !== null) ||
      a - b,
  );
  const chosen = new Set(at);
  return {
    sector,
    current: at.map(fact),
    timeline: mine.filter((_, i) => !chosen.has(i)),
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
  return kb.derived(`tariffs:by-sector:${fingerprint}`, (k) =>
    groupBy(tariffFacts(k), (f) => f.sector),
  );
}
