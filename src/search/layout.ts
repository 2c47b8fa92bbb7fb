/**
 * Which shard an article belongs to: its period, as coarse as keeps a shard under the target
 * size (a year, else its month, else its day, else a hash bucket of that day). Keys depend only
 * on the articles in service, so a rebuild and a restart from a snapshot agree, and a new
 * article touches only its own period's shard.
 */
import { createHash } from "node:crypto";
import type { Article } from "../knowledge/article.ts";
import { pubDateRange } from "../knowledge/pubdate.ts";
import { byCodeUnit, groupBy } from "../lists.ts";

/** Articles per shard: small enough that rebuilding one after an edit takes a fraction of a second. */
export const SHARD_TARGET = 1000;

/** The year an article is filed under: the last day its date can stand for decides. */
export function shardYear(a: Article): string {
  return lastDay(a).slice(0, 4);
}

/** Shards of every article, keyed by period. */
export function shardLayout(
  articles: Iterable<Article>,
  target = SHARD_TARGET,
): Map<string, Article[]> {
  const out = new Map<string, Article[]>();
  for (const [year, list] of groupBy(articles, shardYear)) {
    for (const [k, v] of yearLayout(year, list, target)) out.set(k, v);
  }
  return out;
}

/** Shards of one year's articles; every key starts with the year. */
export function yearLayout(
  year: string,
  list: Article[],
  target = SHARD_TARGET,
): Map<string, Article[]> {
  const out = new Map<string, Article[]>();
  const split = (key: string, list: Article[], depth: number): void => {
    if (list.length <= target) out.set(key, list);
    else if (depth === 2) buckets(key, list, target, out);
    else {
      const width = depth === 0 ? 7 : 10;
      for (const [k, sub] of groupBy(list, (a) => lastDay(a).slice(0, width)))
        split(k, sub, depth + 1);
    }
  };
  split(year, list, 0);
  for (const list of out.values()) list.sort((a, b) => byCodeUnit(a.id, b.id));
  return out;
}

function lastDay(a: Article): string {
  return pubDateRange(a.published).last;
}

/** A day with more articles than a shard holds (a bulk import) is split by a hash of the id. */
function buckets(day: string, list: Article[], target: number, out: Map<string, Article[]>): void {
  const n = Math.ceil(list.length / target);
  const bucketOf = (a: Article) => createHash("md5").update(a.id).digest().readUInt32BE(0) % n;
  for (const [key, bucket] of groupBy(list, (a) => `${day}#${bucketOf(a)}`)) out.set(key, bucket);
}
