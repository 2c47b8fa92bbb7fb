/**
 * A sector's status board as data: the measure in force per (side, basis) first, then the
 * timeline of everything else said about the sector, newest first. Renderers never choose facts.
 */
import type { KnowledgeBase } from "../../knowledge/base.ts";
import { runSteps, type Steps, stepDone } from "../../knowledge/steps.ts";
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

/**
 * One sector's facts newest first, with what its board picks from them: per (imposedBy, basis),
 * the position of its first decisive fact, else of its first fact; and whether any states a rate.
 * Per side, by basis: no key string per fact.
 */
interface Tally {
  mine: TariffFact[];
  picks: { US: Map<string, Pick>; CA: Map<string, Pick> };
  rated: { US: boolean; CA: boolean };
}

/**
 * Every sector's tally in one pass over the facts newest first: each fact is read once, not once
 * to group it and again for its board (540,000 facts at 100,000 articles, scattered over the
 * heap, so reading them is what costs; issue 9).
 */
function* tallyInSteps(facts: readonly TariffFact[]): Steps<ReadonlyMap<string, Tally>> {
  const tallies = new Map<string, Tally>();
  for (let i = 0; i < facts.length; i++) {
    const f = facts[i] as TariffFact;
    let t = tallies.get(f.sector);
    if (!t) {
      t = { mine: [], picks: { US: new Map(), CA: new Map() }, rated: { US: false, CA: false } };
      tallies.set(f.sector, t);
    }
    const at = t.mine.push(f) - 1;
    const bySide = t.picks[f.imposedBy];
    const pick = bySide.get(f.basis ?? "");
    if (!pick) bySide.set(f.basis ?? "", { at, decisive: decisive(f) });
    else if (!pick.decisive && decisive(f)) {
      pick.at = at;
      pick.decisive = true;
    }
    if (f.rate !== null) t.rated[f.imposedBy] = true;
    if (stepDone(i)) yield;
  }
  return tallies;
}

function sectorBoard(sector: SectorEntry, tally: Tally | undefined): SectorBoard {
  if (!tally) return { sector, current: [], timeline: [], rated: { US: false, CA: false } };
  const { mine, picks, rated } = tally;
  const at = [...picks.US.values(), ...picks.CA.values()].map((p) => p.at);
  const fact = (i: number) => mine[i] as TariffFact;
  at.sort(
    (a, b) =>
      side(fact(a)) - side(fact(b)) ||
      Number(fact(b).rate !== null) - Number(fact(a).rate !== null) ||
      Number(fact(b).basis !== null) - Number(fact(a).basis !== null) ||
      a - b,
  );
  // Every other fact, in order: the stretches between the picks, copied whole.
  const stretches: TariffFact[][] = [];
  let from = 0;
  for (const cut of [...at].sort((a, b) => a - b)) {
    stretches.push(mine.slice(from, cut));
    from = cut + 1;
  }
  stretches.push(mine.slice(from));
  return {
    sector,
    current: at.map(fact),
    timeline: ([] as TariffFact[]).concat(...stretches),
    rated,
  };
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
    const tallies = yield* talliesBySector(k);
    return sectorBoard(sector, tallies.get(sector.key));
  });
}

/** The sector's newest fact, if any fact names it (the overview's "latest update"). */
export function latestFact(kb: KnowledgeBase, sector: SectorEntry): TariffFact | undefined {
  return runSteps(talliesBySector(kb)).get(sector.key)?.mine[0];
}

/** The facts newest first, per sector, with their boards' picks: each board reads its own. */
function talliesBySector(kb: KnowledgeBase): Steps<ReadonlyMap<string, Tally>> {
  const { fingerprint } = sectorVocabulary(kb).vocabulary;
  return kb.derivedInSteps(`tariffs:by-sector:${fingerprint}`, function* (k) {
    return yield* tallyInSteps(yield* tariffFactsInSteps(k));
  });
}
