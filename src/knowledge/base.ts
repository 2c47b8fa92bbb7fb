/**
 * The knowledge in service: the articles plus everything derived from them. Per-article work
 * (passages, quotes, events, tariff facts) is memoized on the article object, so replacing one
 * article recomputes only that article; corpus-wide views (people, merged events, sector
 * boards) are memoized per version and rebuilt lazily after any change.
 */
import type { Article, Problem } from "./article.ts";
import { compareNewestFirst, compareSpansNewestFirst, pubDateRange } from "./pubdate.ts";
import type { Steps } from "./steps.ts";

export class KnowledgeBase {
  private readonly byId = new Map<string, Article>();
  /**
   * Every memoized per-article value, one list per article with a place per key (`keyAt`):
   * five keys' values for 100,000 articles were half a million entries in five WeakMaps, each
   * one an ephemeron the collector must trace, and seeding them was 0.6 s of a restart's profile
   * (issue 9).
   */
  private readonly perArticleCache = new WeakMap<Article, unknown[]>();
  /** Each per-article key's place in an article's list, in order of first use. */
  private readonly keyAt = new Map<string, number>();
  private readonly derivedCache = new Map<string, { version: number; value: unknown }>();
  private sortedCache: { version: number; list: Article[] } | undefined;
  /** Changes since `sortedCache` was current: a few are placed in it instead of sorting again. */
  private unsorted: KnowledgeChange[] = [];
  private readonly listeners: ((change: KnowledgeChange) => void)[] = [];
  /** Bumped on every change; anything derived from the whole corpus keys on it. */
  version = 0;

  constructor(
    articles: Article[],
    /** Problems from the last load, by file; kept so editors can see them (CLI check, App Home). */
    public problems: Problem[] = [],
    readonly options: KnowledgeOptions = {},
  ) {
    for (const a of articles) this.byId.set(a.id, a);
  }

  get size(): number {
    return this.byId.size;
  }

  get(id: string): Article | undefined {
    return this.byId.get(id);
  }

  /**
   * All articles, newest first (overlapping dates keep a stable order by id). After a live
   * change the changed articles are placed by binary search: sorting 100,000 articles again
   * took 250–480 ms (issue 9). No two articles tie (ids are unique), so it is the same list.
   */
  articles(): Article[] {
    if (this.sortedCache?.version !== this.version) {
      const list =
        (this.sortedCache &&
          this.unsorted.length <= FEW_CHANGES &&
          placed(this.sortedCache.list, this.unsorted)) ||
        sortNewestFirst([...this.byId.values()]);
      this.sortedCache = { version: this.version, list };
      this.unsorted = [];
    }
    return this.sortedCache.list;
  }

  /** The newest publication date as written, for freshness lines. */
  newest(): string | null {
    return this.articles()[0]?.published.value ?? null;
  }

  /** Adds or replaces an article. */
  upsert(article: Article): void {
    const previous = this.byId.get(article.id);
    this.byId.set(article.id, article);
    this.version++;
    this.emit(previous ? { kind: "changed", article, previous } : { kind: "added", article });
  }

  remove(id: string): boolean {
    const previous = this.byId.get(id);
    if (!previous) return false;
    this.byId.delete(id);
    this.version++;
    this.emit({ kind: "removed", previous });
    return true;
  }

  /** Subscribes to changes (the search index uses this to update incrementally). */
  onChange(fn: (change: KnowledgeChange) => void): void {
    this.listeners.push(fn);
  }

  /**
   * Memoizes `compute(article)` under `key` for as long as that article object is in service.
   * Extractors call this so unchanged articles are never processed twice.
   */
  perArticle<T>(key: string, article: Article, compute: (a: Article) => T): T {
    const k = this.placeOf(key);
    const hit = this.valueAt(article, k);
    if (hit !== NONE) {
      if (!(hit instanceof Later)) return hit as T;
      const made = this.settle(article, k, hit);
      if (made !== FAILED) return made as T;
    }
    const value = compute(article);
    this.put(article, k, value);
    this.computed.set(key, (this.computed.get(key) ?? 0) + 1);
    return value;
  }

  /** The key's place in every article's list (a new key gets the next). */
  private placeOf(key: string): number {
    let k = this.keyAt.get(key);
    if (k === undefined) {
      k = this.keyAt.size;
      this.keyAt.set(key, k);
    }
    return k;
  }

  /** The value at place `k` of the article's list, or NONE. */
  private valueAt(article: Article, k: number): unknown {
    return valueIn(this.perArticleCache.get(article), k);
  }

  private put(article: Article, k: number, value: unknown): void {
    let values = this.perArticleCache.get(article);
    if (!values) {
      values = [];
      this.perArticleCache.set(article, values);
    }
    while (values.length < k) values.push(NONE);
    values[k] = value;
  }

  /** Makes a waiting value and keeps it in its place; failing, drops it (it is computed when asked for). */
  private settle(article: Article, k: number, later: Later): unknown {
    const made = madeLater(() => later.make());
    this.put(article, k, made === FAILED ? NONE : made);
    return made;
  }

  /** How many times perArticle really computed, per key: the work a snapshot saves is counted, not timed. */
  readonly computed = new Map<string, number>();

  /** An article's memoized per-article values, by key: what a snapshot or a worker thread hands on. */
  perArticleValues(article: Article): [string, unknown][] {
    const out: [string, unknown][] = [];
    for (const [key, k] of this.keyAt) {
      const hit = this.valueAt(article, k);
      if (hit === NONE) continue;
      if (!(hit instanceof Later)) {
        out.push([key, hit]);
        continue;
      }
      const made = this.settle(article, k, hit);
      if (made !== FAILED) out.push([key, made]);
    }
    return out;
  }

  /**
   * The keys an article has values for, whatever they are, seeded ones included, without making
   * any: what tests read to see what a restart or a worker handed on (a save asks
   * perArticleKeyLists, for the kept keys of many articles at once).
   */
  perArticleKeys(article: Article): string[] {
    const keys: string[] = [];
    for (const [key, k] of this.keyAt) if (this.valueAt(article, k) !== NONE) keys.push(key);
    return keys;
  }

  /**
   * Per article, the keys among `among` it has values for, comma-joined in perArticleKeys'
   * order: one lookup of the article's list, then a look at each key asked about rather than
   * each key in use, and one string per set of keys. A restart records this for every article
   * it takes from the snapshot: one article at a time, 100,000 took 170–190 ms, 0.7 s in a slow
   * hour's profile (issue 9).
   */
  perArticleKeyLists(articles: readonly Article[], among: ReadonlySet<string>): string[] {
    const keys: string[] = [];
    const places: number[] = [];
    for (const [key, k] of this.keyAt) {
      if (!among.has(key)) continue;
      keys.push(key);
      places.push(k);
    }
    const listOf = (holds: (i: number) => boolean) => keys.filter((_, i) => holds(i)).join(",");
    // Each article's list looked up once for all the keys.
    if (keys.length > 30)
      return articles.map((a) => {
        const values = this.perArticleCache.get(a);
        return listOf((i) => valueIn(values, places[i] as number) !== NONE);
      });
    // Which keys an article has, as bits: the same bits, the same string.
    const lists = new Map<number, string>();
    return articles.map((a) => {
      const values = this.perArticleCache.get(a);
      let bits = 0;
      for (let i = 0; i < places.length; i++)
        if (valueIn(values, places[i] as number) !== NONE) bits |= 1 << i;
      let list = lists.get(bits);
      if (list === undefined) {
        list = listOf((k) => (bits & (1 << k)) !== 0);
        lists.set(bits, list);
      }
      return list;
    });
  }

  /** Puts a value computed elsewhere (a snapshot, a worker thread) where perArticle will find it. */
  seedPerArticle(key: string, article: Article, value: unknown): void {
    this.put(article, this.placeOf(key), value);
  }

  /**
   * Like seedPerArticle, for a value made only when first asked for (a restart leaves the
   * quotes packed when the snapshot's views are current: issue 9). Should `later.make` throw,
   * the value is computed from the article instead.
   */
  seedPerArticleLater(key: string, article: Article, later: Later): void {
    this.seedPerArticle(key, article, later);
  }

  /**
   * Makes a value seeded to be made later with `make` instead of its own maker, if it is still
   * waiting: what holds many such values can make them together more cheaply (packed.ts). Should
   * `make` throw, the value keeps waiting.
   */
  settleLater(key: string, article: Article, make: () => unknown): void {
    const k = this.keyAt.get(key);
    if (k === undefined || !(this.valueAt(article, k) instanceof Later)) return;
    const made = madeLater(make);
    if (made !== FAILED) this.put(article, k, made);
  }

  /** Puts a corpus-wide value found elsewhere (a snapshot) where `derived` will find it for this version. */
  seedDerived(key: string, value: unknown): void {
    this.derivedCache.set(key, { version: this.version, value });
  }

  /** The corpus-wide value memoized under `key`, when it is of this version. */
  derivedIfCurrent(key: string): unknown {
    const hit = this.derivedCache.get(key);
    return hit?.version === this.version ? hit.value : undefined;
  }

  /** Memoizes a corpus-wide computation until the next change. */
  derived<T>(key: string, compute: (kb: KnowledgeBase) => T): T {
    const hit = this.derivedCache.get(key);
    if (hit && hit.version === this.version) return hit.value as T;
    const value = compute(this);
    this.derivedCache.set(key, { version: this.version, value });
    return value;
  }

  /**
   * `derived` for a computation written in steps (src/knowledge/steps.ts), so its caller can
   * pause between them. A value a question computed meanwhile is taken as it is, and one built
   * across a change is never stored.
   */
  *derivedInSteps<T>(key: string, build: (kb: KnowledgeBase) => Steps<T>): Steps<T> {
    const version = this.version;
    const steps = build(this);
    for (;;) {
      const hit = this.derivedCache.get(key);
      if (hit?.version === version) return hit.value as T;
      const r = steps.next();
      if (r.done) {
        if (this.version === version) this.derivedCache.set(key, { version, value: r.value });
        return r.value;
      }
      yield;
    }
  }

  private emit(change: KnowledgeChange): void {
    if (this.sortedCache && this.unsorted.length <= FEW_CHANGES) this.unsorted.push(change);
    // The views of the version before are never served again: let the collector have them while
    // the new ones are built, not after (about 300 MB at 100,000 articles).
    this.derivedCache.clear();
    for (const fn of this.listeners) fn(change);
  }
}

/**
 * A value seeded to be made when first asked for (seedPerArticleLater). What seeds many subclasses
 * it, so that each is one object instead of an object and a closure with its context: a restart
 * seeds 100,000 (issue 9).
 */
export abstract class Later {
  abstract make(): unknown;
}

const FAILED = Symbol("failed");
/** No value at this place of an article's list. */
const NONE = Symbol("none");

/** The value at place `k` of an article's list (if it has one), or NONE. */
function valueIn(values: readonly unknown[] | undefined, k: number): unknown {
  return values && k < values.length ? values[k] : NONE;
}

function madeLater(make: () => unknown): unknown {
  try {
    return make();
  } catch {
    return FAILED;
  }
}

/** More changes than this since the last sort: sorting again is cheaper than placing each. */
const FEW_CHANGES = 64;

/**
 * The same order as `articles.sort(newestFirst)`, each article's span looked up once instead of
 * in each of the 1.7 million comparisons that 100,000 articles take (issue 9).
 */
function sortNewestFirst(articles: Article[]): Article[] {
  const keyed = articles.map((a) => ({ a, ...pubDateRange(a.published) }));
  keyed.sort(
    (x, y) =>
      compareSpansNewestFirst(x, y) ||
      y.a.published.value.localeCompare(x.a.published.value) ||
      x.a.id.localeCompare(y.a.id),
  );
  return keyed.map((k) => k.a);
}

function newestFirst(a: Article, b: Article): number {
  return (
    compareNewestFirst(a.published, b.published) ||
    b.published.value.localeCompare(a.published.value) ||
    a.id.localeCompare(b.id)
  );
}

/** A copy of `sorted` (newest first) with the changes applied, each article at its place. */
function placed(
  sorted: readonly Article[],
  changes: readonly KnowledgeChange[],
): Article[] | undefined {
  const list = sorted.slice();
  for (const { article, previous } of changes) {
    const at = previous ? list.indexOf(previous) : -1;
    if (previous && at < 0) return undefined;
    if (previous) list.splice(at, 1);
    if (!article) continue;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (newestFirst(list[mid] as Article, article) < 0) lo = mid + 1;
      else hi = mid;
    }
    list.splice(lo, 0, article);
  }
  return list;
}

export interface KnowledgeOptions {
  /** The folder it was loaded from, where data files (synonyms, sectors, aliases) live. */
  dir?: string;
  /** Search synonyms, word → the word it is indexed as. */
  synonyms?: ReadonlyMap<string, string>;
}

export type KnowledgeChange =
  | { kind: "added"; article: Article; previous?: undefined }
  | { kind: "changed"; article: Article; previous: Article }
  | { kind: "removed"; previous: Article; article?: undefined };
