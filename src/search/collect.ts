/**
 * Collectors of scored passages. With a limit only the best few are kept (most qualifying
 * passages are compared on their score and dropped without an allocation); without one, all.
 * The order is the engine's from before: score, then article id, then position.
 */
import type { Shard } from "./shard.ts";

export interface Candidate {
  shard: Shard;
  passage: number;
  score: number;
  /** Bit i set: query word i matched, in the text or the headline. */
  mask: number;
}

/**
 * Best first. Ids compare by code unit: for the ids the front matter allows (a-z, 0-9, "-") that
 * is the order localeCompare gave the engine before, at a fraction of the cost.
 */
export function compareCandidates(a: Candidate, b: Candidate): number {
  if (a.score !== b.score) return b.score - a.score;
  const x = a.shard.data.ids[a.shard.data.passageArticle[a.passage] as number] as string;
  const y = b.shard.data.ids[b.shard.data.passageArticle[b.passage] as number] as string;
  if (x !== y) return x < y ? -1 : 1;
  return (
    (a.shard.data.passageStart[a.passage] as number) -
    (b.shard.data.passageStart[b.passage] as number)
  );
}

export class Collector {
  readonly list: Candidate[] = [];

  constructor(private readonly limit: number = Number.POSITIVE_INFINITY) {}

  readonly offer = (shard: Shard, passage: number, score: number, mask: number): void => {
    const list = this.list;
    if (this.limit === Number.POSITIVE_INFINITY) {
      list.push({ shard, passage, score, mask });
      return;
    }
    const worst = list.length === this.limit ? (list[list.length - 1] as Candidate) : undefined;
    if (worst && score < worst.score) return;
    const c = { shard, passage, score, mask };
    if (worst) {
      if (compareCandidates(c, worst) >= 0) return;
      list.pop();
    }
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareCandidates(list[mid] as Candidate, c) <= 0) lo = mid + 1;
      else hi = mid;
    }
    list.splice(lo, 0, c);
  };

  sorted(): Candidate[] {
    if (this.limit === Number.POSITIVE_INFINITY) this.list.sort(compareCandidates);
    return this.list;
  }
}
