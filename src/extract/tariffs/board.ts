/**
 * A sector's status board as data: the measure in force per (side, basis) first, then the
 * timeline of everything else said about the sector, newest first. Renderers never choose facts.
 */
import type { KnowledgeBase } from "../../knowledge/base.ts";
import { runSteps, type Steps, stepDone } from "../../knowledge/steps.ts";
import {
  FACT_BY_CANADA,
  FACT_DECISIVE,
  FACT_RATED,
  type OrderedFacts,
  type TariffFact,
  tariffFactsInSteps,
} from "./facts.ts";
import type { SectorEntry } from "./sectors.ts";
import { sectorVocabulary } from "./sectors-file.ts";

export interface SectorBoard {
  sector: SectorEntry;
  /** The latest decisive fact per (imposedBy, basis): U.S. before Canada, rates first. */
  readonly current: TariffFact[];
  /** Every other fact about the sector, newest first. */
  timeline: FactList;
  /** Whether any fact about the sector states a rate, per side. */
  rated: { US: boolean; CA: boolean };
}

/**
 * Facts made as they are read: a board's timeline holds every fact about its sector (tens of
 * thousands at 100,000 articles) and a question shows the first few (issue 9).
 */
export interface FactList {
  readonly length: number;
  /** As Array.prototype.slice. */
  slice(from?: number, to?: number): TariffFact[];
}

interface Pick {
  at: number;
  decisive: boolean;
}

/**
 * One sector's facts newest first, as places in the ordered facts, with what its board picks
 * from them: per (imposedBy, basis), the position of its first decisive fact, else of its first
 * fact; and whether any states a rate. Per side, by basis code: no key string per fact.
 */
interface Tally {
  mine: number[];
  /** U.S. first, then Canada (the FACT_BY_CANADA bit), each by basis code. */
  picks: [Map<number, Pick>, Map<number, Pick>];
  rated: { US: boolean; CA: boolean };
}

/**
 * Every sector's tally in one pass over the facts' columns newest first: no fact is read (540,000
 * at 100,000 articles, which a restart leaves packed: issue 9).
 */
function* tallyInSteps(facts: OrderedFacts): Steps<ReadonlyMap<string, Tally>> {
  const { sector, basis, flags, sectors } = facts.columns;
  const bySector: (Tally | undefined)[] = [];
  for (let i = 0; i < facts.length; i++) {
    const code = sector[i] as number;
    let t = bySector[code];
    if (!t) {
      t = { mine: [], picks: [new Map(), new Map()], rated: { US: false, CA: false } };
      bySector[code] = t;
    }
    const at = t.mine.push(i) - 1;
    const f = flags[i] as number;
    const bySide = t.picks[f & FACT_BY_CANADA] as Map<number, Pick>;
    const b = basis[i] as number;
    const decisive = (f & FACT_DECISIVE) !== 0;
    const pick = bySide.get(b);
    if (!pick) bySide.set(b, { at, decisive });
    else if (!pick.decisive && decisive) {
      pick.at = at;
      pick.decisive = true;
    }
    if (f & FACT_RATED) t.rated[f & FACT_BY_CANADA ? "CA" : "US"] = true;
    if (stepDone(i)) yield;
  }
  const tallies = new Map<string, Tally>();
  bySector.forEach((t, code) => {
    if (t) tallies.set(sectors[code] as string, t);
  });
  return tallies;
}

function sectorBoard(
  sector: SectorEntry,
  facts: OrderedFacts,
  tally: Tally | undefined,
): SectorBoard {
  if (!tally) return new Board(sector, facts, [], [], { US: false, CA: false });
  const { mine, picks, rated } = tally;
  const { basis, flags } = facts.columns;
  const at = [...picks[0].values(), ...picks[1].values()].map((p) => p.at);
  const flag = (i: number, f: number) => ((flags[mine[i] as number] as number) & f) !== 0;
  at.sort(
    (a, b) =>
      Number(flag(a, FACT_BY_CANADA)) - Number(flag(b, FACT_BY_CANADA)) ||
      Number(flag(b, FACT_RATED)) - Number(flag(a, FACT_RATED)) ||
      Number(basis[mine[b] as number] !== -1) - Number(basis[mine[a] as number] !== -1) ||
      a - b,
  );
  // Every other fact, in order: the stretches between the picks, copied whole.
  const stretches: number[][] = [];
  let from = 0;
  for (const cut of [...at].sort((a, b) => a - b)) {
    stretches.push(mine.slice(from, cut));
    from = cut + 1;
  }
  stretches.push(mine.slice(from));
  return new Board(
    sector,
    facts,
    at.map((i) => mine[i] as number),
    ([] as number[]).concat(...stretches),
    rated,
  );
}

/**
 * A board as places in the ordered facts: its facts are made when first read, so that a restart
 * that left them packed reads none of their shard files for the boards (issue 9).
 */
class Board implements SectorBoard {
  private made: TariffFact[] | undefined;
  readonly timeline: FactList;

  constructor(
    readonly sector: SectorEntry,
    private readonly facts: OrderedFacts,
    private readonly picks: readonly number[],
    rest: readonly number[],
    readonly rated: { US: boolean; CA: boolean },
  ) {
    this.timeline = listOf(facts, rest);
  }

  get current(): TariffFact[] {
    if (!this.made) this.made = this.picks.map((i) => this.facts.at(i));
    return this.made;
  }
}

/** The facts at `places` of the ordered facts, each made when read. */
function listOf(facts: OrderedFacts, places: readonly number[]): FactList {
  return {
    length: places.length,
    slice: (from, to) => places.slice(from, to).map((i) => facts.at(i)),
  };
}

/** A sector's board, kept until the knowledge changes: a question never rebuilds it (issue 9). */
export function boardOf(kb: KnowledgeBase, sector: SectorEntry): SectorBoard {
  return runSteps(boardInSteps(kb, sector));
}

export function boardInSteps(kb: KnowledgeBase, sector: SectorEntry): Steps<SectorBoard> {
  const { fingerprint } = sectorVocabulary(kb).vocabulary;
  return kb.derivedInSteps(`tariffs:board:${fingerprint}:${sector.key}`, function* (k) {
    const { facts, tallies } = yield* talliesBySector(k);
    return sectorBoard(sector, facts, tallies.get(sector.key));
  });
}

/** The sector's newest fact, if any fact names it (the overview's "latest update"). */
export function latestFact(kb: KnowledgeBase, sector: SectorEntry): TariffFact | undefined {
  const { facts, tallies } = runSteps(talliesBySector(kb));
  const first = tallies.get(sector.key)?.mine[0];
  return first === undefined ? undefined : facts.at(first);
}

/** The facts newest first, per sector, with their boards' picks: each board reads its own. */
function talliesBySector(
  kb: KnowledgeBase,
): Steps<{ facts: OrderedFacts; tallies: ReadonlyMap<string, Tally> }> {
  const { fingerprint } = sectorVocabulary(kb).vocabulary;
  return kb.derivedInSteps(`tariffs:by-sector:${fingerprint}`, function* (k) {
    const facts = yield* tariffFactsInSteps(k);
    return { facts, tallies: yield* tallyInSteps(facts) };
  });
}
