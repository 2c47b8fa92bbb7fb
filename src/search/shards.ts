/**
 * The shards in service and their upkeep. A change to the knowledge marks its year dirty; the
 * next search re-files that year's articles into shards (layout.ts) and rebuilds only the shards
 * whose articles changed, so an edit costs one shard, not the archive.
 */
import type { Article } from "../knowledge/article.ts";
import type { KnowledgeBase, KnowledgeChange } from "../knowledge/base.ts";
import type { Steps } from "../knowledge/steps.ts";
import { analyzeArticle, type Normalizer } from "./analyze.ts";
import { SHARD_TARGET, shardYear, yearLayout } from "./layout.ts";
import { buildSegment, type SegmentData } from "./segment.ts";
import { Shard } from "./shard.ts";
import { Vocabulary } from "./vocabulary.ts";

export class ShardSet {
  readonly vocab = new Vocabulary();
  private readonly byKey = new Map<string, Shard>();
  private readonly years = new Map<string, Set<Article>>();
  private readonly dirty = new Set<string>();
  private ordered: Shard[] = [];
  /** The update under way, when a paced load is between its steps. */
  private pending: Steps<void> | undefined;
  /** Shards built from articles (not taken from a snapshot) since start: for tests and the benchmark. */
  built = 0;

  constructor(
    kb: KnowledgeBase,
    private readonly normalizer: Normalizer,
    private seeds: ReadonlyMap<string, SegmentData>,
    private readonly target = SHARD_TARGET,
    /** The terms seeds read from a snapshot are numbered by (their `dir`), in id order. */
    terms: readonly string[] = [],
  ) {
    this.vocab.seed(terms);
    for (const a of kb.articles()) this.file(a, 1);
    kb.onChange((c) => this.apply(c));
  }

  /** The shards, newest first, after applying every pending change. */
  refresh(): readonly Shard[] {
    while (!this.refreshStep());
    return this.ordered;
  }

  /**
   * One step of applying the pending changes (a year's layout, or one shard attached or built);
   * true once none is left. A load that paces itself takes turns of the event loop between steps
   * (attaching a year at once held it for over a second at 100,000 articles). There is only ever
   * one update under way, and `refresh` finishes it, so no search sees a year half attached.
   */
  refreshStep(): boolean {
    this.pending ??= this.update();
    if (!this.pending.next().done) return false;
    this.pending = undefined;
    return true;
  }

  private *update(): Steps<void> {
    if (this.dirty.size === 0) return;
    for (let year = first(this.dirty); year !== undefined; year = first(this.dirty)) {
      // Taken off first: a change to this year meanwhile marks it again, to be laid out again.
      this.dirty.delete(year);
      yield* this.rebuildYear(year);
    }
    this.seeds = new Map();
    this.ordered = [...this.byKey.values()].sort(
      (a, b) => b.lastDay - a.lastDay || b.firstDay - a.firstDay || (a.key < b.key ? 1 : -1),
    );
  }

  private apply(change: KnowledgeChange): void {
    if (change.previous) this.file(change.previous, -1);
    if (change.article) this.file(change.article, 1);
  }

  private file(a: Article, sign: 1 | -1): void {
    const year = shardYear(a);
    let set = this.years.get(year);
    if (!set) {
      set = new Set();
      this.years.set(year, set);
    }
    if (sign > 0) set.add(a);
    else set.delete(a);
    this.dirty.add(year);
  }

  private *rebuildYear(year: string): Steps<void> {
    const articles = [...(this.years.get(year) ?? [])];
    const layout = articles.length
      ? yearLayout(year, articles, this.target)
      : new Map<string, Article[]>();
    for (const [key, shard] of this.byKey) {
      if (shardYear(shard.articles[0] as Article) !== year) continue;
      const next = layout.get(key);
      if (next && sameArticles(shard.articles, next)) {
        layout.delete(key);
        continue;
      }
      shard.count(-1);
      this.byKey.delete(key);
    }
    for (const [key, list] of layout) {
      const seed = this.seeds.get(key);
      const data = seed && sameIds(seed.ids, list) ? seed : this.build(list);
      yield;
      const shard = new Shard(key, data, list, this.vocab);
      shard.count(1);
      this.byKey.set(key, shard);
    }
  }

  private build(list: Article[]): SegmentData {
    this.built++;
    return buildSegment(
      list,
      list.map((a) => analyzeArticle(a, this.normalizer)),
    );
  }
}

function first<T>(set: ReadonlySet<T>): T | undefined {
  return set.values().next().value;
}

function sameArticles(a: Article[], b: Article[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Whether a segment (from a snapshot or a worker) was built from exactly these articles, in order. */
export function sameIds(ids: string[], list: Article[]): boolean {
  return ids.length === list.length && ids.every((id, i) => id === list[i]?.id);
}
