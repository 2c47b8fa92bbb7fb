/**
 * Where a word occurs, read from the index's postings instead of the articles' text: which
 * articles hold it, and whether it is within a few sentences of a given one. "When do Carney and
 * Trump meet" looks for each name around every meeting's mentions: reading those sentences from
 * the bodies took 6–11 s at 100,000 articles (each body read from its shard file; issue 9), the
 * postings take milliseconds. A word is matched as the index matches it: folded, plural-folded
 * and through the synonyms.
 */
import type { Shard } from "./shard.ts";

/** Articles per shard stay below this, so a shard's place and an article's number pack into one number. */
const PER_SHARD = 2 ** 20;

/**
 * Where every article is among `shards`: its shard's place times PER_SHARD plus its number there.
 * Made once per set of shards (100,000 numbers, not 100,000 objects).
 */
export function articleLocator(shards: readonly Shard[]): Map<string, number> {
  const at = new Map<string, number>();
  shards.forEach((shard, s) => {
    const { ids } = shard.data;
    if (ids.length >= PER_SHARD) throw new Error(`shard ${shard.key} holds ${ids.length} articles`);
    for (let a = 0; a < ids.length; a++) at.set(ids[a] as string, s * PER_SHARD + a);
  });
  return at;
}

export class WordPlaces {
  /** Per shard (by place): where the term's postings start and end in its text field, or -1. */
  private readonly from: Int32Array;
  private readonly to: Int32Array;

  /** Term `id` (undefined: a term never indexed) in `shards`, whose articles `locator` finds. */
  constructor(
    private readonly shards: readonly Shard[],
    private readonly locator: ReadonlyMap<string, number>,
    id: number | undefined,
  ) {
    this.from = new Int32Array(shards.length).fill(-1);
    this.to = new Int32Array(shards.length).fill(-1);
    if (id === undefined) return;
    shards.forEach((shard, s) => {
      const range = shard.textRange(id);
      if (!range) return;
      this.from[s] = range[0];
      this.to[s] = range[1];
    });
  }

  /** How many passages hold the word: which of several words is rarest. */
  get passageCount(): number {
    let n = 0;
    for (let s = 0; s < this.shards.length; s++)
      n += (this.to[s] as number) - (this.from[s] as number);
    return n;
  }

  /** The ids of the articles that hold the word. */
  *articles(): Generator<string> {
    for (let s = 0; s < this.shards.length; s++) {
      const { data } = this.shards[s] as Shard;
      let last = -1;
      for (let k = this.from[s] as number; k < (this.to[s] as number); k++) {
        const a = data.passageArticle[data.text.doc[k] as number] as number;
        if (a !== last) yield data.ids[a] as string;
        last = a;
      }
    }
  }

  /** Whether the article's text holds the word. */
  inArticle(articleId: string): boolean {
    const place = this.place(articleId);
    if (!place) return false;
    const { data } = place.shard;
    return this.within(
      place.s,
      data.firstPassage[place.a] as number,
      data.firstPassage[place.a + 1] as number,
    );
  }

  /** Whether the word is within `reach` sentences of the one holding character `at` of the article's body. */
  near(articleId: string, at: number, reach: number): boolean {
    const place = this.place(articleId);
    if (!place) return false;
    const { data } = place.shard;
    const first = data.firstPassage[place.a] as number;
    const end = data.firstPassage[place.a + 1] as number;
    const p = passageAt(data.passageStart, first, end, at);
    return this.within(place.s, Math.max(first, p - reach), Math.min(end, p + reach + 1));
  }

  private place(articleId: string): { s: number; a: number; shard: Shard } | undefined {
    const packed = this.locator.get(articleId);
    if (packed === undefined) return undefined;
    const s = Math.floor(packed / PER_SHARD);
    if ((this.from[s] as number) < 0) return undefined;
    return { s, a: packed % PER_SHARD, shard: this.shards[s] as Shard };
  }

  /** Whether a posting of shard s falls on a passage in [lo, hi). */
  private within(s: number, lo: number, hi: number): boolean {
    const { doc } = (this.shards[s] as Shard).data.text;
    let left = this.from[s] as number;
    let right = this.to[s] as number;
    while (left < right) {
      const mid = (left + right) >>> 1;
      if ((doc[mid] as number) < lo) left = mid + 1;
      else right = mid;
    }
    return left < (this.to[s] as number) && (doc[left] as number) < hi;
  }
}

/** The passage in [first, end) that holds character `at` (the last one starting at or before it). */
function passageAt(passageStart: Uint32Array, first: number, end: number, at: number): number {
  let lo = first;
  let hi = end - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((passageStart[mid] as number) <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
