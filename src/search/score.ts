/**
 * Scores one shard for a planned query: BM25 exactly as MiniSearch computes it (same k, b, d,
 * same field boosts, the headline scored as a field of every sentence), accumulated in reused
 * typed arrays so a common word costs a tight loop over its postings and no garbage.
 */
import type { Expansion } from "./plan.ts";
import type { Shard } from "./shard.ts";
import type { Vocabulary } from "./vocabulary.ts";

const K = 1.2;
const B = 0.7;
const D = 0.5;
export const HEADLINE_BOOST = 0.3;
/** How much the newest coverage is lifted over year-old coverage of equal relevance. */
export const RECENCY_WEIGHT = 0.25;
export const RECENCY_HALF_LIFE_DAYS = 180;

/** Receives every passage that qualifies; a collector keeps the ones it wants. */
export type Emit = (shard: Shard, passage: number, score: number, mask: number) => void;

export interface ShardQuery {
  plan: Expansion[][];
  /** "AND": every word must match; "OR": at least `need` words. */
  mode: "AND" | "OR";
  need: number;
  newestMidpoint: number;
  /** Articles allowed, per shard (null: all). */
  allowed: ((shard: Shard) => Uint8Array | null) | undefined;
}

export interface ShardOutcome {
  /** Whether any allowed passage matched every word, text or headline (MiniSearch's AND found something). */
  anyFull: boolean;
  /** Words matched by any allowed passage, text or headline. */
  matched: number;
}

function idf(df: number, n: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0xf0f0f0f) * 0x1010101) >>> 24;
}

/**
 * The words of which a passage must hold at least one to qualify: a passage needs `need` of the
 * plan's words (all of them for AND), so it holds one of any plan.length - need + 1 of them.
 * These are the words with the fewest postings in the shard (as bits); the others' postings are
 * scored only for passages that hold one. "tariffs" in "retaliatoy tariffs on pork" is in most
 * passages of a tariff desk's archive and was scored in all of them, to be dropped for want of
 * a second word (issue 9). With `need` at most 1, every word.
 */
function rareWords(shard: Shard, q: ShardQuery): number {
  const words = q.plan.length;
  const keep = words - Math.max(q.need, 1) + 1;
  if (keep >= words) return (1 << words) - 1;
  const cost = q.plan.map((expansions) => {
    let postings = 0;
    for (const e of expansions) {
      const t = shard.textRange(e.id);
      if (t) postings += t[1] - t[0];
    }
    return postings;
  });
  const cheapest = cost
    .map((_, i) => i)
    .sort((a, b) => (cost[a] as number) - (cost[b] as number) || a - b);
  let bits = 0;
  for (const i of cheapest.slice(0, keep)) bits |= 1 << i;
  return bits;
}

/** Marks with `epoch` the passages whose text, and the articles whose headline, holds a word of `rare`. */
function markRare(
  shard: Shard,
  plan: Expansion[][],
  rare: number,
  mark: Uint32Array,
  hMark: Uint32Array,
  epoch: number,
): void {
  const { text, headline } = shard.data;
  plan.forEach((expansions, i) => {
    if ((rare & (1 << i)) === 0) return;
    for (const e of expansions) {
      const t = shard.textRange(e.id);
      if (t) for (let j = t[0]; j < t[1]; j++) mark[text.doc[j] as number] = epoch;
      const h = shard.headlineRange(e.id);
      if (h) for (let j = h[0]; j < h[1]; j++) hMark[headline.doc[j] as number] = epoch;
    }
  });
}

/** Per-query accumulators, reused across shards and queries; stamps stand in for clearing. */
export class Scorer {
  private acc = new Float64Array(0);
  private mask = new Uint32Array(0);
  private stamp = new Uint32Array(0);
  private touched = new Uint32Array(0);
  private hAcc = new Float64Array(0);
  private hMask = new Uint32Array(0);
  private hStamp = new Uint32Array(0);
  /** Passages, and articles by their headline, that hold a word of `rare` (rareWords). */
  private mark = new Uint32Array(0);
  private hMark = new Uint32Array(0);
  private epoch = 0;

  constructor(private readonly vocab: Vocabulary) {}

  private ensure(passages: number, articles: number): void {
    if (this.acc.length < passages) {
      this.acc = new Float64Array(passages);
      this.mask = new Uint32Array(passages);
      this.stamp = new Uint32Array(passages);
      this.touched = new Uint32Array(passages);
      this.mark = new Uint32Array(passages);
    }
    if (this.hAcc.length < articles) {
      this.hAcc = new Float64Array(articles);
      this.hMask = new Uint32Array(articles);
      this.hStamp = new Uint32Array(articles);
      this.hMark = new Uint32Array(articles);
    }
    if (++this.epoch === 0xffffffff) {
      this.stamp.fill(0);
      this.hStamp.fill(0);
      this.mark.fill(0);
      this.hMark.fill(0);
      this.epoch = 1;
    }
  }

  score(shard: Shard, q: ShardQuery, emit: Emit): ShardOutcome {
    const { data } = shard;
    const { vocab } = this;
    const nArticles = data.ids.length;
    this.ensure(shard.passages, nArticles);
    const { acc, mask, stamp, touched, hAcc, hMask, hStamp, mark, hMark, epoch } = this;
    const n = vocab.passages;
    const avgText = vocab.textLength / n;
    const avgHead = vocab.headlineLength / n;
    const articleOf = data.passageArticle;
    const allowed = q.allowed?.(shard) ?? null;
    const rare = rareWords(shard, q);
    const all = (1 << q.plan.length) - 1;
    if (rare !== all) markRare(shard, q.plan, rare, mark, hMark, epoch);
    /** Words found in an allowed passage's text that was not scored (it holds no rare word). */
    let unscored = 0;
    let count = 0;
    q.plan.forEach((expansions, i) => {
      const bit = 1 << i;
      const common = (rare & bit) === 0;
      for (const e of expansions) {
        const h = shard.headlineRange(e.id);
        if (h) {
          const w = e.weight * HEADLINE_BOOST * idf(vocab.headlineDf[e.id] as number, n);
          const { doc, tf } = data.headline;
          const hlen = data.headlineLength;
          for (let j = h[0]; j < h[1]; j++) {
            const a = doc[j] as number;
            const f = tf[j] as number;
            const len = hlen[a] as number;
            const s = w * (D + (f * (K + 1)) / (f + K * (1 - B + (B * len) / avgHead)));
            if (hStamp[a] !== epoch) {
              hStamp[a] = epoch;
              hAcc[a] = s;
              hMask[a] = bit;
            } else {
              hAcc[a] = (hAcc[a] as number) + s;
              hMask[a] = (hMask[a] as number) | bit;
            }
          }
        }
        const t = shard.textRange(e.id);
        if (!t) continue;
        const w = e.weight * idf(vocab.textDf[e.id] as number, n);
        const { doc, tf } = data.text;
        const plen = data.passageLength;
        for (let j = t[0]; j < t[1]; j++) {
          const p = doc[j] as number;
          if (common && mark[p] !== epoch && hMark[articleOf[p] as number] !== epoch) {
            if (!allowed || allowed[articleOf[p] as number]) unscored |= bit;
            continue;
          }
          const f = tf[j] as number;
          const s =
            w * (D + (f * (K + 1)) / (f + K * (1 - B + (B * (plen[p] as number)) / avgText)));
          if (stamp[p] !== epoch) {
            stamp[p] = epoch;
            acc[p] = s;
            mask[p] = bit;
            touched[count++] = p;
          } else {
            acc[p] = (acc[p] as number) + s;
            mask[p] = (mask[p] as number) | bit;
          }
        }
      }
    });
    const recency = shard.recency(q.newestMidpoint, RECENCY_WEIGHT, RECENCY_HALF_LIFE_DAYS);
    let anyFull = false;
    let matched = unscored;
    // Headline-only matches never become hits (a passage must match in its own text), but they
    // decide, as in MiniSearch, whether AND found anything and which words the corpus knows.
    for (let a = 0; a < nArticles; a++) {
      if (hStamp[a] !== epoch || (allowed && !allowed[a])) continue;
      const m = hMask[a] as number;
      matched |= m;
      if (m === all) anyFull = true;
    }
    for (let i = 0; i < count; i++) {
      const p = touched[i] as number;
      const a = articleOf[p] as number;
      if (allowed && !allowed[a]) continue;
      const head = hStamp[a] === epoch;
      const m = (mask[p] as number) | (head ? (hMask[a] as number) : 0);
      matched |= m;
      const quality = popcount(m);
      if (m === all) anyFull = true;
      else if (q.mode === "AND" || quality < q.need) continue;
      const raw = (acc[p] as number) + (head ? (hAcc[a] as number) : 0);
      emit(shard, p, raw * quality * (recency[a] as number), m);
    }
    return { anyFull, matched };
  }
}
