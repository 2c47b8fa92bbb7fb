/**
 * A sector's status board as data: the measure in force per (side, basis) first, then the
 * timeline of everything else said about the sector, newest first. Renderers never choose facts.
 */
import type { KnowledgeBase } from "../../knowledge/base.ts";
import { groupInSteps, runSteps, type Steps, stepDone } from "../../knowledge/steps.ts";
import { type TariffFact, tariffFactsInSteps } from "./facts.ts";
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

interface Pick {
  at: number;
  decisive: boolean;
}

/** `mine`: the sector's facts, newest first (as factsBySector gives them). */
function* sectorBoard(sector: SectorEntry, mine: TariffFact[]): Steps<SectorBoard> {
  // Per (imposedBy, basis): the position of its first decisive fact, else of its first fact.
  // Positions, not fact-keyed maps and per-group lists: a board is built over every fact of its
  // sector (tens of thousands at archive scale, issue 9). Per side, by basis: no key string per fact.
  const picks = { US: new Map<string, Pick>(), CA: new Map<string, Pick>() };
  const rated = { US: false, CA: false };
  for (let i = 0; i < mine.length; i++) {
    const f = mine[i] as TariffFact;
    const bySide = picks[f.imposedBy];
    const pick = bySide.get(f.basis ?? "");
    if (!pick) bySide.set(f.basis ?? "", { at: i, decisive: decisive(f) });
    else if (!pick.decisive && decisive(f)) {
      pick.at = i;
      pick.decisive = true;
    }
    if (f.rate !== null) rated[f.imposedBy] = true;
    if (stepDone(i)) yield;
  }
  const at = [...picks.US.values(), ...picks.CA.values()].map((p) => p.at);
  const fact = (i: number) => mine[i] as TariffFact;
  at.sort(
    (a, b) =>
      side(fact(a)) - side(fact(b)) ||
      Number(fact(b).rate !== null) - Number(fact(a).rate !== null) ||
      Number(fact(b).basis !== null) - Number(fact(a).basis !== null) ||
      a - b,
  );
  const chosen = new Set(at);
  const timeline: TariffFact[] = [];
  for (let i = 0; i < mine.length; i++) {
    if (!chosen.has(i)) timeline.push(mine[i] as TariffFact);
    if (stepDone(i)) yield;
  }
  return { sector, current: at.map(fact), timeline, rated };
}

function side(f: TariffFact): number {
  return f.imposedBy === "US" ? 0 : 1;
}

/** A sector's board, kept until the knowledge changes: a question never rebuilds it (issue 9). */
export function boardOf(kb: KnowledgeBase, sector: SectorEntry): SectorBoard {
  return runSteps(boardInSteps(kb, sector));
}

export function boardInSteps(kb: KnowledgeBase, sector: SectorEntry): Steps<SectorBoard> {
  const { fingerprint } = sectorVocabulary(kb).vocabulary;
  return kb.derivedInSteps(`tariffs:board:${fingerprint}:${sector.key}`, function* (k) {
    const bySector = yield* factsBySector(k);
    return yield* sectorBoard(sector, bySector.get(sector.key) ?? []);
  });
}

/** The sector's newest fact, if any fact names it (the overview's "latest update"). */
export function latestFact(kb: KnowledgeBase, sector: SectorEntry): TariffFact | undefined {
  return runSteps(factsBySector(kb)).get(sector.key)?.[0];
}

/** The facts newest first, per sector: each board reads its own instead of filtering them all. */
function factsBySector(kb: KnowledgeBase): Steps<ReadonlyMap<string, TariffFact[]>> {
  const { fingerprint } = sectorVocabulary(kb).vocabulary;
  return kb.derivedInSteps(`tariffs:by-sector:${fingerprint}`, function* (k) {
    const facts = yield* tariffFactsInSteps(k);
    return yield* groupInSteps(facts, (f) => f.sector);
  });
}
