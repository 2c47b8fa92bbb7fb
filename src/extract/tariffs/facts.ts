/**
 * Tariff facts: one per sector a sentence states a tariff fact about, with the rate, who imposes
 * it on whom, the basis, the status and the date of effect, each taken from that sentence only.
 * The snippet is the whole sentence, so every fact can be cited verbatim.
 */
import type { Article } from "../../knowledge/article.ts";
import type { KnowledgeBase } from "../../knowledge/base.ts";
import { compareSpansNewestFirst, type PubDate, pubDateRange } from "../../knowledge/pubdate.ts";
import {
  ARTICLES_PER_STEP,
  runSteps,
  type Steps,
  sortInSteps,
  stepDone,
} from "../../knowledge/steps.ts";
import { byCodeUnit } from "../../lists.ts";
import { type Span, sentences } from "../../text/passages.ts";
import type { DateExpr } from "../dates/types.ts";
import { articleDates } from "../events/index.ts";
import { type Anchor, findAnchors, gap, nearestAnchor } from "./anchors.ts";
import { findBases } from "./basis.ts";
import { aboutOtherCountries, imposerOf } from "./parties.ts";
import { findRates, type RateExpr } from "./rates.ts";
import {
  findSectorMentions,
  type SectorMention,
  type SectorVocabulary,
  type Side,
  vocabularyWords,
} from "./sectors.ts";
import { sectorVocabulary } from "./sectors-file.ts";
import { CHANGES, findCues, type Status, statusFor } from "./status.ts";
import { datesWithin } from "./when.ts";

export interface TariffFact {
  /** The sector's key in the vocabulary ("steel", "non-cusma", "counter-tariffs"). */
  sector: string;
  /** The rate in percent, or null when the sentence states none. */
  rate: number | null;
  /** The rate before the change, when the sentence gives it ("from 25% to 50%"). */
  previousRate?: number;
  /** Both ends of a range ("10% to 20%"); `rate` is then the top. */
  rateRange?: [number, number];
  /** The rate applies to imports above a quota. */
  overQuota?: true;
  imposedBy: Side;
  on: Side;
  /** The basis the sentence names (or the sector's name states); null when it names none. */
  basis: string | null;
  status: Status;
  /** The date of effect when the sentence states one, else the publication date. */
  asOf: PubDate;
  /** Whether `asOf` was stated in the sentence or is the publication date. */
  asOfFrom: "sentence" | "published";
  articleId: string;
  snippet: string;
  start: number;
  end: number;
}

/** The tariff facts of one article, in text order; `dates` are the dates of its whole body. */
export function extractTariffFacts(
  article: Article,
  vocab: SectorVocabulary,
  dates: readonly DateExpr[],
): TariffFact[] {
  const words = vocabularyWords(vocab);
  const out: TariffFact[] = [];
  for (const s of sentences(article.body)) {
    const text = article.body.slice(s.start, s.end);
    for (const f of sentenceFacts(text, s, dates, article, vocab, words)) {
      out.push({ ...f, articleId: article.id, snippet: text, start: s.start, end: s.end });
    }
  }
  return out;
}

type Draft = Omit<TariffFact, "articleId" | "snippet" | "start" | "end">;

function sentenceFacts(
  text: string,
  span: Span,
  bodyDates: readonly DateExpr[],
  article: Article,
  vocab: SectorVocabulary,
  words: Set<string>,
): Draft[] {
  if (aboutOtherCountries(text)) return [];
  const mentions = findSectorMentions(text, vocab);
  if (!mentions.length) return [];
  const anchors = findAnchors(
    text,
    mentions.filter((m) => m.sector.measure),
  );
  if (!anchors.length) return [];
  const rates = findRates(text, anchors, words);
  const cues = findCues(text, anchors);
  const bases = findBases(text).map((b) => ({ ...b, anchor: nearestAnchor(anchors, b) }));
  const dates = datesWithin(bodyDates, span);
  const drafts: Draft[] = [];
  for (const mention of mentions) {
    const ai = anchorFor(anchors, mention);
    const anchor = anchors[ai] as Anchor;
    const imposedBy = mention.sector.imposedBy ?? imposerOf(text, anchor);
    const rate = rateFor(rates, ai, mention);
    const dated =
      dates.length === 1 ? dates[0] : dates.find((d) => nearestAnchor(anchors, d) === ai);
    const asOf = dated?.date ?? article.published;
    const named = bases
      .filter((b) => b.anchor === ai)
      .sort((a, b) => gap(a, anchor) - gap(b, anchor))[0];
    const basis =
      mention.sector.basis ?? named?.basis ?? (anchor.counter ? "counter-tariffs" : null);
    let status = statusFor(cues, ai, anchor, mention) ?? changeFromRates(rate) ?? "in force";
    if (status === "in force" && pubDateRange(asOf).first > pubDateRange(article.published).last)
      status = "announced";
    const draft: Draft = {
      sector: mention.sector.key,
      rate: rate?.value ?? null,
      imposedBy,
      on: imposedBy === "US" ? "CA" : "US",
      basis,
      status,
      asOf,
      asOfFrom: dated ? "sentence" : "published",
    };
    if (rate?.previous !== undefined) draft.previousRate = rate.previous;
    if (rate?.range) draft.rateRange = rate.range;
    if (rate?.overQuota) draft.overQuota = true;
    addOrMerge(drafts, draft);
  }
  return drafts;
}

/** A measure sector is its own anchor; any other sector belongs to the nearest tariff word. */
function anchorFor(anchors: Anchor[], mention: SectorMention): number {
  const own = anchors.findIndex((a) => a.measure === mention);
  return own >= 0 ? own : nearestAnchor(anchors, mention);
}

/** The anchor's rate nearest the sector name, preferring one before it ("25% on steel and 10% on energy"). */
function rateFor(rates: RateExpr[], anchor: number, mention: SectorMention): RateExpr | undefined {
  const own = rates.filter((r) => r.anchor === anchor);
  if (own.length <= 1) return own[0];
  return own.reduce((best, r) =>
    gap(r, mention) * (r.start < mention.start ? 1 : 2) <
    gap(best, mention) * (best.start < mention.start ? 1 : 2)
      ? r
      : best,
  );
}

function changeFromRates(rate: RateExpr | undefined): Status | undefined {
  if (rate?.previous === undefined) return undefined;
  return rate.value > rate.previous ? "raised" : rate.value < rate.previous ? "lowered" : undefined;
}

/** One fact per sector and side per sentence; a fact with a rate wins over one without. */
function addOrMerge(drafts: Draft[], d: Draft): void {
  const i = drafts.findIndex((x) => x.sector === d.sector && x.imposedBy === d.imposedBy);
  const existing = drafts[i];
  if (!existing) drafts.push(d);
  else if (existing.rate === null && d.rate !== null) drafts[i] = d;
}

/** Every tariff fact in the knowledge, newest first; per-article work is memoized by the knowledge base. */
export function tariffFacts(kb: KnowledgeBase): TariffFact[] {
  return runSteps(tariffFactsInSteps(kb)).all();
}

export function tariffFactsInSteps(kb: KnowledgeBase): Steps<OrderedFacts> {
  const of = factsOf(kb);
  return kb.derivedInSteps(of.key, function* () {
    const keyed: Keyed[] = [];
    const articles = kb.articles();
    for (let a = 0; a < articles.length; a++) {
      const list = of.article(articles[a] as Article);
      for (let index = 0; index < list.length; index++) {
        const fact = list[index] as TariffFact;
        keyed.push({ fact, article: a, index, value: fact.asOf.value, ...pubDateRange(fact.asOf) });
      }
      if (stepDone(a, ARTICLES_PER_STEP)) yield;
    }
    const sorted = yield* newestFirst(keyed);
    return new OrderedFacts(
      of,
      articles,
      yield* columnsOf(sorted),
      sorted.map((k) => k.fact),
    );
  });
}

/** The per-article key of an article's tariff facts, which names the sector vocabulary in use. */
export function tariffFactsKey(kb: KnowledgeBase): string {
  return factsOf(kb).key;
}

/** Every key tariffFactsKey can give: what a restart may leave packed (registry.ts). */
export function isTariffFactsKey(key: string): boolean {
  return key.startsWith(FACTS_KEY);
}

const FACTS_KEY = "tariffs:facts:";

interface FactsOf {
  key: string;
  article(a: Article): TariffFact[];
}

/** Per-article facts, memoized under a key naming the sector vocabulary they were found with. */
function factsOf(kb: KnowledgeBase): FactsOf {
  const { vocabulary } = sectorVocabulary(kb);
  const key = `${FACTS_KEY}${vocabulary.fingerprint}`;
  return {
    key,
    article: (a) =>
      kb.perArticle(key, a, (art) => extractTariffFacts(art, vocabulary, articleDates(kb, art))),
  };
}

/**
 * The facts in their order as numbers (what a snapshot keeps: src/snapshot/views.ts): per fact,
 * its article's place in `kb.articles()` and its place in that article's facts, and what a
 * sector's board groups and picks facts by (board.ts), so that the boards are made without
 * making one fact: a restart leaves the 540,000 facts of 100,000 articles packed (issue 9).
 */
export interface FactColumns {
  article: Int32Array;
  index: Int32Array;
  /** Per fact, its sector's place in `sectors`. */
  sector: Int32Array;
  /** Per fact, its basis's place in `bases`, or -1 when it names none. */
  basis: Int32Array;
  /** Per fact, FACT_BY_CANADA, FACT_RATED and FACT_DECISIVE. */
  flags: Uint8Array;
  sectors: string[];
  bases: string[];
}

/** Imposed by Canada (else by the U.S.). */
export const FACT_BY_CANADA = 1;
/** States a rate. */
export const FACT_RATED = 2;
/**
 * States a rate or a change: what decides a board's current measure; a later sentence that merely
 * mentions the tariff ("talks on steel tariffs") does not replace the 50% an earlier one stated.
 */
export const FACT_DECISIVE = 4;

function flagsOf(f: TariffFact): number {
  return (
    (f.imposedBy === "CA" ? FACT_BY_CANADA : 0) |
    (f.rate !== null ? FACT_RATED | FACT_DECISIVE : CHANGES.has(f.status) ? FACT_DECISIVE : 0)
  );
}

function* columnsOf(sorted: readonly Keyed[]): Steps<FactColumns> {
  const n = sorted.length;
  const out: FactColumns = {
    article: new Int32Array(n),
    index: new Int32Array(n),
    sector: new Int32Array(n),
    basis: new Int32Array(n),
    flags: new Uint8Array(n),
    sectors: [],
    bases: [],
  };
  const sectors = new Map<string, number>();
  const bases = new Map<string, number>();
  const code = (map: Map<string, number>, list: string[], s: string) => {
    let c = map.get(s);
    if (c === undefined) {
      c = list.push(s) - 1;
      map.set(s, c);
    }
    return c;
  };
  for (let i = 0; i < n; i++) {
    const { fact, article, index } = sorted[i] as Keyed;
    out.article[i] = article;
    out.index[i] = index;
    out.sector[i] = code(sectors, out.sectors, fact.sector);
    out.basis[i] = fact.basis === null ? -1 : code(bases, out.bases, fact.basis);
    out.flags[i] = flagsOf(fact);
    if (stepDone(i)) yield;
  }
  return out;
}

/**
 * The facts newest first. Each is made when first read (at): after a restart whose kept views
 * held the columns, the facts stay packed until a question shows one (issue 9).
 */
export class OrderedFacts {
  private made: TariffFact[] | undefined;

  constructor(
    private readonly of: FactsOf,
    /** kb.articles() of the knowledge the columns were made for: a new list at each change. */
    private readonly articles: readonly Article[],
    readonly columns: FactColumns,
    made?: TariffFact[],
  ) {
    this.made = made;
  }

  get length(): number {
    return this.columns.article.length;
  }

  at(i: number): TariffFact {
    const made = this.made?.[i];
    if (made) return made;
    const article = this.articles[this.columns.article[i] as number];
    const fact = article && this.of.article(article)[this.columns.index[i] as number];
    if (!fact) throw new Error(`tariff fact ${i} is in no article`);
    return fact;
  }

  /** Every fact, made once. */
  all(): TariffFact[] {
    if (!this.made) this.made = Array.from({ length: this.length }, (_, i) => this.at(i));
    return this.made;
  }
}

/** The facts of the knowledge as it is now, if they have been ordered (or restored). */
export function currentFacts(kb: KnowledgeBase): OrderedFacts | undefined {
  return kb.derivedIfCurrent(factsOf(kb).key) as OrderedFacts | undefined;
}

/**
 * Serves the facts a snapshot kept for exactly these articles, in the order it kept, as if just
 * sorted, without making them. Returns why not, when the columns cannot be of these articles.
 */
export function restoreFacts(kb: KnowledgeBase, columns: FactColumns): string | null {
  const articles = kb.articles();
  const { article, index, sector, basis, flags, sectors, bases } = columns;
  const n = article.length;
  if (index.length !== n || sector.length !== n || basis.length !== n || flags.length !== n)
    return "fact columns differ in length";
  for (let i = 0; i < n; i++) {
    const a = article[i] as number;
    const s = sector[i] as number;
    const b = basis[i] as number;
    if (!(a >= 0 && a < articles.length && (index[i] as number) >= 0))
      return `fact ${i} is in no article`;
    if (!(s >= 0 && s < sectors.length && b >= -1 && b < bases.length))
      return `fact ${i} has no sector or basis`;
  }
  const of = factsOf(kb);
  kb.seedDerived(of.key, new OrderedFacts(of, articles, columns));
  return null;
}

/**
 * Newest date of effect first (compareNewestFirst: overlapping spans are a tie), then the later
 * date as written; ties keep the knowledge order (newer article first), then text order. Each
 * fact's span is looked up once, not in every comparison: the sort took 1.9 s at 100,000
 * articles (issue 9). The dates are ISO forms ("2026", "2026-11", "2026-11-20"), so comparing
 * them by code unit is the order localeCompare gave.
 */
function newestFirst(keyed: Keyed[]): Steps<Keyed[]> {
  return sortInSteps(
    keyed,
    (a, b) => compareSpansNewestFirst(a, b) || byCodeUnit(b.value, a.value),
  );
}

/** A fact with its places (FactColumns) and its date's span, for the sort. */
type Keyed = {
  fact: TariffFact;
  article: number;
  index: number;
  value: string;
  first: string;
  last: string;
};
