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
import { byCodeUnit, placesIn } from "../../lists.ts";
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
import { findCues, type Status, statusFor } from "./status.ts";
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
  return runSteps(tariffFactsInSteps(kb));
}

export function tariffFactsInSteps(kb: KnowledgeBase): Steps<TariffFact[]> {
  const of = factsOf(kb);
  return kb.derivedInSteps(of.key, function* () {
    const facts: TariffFact[] = [];
    const articles = kb.articles();
    for (let i = 0; i < articles.length; i++) {
      for (const f of of.article(articles[i] as Article)) facts.push(f);
      if (stepDone(i, ARTICLES_PER_STEP)) yield;
    }
    return yield* newestFirst(facts);
  });
}

/** The per-article key of an article's tariff facts, which names the sector vocabulary in use. */
export function tariffFactsKey(kb: KnowledgeBase): string {
  return factsOf(kb).key;
}

/** Per-article facts, memoized under a key naming the sector vocabulary they were found with. */
function factsOf(kb: KnowledgeBase): { key: string; article(a: Article): TariffFact[] } {
  const { vocabulary } = sectorVocabulary(kb);
  const key = `tariffs:facts:${vocabulary.fingerprint}`;
  return {
    key,
    article: (a) =>
      kb.perArticle(key, a, (art) => extractTariffFacts(art, vocabulary, articleDates(kb, art))),
  };
}

/**
 * The facts in their order as numbers (what a snapshot keeps: src/snapshot/views.ts): per fact,
 * its article's place in `kb.articles()` and its place in that article's facts.
 */
export interface FactColumns {
  article: Int32Array;
  index: Int32Array;
}

export function* factColumns(kb: KnowledgeBase, facts: readonly TariffFact[]): Steps<FactColumns> {
  const of = factsOf(kb);
  const { list, index } = yield* placesIn(
    kb.articles().map((a) => of.article(a)),
    facts,
    (f) => `a tariff fact of ${f.articleId} is in no article`,
  );
  return { article: list, index };
}

/** The facts of the knowledge as it is now, if they have been ordered (or restored). */
export function currentFacts(kb: KnowledgeBase): TariffFact[] | undefined {
  return kb.derivedIfCurrent(factsOf(kb).key) as TariffFact[] | undefined;
}

/**
 * Serves the facts a snapshot kept for exactly these articles, in the order it kept, as if just
 * sorted. Returns why not, when the columns do not fit them. In steps, as the events.
 */
export function* restoreFacts(kb: KnowledgeBase, columns: FactColumns): Steps<string | null> {
  const of = factsOf(kb);
  const lists: TariffFact[][] = [];
  for (const a of kb.articles()) {
    lists.push(of.article(a));
    if (stepDone(lists.length, ARTICLES_PER_STEP)) yield;
  }
  const facts: TariffFact[] = [];
  const total = lists.reduce((n, list) => n + list.length, 0);
  if (total !== columns.article.length) return `${columns.article.length} facts, not ${total}`;
  for (let i = 0; i < columns.article.length; i++) {
    const f = lists[columns.article[i] as number]?.[columns.index[i] as number];
    if (!f) return `fact ${i} is in no article`;
    facts.push(f);
    if (stepDone(i)) yield;
  }
  kb.seedDerived(of.key, facts);
  return null;
}

/**
 * Newest date of effect first (compareNewestFirst: overlapping spans are a tie), then the later
 * date as written; ties keep the knowledge order (newer article first), then text order. Each
 * fact's span is looked up once, not in every comparison: the sort took 1.9 s at 100,000
 * articles (issue 9). The dates are ISO forms ("2026", "2026-11", "2026-11-20"), so comparing
 * them by code unit is the order localeCompare gave.
 */
function* newestFirst(facts: TariffFact[]): Steps<TariffFact[]> {
  const keyed: Keyed[] = [];
  for (let i = 0; i < facts.length; i++) {
    const fact = facts[i] as TariffFact;
    keyed.push({ fact, value: fact.asOf.value, ...pubDateRange(fact.asOf) });
    if (stepDone(i)) yield;
  }
  const sorted = yield* sortInSteps(
    keyed,
    (a, b) => compareSpansNewestFirst(a, b) || byCodeUnit(b.value, a.value),
  );
  const out: TariffFact[] = [];
  for (let i = 0; i < sorted.length; i++) {
    out.push((sorted[i] as Keyed).fact);
    if (stepDone(i)) yield;
  }
  return out;
}

type Keyed = { fact: TariffFact; value: string; first: string; last: string };
