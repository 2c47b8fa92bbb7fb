/**
 * Sentence-level full-text search over the knowledge. Sentences are the unit because a sentence
 * is what the bot quotes; the headline is scored beside each so a topic named in the headline
 * lifts the whole article a little.
 *
 * Query planning: stop-words never reach the index; fuzzy matching is used only for query words
 * the vocabulary lacks (a typo), never for known words, and prefix matching only on the last
 * word; all words must match (AND) before any OR fallback, and the fallback still needs half the
 * words, so a weak match is not passed off as an answer.
 *
 * Scale (issue 9): the index is split into time shards (shards.ts) of packed postings scored with
 * corpus-wide statistics, so results are exactly those of one MiniSearch index over every
 * sentence (bench/reference keeps that engine as the oracle), at a fraction of its memory and
 * query time; `newest` lets "latest on" stop after the newest shards that answer it.
 */
import type { KnowledgeBase } from "../knowledge/base.ts";
import { pubDateMidpoint } from "../knowledge/pubdate.ts";
import { Normalizer } from "./analyze.ts";
import { type Candidate, Collector } from "./collect.ts";
import { articleLocator, WordPlaces } from "./near.ts";
import { tokenize } from "./normalize.ts";
import { expand } from "./plan.ts";
import { type Emit, Scorer, type ShardOutcome, type ShardQuery } from "./score.ts";
import type { SegmentData } from "./segment.ts";
import type { Shard } from "./shard.ts";
import { ShardSet } from "./shards.ts";

export interface Hit {
  articleId: string;
  start: number;
  end: number;
  score: number;
  /** Query words (normalized) that this passage matched. */
  matched: string[];
  /** Indexed words matched in place of a query word the index lacks (a typo's correction, a prefix's completion). */
  corrections: string[];
}

export interface SearchOptions {
  /** At most this many hits, the best first. */
  limit?: number;
  /** Only passages of these articles. */
  articleIds?: ReadonlySet<string>;
  /**
   * Only passages of the newest matching articles: searching stops, newest shard first, once this
   * many matching articles are strictly newer than anything left unsearched. Every article that
   * could be among the newest that many is included, with all its matching passages.
   */
  newest?: number;
}

export interface IndexOptions {
  /** Word → the word it is indexed as; the knowledge's synonyms.yml by default. */
  synonyms?: ReadonlyMap<string, string>;
  /** Segments from a snapshot, by shard key; used where they match the articles in service. */
  seeds?: ReadonlyMap<string, SegmentData>;
  /** The snapshot vocabulary's terms in id order: the seeds' directories number terms by it. */
  terms?: readonly string[];
  /** Articles per shard (layout.ts); tests lower it to get many shards from few articles. */
  shardTarget?: number;
}

/** One bit per query word in the scorer's masks. */
const MAX_QUERY_WORDS = 31;

export class PassageIndex {
  private readonly normalizer: Normalizer;
  private readonly shards: ShardSet;
  private readonly scorer: Scorer;
  /** Where each article is among the shards, for `places`; made again when the shards change. */
  private located: { shards: readonly Shard[]; locator: Map<string, number> } | undefined;

  constructor(
    private readonly kb: KnowledgeBase,
    options: IndexOptions = {},
  ) {
    this.normalizer = new Normalizer(options.synonyms ?? kb.options.synonyms ?? new Map());
    this.shards = new ShardSet(
      kb,
      this.normalizer,
      options.seeds ?? new Map(),
      options.shardTarget,
      options.terms,
    );
    this.scorer = new Scorer(this.shards.vocab);
  }

  /** The normalized form of a word, or null for a stop-word. */
  normalize(term: string): string | null {
    return this.normalizer.term(term);
  }

  /** Normalized, de-duplicated content words of a query. */
  queryTerms(query: string): string[] {
    const out: string[] = [];
    for (const t of tokenize(query)) {
      const n = this.normalize(t);
      if (n && !out.includes(n)) out.push(n);
    }
    return out;
  }

  /** Normalized terms of words written with a capital after the first word: names, as the asker sees them. */
  private namedTerms(query: string): string[] {
    return tokenize(query)
      .slice(1)
      .filter((t) => /^\p{Lu}/u.test(t))
      .map((t) => this.normalize(t))
      .filter((t): t is string => t !== null);
  }

  /** Where a normalized term occurs in the articles' text (near.ts). */
  places(term: string): WordPlaces {
    const shards = this.shards.refresh();
    if (this.located?.shards !== shards) this.located = { shards, locator: articleLocator(shards) };
    return new WordPlaces(shards, this.located.locator, this.shards.vocab.id(term));
  }

  has(term: string): boolean {
    this.shards.refresh();
    return this.shards.vocab.has(term);
  }

  /** Every term the index has numbered, in id order (what a snapshot saves as its vocabulary). */
  terms(): readonly string[] {
    return this.shards.vocab.terms;
  }

  /** The shards in service, newest first, brought up to date: for snapshots and statistics. */
  shardList(): readonly Shard[] {
    return this.shards.refresh();
  }

  /** One step of bringing the shards up to date; true once they are (for a load that paces itself). */
  refreshStep(): boolean {
    return this.shards.refreshStep();
  }

  /** Shards built from articles rather than taken from a snapshot, since this index was made. */
  get shardsBuilt(): number {
    return this.shards.built;
  }

  search(query: string, options: SearchOptions = {}): Hit[] {
    const terms = this.queryTerms(query).slice(0, MAX_QUERY_WORDS);
    if (terms.length === 0) return [];
    const shards = this.shards.refresh();
    const plan = expand(terms, this.shards.vocab);
    const newest = this.kb.articles()[0];
    const q: ShardQuery = {
      plan,
      mode: "AND",
      need: terms.length,
      newestMidpoint: newest ? pubDateMidpoint(newest.published) : 0,
      allowed: options.articleIds ? allowedIn(options.articleIds) : undefined,
    };
    const fallback: ShardQuery | undefined =
      terms.length > 1 ? { ...q, mode: "OR", need: Math.ceil(terms.length / 2) } : undefined;
    // A word that matches nothing anywhere means AND finds nothing: skip straight to the fallback.
    const hopeless = plan.some((e) => e.length === 0);
    let run: Run;
    if (hopeless) run = fallback ? this.run(shards, fallback, options) : NOTHING;
    else if (fallback && !canStop(q, options))
      run = this.runWithFallback(shards, q, fallback, options);
    else {
      run = this.run(shards, q, options);
      if (!run.anyFull && fallback) run = this.run(shards, fallback, options);
    }
    // The fallback answered: a name the knowledge has never seen ("Ottawa Senators") means the
    // question is about something we do not cover, and answering from its other words would mislead.
    if (fallback && !run.anyFull) {
      const { matched } = run;
      const unmatched = (t: string) => {
        const i = terms.indexOf(t);
        return i < 0 || !(matched & (1 << i));
      };
      if (this.namedTerms(query).some(unmatched)) return [];
    }
    return run.hits.map((c) => this.toHit(c, terms, plan));
  }

  /**
   * AND and its OR fallback in one pass, for a search that reads every shard anyway (no early
   * stop): the scores are the same, so each qualifying passage is offered to both collectors,
   * and a question no passage fully answers (a typo's likeliest outcome) is not scored twice
   * (40.0 against 43.2 ms for "retaliatoy tariffs on pork" at 100,000 articles, issue 9: the AND
   * pass emits nothing, so it was the cheap one). Once a full match is found the fallback is
   * moot, and the shards left are scored as AND alone.
   */
  private runWithFallback(
    shards: readonly Shard[],
    q: ShardQuery,
    fallback: ShardQuery,
    options: SearchOptions,
  ): Run {
    const full = new Collector(options.limit || undefined);
    const some = new Collector(options.limit || undefined);
    const all = (1 << q.plan.length) - 1;
    const offer: Emit = (shard, passage, score, mask) => {
      if (mask === all) full.offer(shard, passage, score, mask);
      some.offer(shard, passage, score, mask);
    };
    let anyFull = false;
    let matched = 0;
    for (const shard of shards) {
      const outcome: ShardOutcome = anyFull
        ? this.scorer.score(shard, q, full.offer)
        : this.scorer.score(shard, fallback, offer);
      anyFull ||= outcome.anyFull;
      matched |= outcome.matched;
    }
    return { anyFull, matched, hits: (anyFull ? full : some).sorted() };
  }

  private run(shards: readonly Shard[], q: ShardQuery, options: SearchOptions): Run {
    const collector = new Collector(options.limit || undefined);
    let anyFull = false;
    let matched = 0;
    const newest = options.newest;
    const stops = canStop(q, options);
    for (let i = 0; i < shards.length; i++) {
      const outcome = this.scorer.score(shards[i] as Shard, q, collector.offer);
      anyFull ||= outcome.anyFull;
      matched |= outcome.matched;
      const next = shards[i + 1];
      if (
        stops &&
        newest !== undefined &&
        next &&
        countNewer(collector.list, next.lastDay) >= newest
      ) {
        q.plan.forEach((e, w) => {
          if (e.length) matched |= 1 << w;
        });
        break;
      }
    }
    return { anyFull, matched, hits: collector.sorted() };
  }

  private toHit(c: Candidate, terms: string[], plan: ReturnType<typeof expand>): Hit {
    const { data } = c.shard;
    const article = data.passageArticle[c.passage] as number;
    const matched = terms.filter((_, i) => c.mask & (1 << i));
    const corrections: string[] = [];
    plan.forEach((expansions, i) => {
      if (!(c.mask & (1 << i))) return;
      for (const e of expansions) {
        if (terms.includes(e.term) || corrections.includes(e.term)) continue;
        if (c.shard.holds(e.id, c.passage, article)) corrections.push(e.term);
      }
    });
    return {
      articleId: data.ids[article] as string,
      start: data.passageStart[c.passage] as number,
      end: data.passageEnd[c.passage] as number,
      score: c.score,
      matched,
      corrections,
    };
  }
}

interface Run {
  anyFull: boolean;
  matched: number;
  hits: Candidate[];
}

const NOTHING: Run = { anyFull: false, matched: 0, hits: [] };

/**
 * Whether a search may stop before the oldest shard (`newest`). Without a filter, whether a word
 * matches anywhere is known from the plan, so an early stop cannot hide a name from the check
 * for unknown names; with a filter every shard must be seen.
 */
function canStop(q: ShardQuery, options: SearchOptions): boolean {
  return options.newest !== undefined && !q.allowed;
}

/** Distinct matching articles whose first possible day is after `day`. */
function countNewer(list: Candidate[], day: number): number {
  const seen = new Set<string>();
  for (const c of list) {
    const a = c.shard.data.passageArticle[c.passage] as number;
    if ((c.shard.data.firstDay[a] as number) > day) seen.add(`${c.shard.key}:${a}`);
  }
  return seen.size;
}

function allowedIn(ids: ReadonlySet<string>): (shard: Shard) => Uint8Array {
  const cache = new WeakMap<Shard, Uint8Array>();
  return (shard) => {
    let mask = cache.get(shard);
    if (!mask) {
      mask = Uint8Array.from(shard.data.ids, (id) => (ids.has(id) ? 1 : 0));
      cache.set(shard, mask);
    }
    return mask;
  };
}

const indexes = new WeakMap<KnowledgeBase, PassageIndex>();

/**
 * The knowledge's search index, built on first use and kept in step with every change after.
 * `seeds` (segments from a snapshot, with the vocabulary's `terms` they number theirs by) only
 * count when the index is first built.
 */
export function searchIndex(
  kb: KnowledgeBase,
  seeds?: ReadonlyMap<string, SegmentData>,
  terms?: readonly string[],
): PassageIndex {
  let index = indexes.get(kb);
  if (!index) {
    index = new PassageIndex(kb, { seeds, terms });
    indexes.set(kb, index);
  }
  return index;
}
