/**
 * A shard in service: a segment tied to the live articles it was built from and to the shared
 * vocabulary. Attaching adds its frequencies and lengths to the corpus-wide totals; detaching
 * takes them out again, so replacing a shard keeps every score exact.
 */
import type { Article } from "../knowledge/article.ts";
import { type Postings, passagesOf, type SegmentData, type TermDirectory } from "./segment.ts";
import type { Vocabulary } from "./vocabulary.ts";

export class Shard {
  private readonly text: TermDirectory;
  private readonly headline: TermDirectory;
  /** Recency factor per article, cached for one "newest date" of the corpus. */
  private recencyFor = Number.NaN;
  private recencyCache = new Float64Array(0);
  /** The shard's newest and oldest days, for newest-first search. */
  readonly lastDay: number;
  readonly firstDay: number;

  constructor(
    readonly key: string,
    readonly data: SegmentData,
    /** The article objects it indexes, in segment order: identity tells a stale shard. */
    readonly articles: Article[],
    private readonly vocab: Vocabulary,
  ) {
    this.text = termDirectory(data.text, vocab);
    this.headline = termDirectory(data.headline, vocab);
    // The directories hold every term as an id: the lists of strings (3.2 million entries over
    // the shards of 100,000 articles, 26 MB) are let go.
    data.text.terms = [];
    data.headline.terms = [];
    this.lastDay = data.lastDay.reduce((m, d) => Math.max(m, d), -Infinity);
    this.firstDay = data.firstDay.reduce((m, d) => Math.min(m, d), Infinity);
  }

  get passages(): number {
    return this.data.passageStart.length;
  }

  /** Both fields' terms by vocabulary id: what a snapshot saves beside the segment. */
  directories(): { text: TermDirectory; headline: TermDirectory } {
    return { text: this.text, headline: this.headline };
  }

  /** Adds (sign 1) or removes (sign -1) this shard's statistics from the corpus totals. */
  count(sign: 1 | -1): void {
    const { data, vocab } = this;
    const perArticle = data.ids.map((_, a) => passagesOf(data, a));
    const t = data.text;
    for (let j = 0; j < this.text.ids.length; j++) {
      const i = this.text.local[j] as number;
      const df = (t.off[i + 1] as number) - (t.off[i] as number);
      vocab.adjust(this.text.ids[j] as number, sign * df, 0);
    }
    const h = data.headline;
    for (let j = 0; j < this.headline.ids.length; j++) {
      const i = this.headline.local[j] as number;
      let df = 0;
      for (let k = h.off[i] as number; k < (h.off[i + 1] as number); k++)
        df += perArticle[h.doc[k] as number] as number;
      vocab.adjust(this.headline.ids[j] as number, 0, sign * df);
    }
    vocab.passages += sign * this.passages;
    let textLength = 0;
    for (const l of data.passageLength) textLength += l;
    vocab.textLength += sign * textLength;
    let headlineLength = 0;
    data.ids.forEach((_, a) => {
      headlineLength += (data.headlineLength[a] as number) * (perArticle[a] as number);
    });
    vocab.headlineLength += sign * headlineLength;
  }

  /** The posting range [from, to) of a global term id in the text field, or null. */
  textRange(id: number): [number, number] | null {
    return range(this.text, this.data.text, id);
  }

  headlineRange(id: number): [number, number] | null {
    return range(this.headline, this.data.headline, id);
  }

  /** Whether a term occurs in a passage's text or in its article's headline (for corrections shown to the user). */
  holds(id: number, passage: number, article: number): boolean {
    const t = this.textRange(id);
    if (t && contains(this.data.text.doc, t, passage)) return true;
    const h = this.headlineRange(id);
    return h !== null && contains(this.data.headline.doc, h, article);
  }

  /** 1 + weight × 0.5^(age / half-life) per article, for the corpus's current newest midpoint. */
  recency(newestMidpoint: number, weight: number, halfLifeDays: number): Float64Array {
    if (this.recencyFor !== newestMidpoint) {
      const m = this.data.midpoint;
      const out = new Float64Array(m.length);
      for (let a = 0; a < m.length; a++) {
        const ageDays = (newestMidpoint - (m[a] as number)) / 86_400_000;
        out[a] = 1 + weight * 0.5 ** (Math.max(0, ageDays) / halfLifeDays);
      }
      this.recencyCache = out;
      this.recencyFor = newestMidpoint;
    }
    return this.recencyCache;
  }
}

/**
 * A field's directory: the one read with it from a snapshot, whose ids are the vocabulary's
 * (attaching the shards of 100,000 articles took 0.8 s to look up and sort 3.2 million terms),
 * or else one made from its term list.
 */
function termDirectory(p: Postings, vocab: Vocabulary): TermDirectory {
  const dir = p.dir;
  if (!dir) return directory(globalIds(p, vocab));
  const last = dir.ids.length > 0 ? (dir.ids[dir.ids.length - 1] as number) : -1;
  if (last >= vocab.terms.length)
    throw new Error(`a segment's term id ${last} is beyond the vocabulary (${vocab.terms.length})`);
  return dir;
}

/** Each local term's global id (the shards of 100,000 articles hold 3.2 million terms, 30,405 distinct). */
function globalIds(p: Postings, vocab: Vocabulary): Uint32Array {
  const ids = new Uint32Array(p.terms.length);
  for (let i = 0; i < ids.length; i++) ids[i] = vocab.intern(p.terms[i] as string);
  return ids;
}

/** Local numbers below this fit beside a global id in one exactly representable sort key. */
const LOCAL_LIMIT = 2 ** 20;

/**
 * Sorts (global id, local number) pairs by id as packed numbers in a Float64Array, whose native
 * sort needs no comparator: with tuples and a comparator, attaching the shards of 100,000
 * articles took 2.4 s (issue 9).
 */
function directory(globals: Uint32Array): TermDirectory {
  const n = globals.length;
  if (n >= LOCAL_LIMIT)
    throw new Error(`a shard field holds ${n} terms; at most ${LOCAL_LIMIT - 1}`);
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = (globals[i] as number) * LOCAL_LIMIT + i;
  keys.sort();
  const ids = new Uint32Array(n);
  const local = new Uint32Array(n);
  for (let j = 0; j < n; j++) {
    const k = keys[j] as number;
    const l = k % LOCAL_LIMIT;
    local[j] = l;
    ids[j] = (k - l) / LOCAL_LIMIT;
  }
  return { ids, local };
}

function range(dir: TermDirectory, p: Postings, id: number): [number, number] | null {
  let lo = 0;
  let hi = dir.ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = dir.ids[mid] as number;
    if (v < id) lo = mid + 1;
    else if (v > id) hi = mid - 1;
    else {
      const local = dir.local[mid] as number;
      return [p.off[local] as number, p.off[local + 1] as number];
    }
  }
  return null;
}

/** Binary search in one term's ascending doc numbers. */
function contains(doc: Uint32Array, [from, to]: [number, number], x: number): boolean {
  let lo = from;
  let hi = to - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = doc[mid] as number;
    if (v < x) lo = mid + 1;
    else if (v > x) hi = mid - 1;
    else return true;
  }
  return false;
}
