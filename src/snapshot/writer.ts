/**
 * Saves the knowledge in service as a snapshot, rewriting only the shards that changed since
 * they were loaded or last saved: after an edit to one article, one shard file is written.
 */
import { randomBytes } from "node:crypto";
import { currentEvents, eventColumns } from "../extract/events/index.ts";
import {
  EXTRACTORS,
  isDeferrable,
  keptKeys,
  keyListsToKeep,
  resultsToKeep,
} from "../extract/registry.ts";
import { currentFacts } from "../extract/tariffs/facts.ts";
import { type Article, parseArticle } from "../knowledge/article.ts";
import type { KnowledgeBase } from "../knowledge/base.ts";
import { ARTICLES_PER_STEP, runSteps, type Steps } from "../knowledge/steps.ts";
import { currentDirectory } from "../people/directory.ts";
import { searchIndex } from "../search/index.ts";
import type { SegmentData } from "../search/segment.ts";
import type { Shard } from "../search/shard.ts";
import { moveBody } from "./bodies.ts";
import {
  deferredTokenCount,
  mergePacks,
  type PackedArticle,
  type PackedResults,
  packedKeys,
  packResults,
} from "./compact.ts";
import { type FileStat, readArticleFile } from "./folder.ts";
import { indexByteLength, type ShardArticle } from "./format.ts";
import {
  type ManifestShard,
  type SnapshotVocabulary,
  shardFileName,
  writeManifest,
  writeShard,
  writeVocabulary,
} from "./store.ts";
import type { Versions } from "./version.ts";
import { articlesDigest, writeKeptViews } from "./views.ts";

/** The file content an article was read from. */
export interface Origin {
  hash: string;
  /** The stat that stands for that content (folder.ts), or null. */
  stat: FileStat | null;
}

export interface SaveStats {
  shardsWritten: number;
  /** Of those, shards whose extraction results were written as a cold start's workers packed them. */
  fromWorkers: number;
  /** Shards left as they were on disk. */
  shardsKept: number;
  bytesWritten: number;
  /** Shards not saved because an article's file no longer holds the version in service. */
  skipped: string[];
}

interface Saved {
  data: SegmentData;
  articles: Article[];
  keys: string;
  /** The file's count for the manifest (store.ts ManifestShard), when known. */
  deferredTokens?: number;
}

export class SnapshotWriter {
  private readonly origins = new WeakMap<Article, Origin>();
  private readonly saved = new Map<string, Saved>();
  /** The articles digest of the views file this writer last wrote (or found current). */
  private viewsOnDisk: string | null = null;
  /** The vocabulary file's id, and how many terms it holds on disk. */
  private readonly vocabulary: { id: string; size: number };
  /** The packs a cold start's workers sent each article's results in, until the next save. */
  private packs = new Map<Article, PackedArticle>();

  constructor(
    private readonly kb: KnowledgeBase,
    private readonly cacheDir: string,
    private readonly knowledgeDir: string,
    private readonly versions: Versions,
    /** The vocabulary file the index was seeded from (store.ts), or null: a new one is written. */
    vocabulary: SnapshotVocabulary | null,
    private readonly settledMs?: number,
  ) {
    this.vocabulary = vocabulary
      ? { id: vocabulary.id, size: vocabulary.terms.length }
      : { id: randomBytes(8).toString("hex"), size: -1 };
  }

  /** Records which file content an article was read from. */
  remember(article: Article, origin: Origin): void {
    this.origins.set(article, origin);
  }

  /** Hands over the packs the workers sent (pool.ts), for the next save to write as they are. */
  takePacks(packs: Map<Article, PackedArticle>): void {
    this.packs = packs;
  }

  /**
   * Records that a shard on disk already holds exactly this shard, with the deferredTokens its
   * manifest entry listed (store.ts), if any; `kept`: keptKeys, read once for many shards.
   */
  markSaved(shard: Shard, deferredTokens?: number, kept = keptKeys(this.kb)): void {
    this.saved.set(shard.key, { ...this.signature(shard, kept), deferredTokens });
  }

  save(): SaveStats {
    return runSteps(this.saveInSteps());
  }

  /**
   * The same in steps, one shard file a step at most, so `npm start` can save after a live
   * change in turns of the event loop (in one piece it held the loop 5.8 s at 100,000 articles,
   * the kept views 4.9 s of it).
   */
  *saveInSteps(): Steps<SaveStats> {
    // An article put in service since start-up has only what questions needed so far: complete
    // it, so the next start finds every extraction (memoized ones cost a lookup).
    const all = this.kb.articles();
    for (const e of EXTRACTORS)
      for (let i = 0; i < all.length; i += ARTICLES_PER_STEP) {
        e.run(this.kb, all.slice(i, i + ARTICLES_PER_STEP));
        yield;
      }
    const stats: SaveStats = {
      shardsWritten: 0,
      fromWorkers: 0,
      shardsKept: 0,
      bytesWritten: 0,
      skipped: [],
    };
    const listed: ManifestShard[] = [];
    const index = searchIndex(this.kb);
    const shards = index.shardList();
    // Terms are only added, so the list written now holds those of every shard written before.
    const terms = index.terms();
    if (terms.length > this.vocabulary.size) {
      writeVocabulary(this.cacheDir, { id: this.vocabulary.id, terms });
      this.vocabulary.size = terms.length;
    }
    // The extractions' keys, read once for the pass (the tariff facts' key stats a data file).
    const kept = keptKeys(this.kb);
    for (const shard of shards) {
      yield;
      const sig = this.signature(shard, kept);
      const before = this.saved.get(shard.key);
      const entry: ManifestShard = {
        key: shard.key,
        file: shardFileName(shard.key),
        articles: shard.articles.length,
        indexBytes: indexByteLength(shard.data),
      };
      if (before && sameSaved(before, sig)) {
        stats.shardsKept++;
        listed.push({ ...entry, deferredTokens: before.deferredTokens });
        continue;
      }
      const articles = shard.articles.map((a) => this.entry(a));
      if (articles.some((a) => a === null)) {
        stats.skipped.push(shard.key);
        continue;
      }
      const bodies = shard.articles.map((a) => a.body);
      const fromWorkers = this.workersPack(shard.articles, sig.keys);
      if (fromWorkers) stats.fromWorkers++;
      const extractions =
        fromWorkers ??
        packResults(
          shard.articles.map((a) => resultsToKeep(this.kb, a, kept)),
          bodies,
        );
      const written = writeShard(this.cacheDir, this.knowledgeDir, {
        key: shard.key,
        versions: this.versions,
        articles: articles as ShardArticle[],
        segment: shard.data,
        terms: shard.directories(),
        vocabulary: { ...this.vocabulary },
        extractions,
        bodies,
      });
      // Bodies read from the file just replaced are read from the new one from now on; a pack
      // from the workers is let go once all its articles are written.
      shard.articles.forEach((a, i) => {
        moveBody(a, written, i);
        this.packs.delete(a);
      });
      stats.bytesWritten += written.size;
      stats.shardsWritten++;
      const deferredTokens = deferredTokenCount(extractions, isDeferrable);
      this.saved.set(shard.key, { ...sig, deferredTokens });
      listed.push({ ...entry, deferredTokens });
    }
    this.packs = new Map();
    writeManifest(this.cacheDir, { versions: this.versions, shards: listed });
    yield* this.saveViewsInSteps();
    return stats;
  }

  /** Records that the views file on disk is the one for these articles (articlesDigest). */
  viewsSaved(articles: string): void {
    this.viewsOnDisk = articles;
  }

  /**
   * Keeps the people directory, the merged events and the ordered facts beside the shards
   * (views.ts) when all are computed for the knowledge as it is and are not the ones on disk.
   */
  saveViews(): void {
    runSteps(this.saveViewsInSteps());
  }

  *saveViewsInSteps(): Steps<void> {
    const d = currentDirectory(this.kb);
    const events = currentEvents(this.kb);
    const facts = currentFacts(this.kb);
    if (!d || !events || !facts) return;
    const articles = articlesDigest(this.kb.articles(), (a) => this.origins.get(a)?.hash);
    if (articles === null || articles === this.viewsOnDisk) return;
    const eventsKept = yield* eventColumns(this.kb, events);
    yield;
    writeKeptViews(
      this.cacheDir,
      {
        stamp: { extract: this.versions.extract, articles },
        people: d.people,
        quotes: d.columns,
        events: eventsKept,
        facts: facts.columns,
      },
      this.kb.articles(),
    );
    this.viewsOnDisk = articles;
  }

  /**
   * The shard's pack made from the workers' packs, when they hold every one of its articles
   * with the keys it has now, `keys` as its signature joins them (values seeded from a pack
   * are not changed, only added to).
   */
  private workersPack(articles: readonly Article[], keys: string): PackedResults | undefined {
    const parts = articles.map((a) => this.packs.get(a));
    if (!parts.every((p): p is PackedArticle => p !== undefined)) return;
    if (parts.map((p) => packedKeys(p).join(",")).join(";") !== keys) return;
    return mergePacks(parts);
  }

  private signature(shard: Shard, kept = keptKeys(this.kb)): Saved {
    const keys = keyListsToKeep(this.kb, shard.articles, kept).join(";");
    return { data: shard.data, articles: shard.articles, keys };
  }

  private entry(article: Article): ShardArticle | null {
    const origin = this.origins.get(article) ?? this.locate(article);
    if (!origin) return null;
    const { body: _body, file, ...meta } = article;
    return { hash: origin.hash, file, meta, stat: origin.stat };
  }

  /** For an article put in service after start-up: its file must still hold exactly it. */
  private locate(article: Article): Origin | null {
    const read = readArticleFile(this.knowledgeDir, article.file, this.settledMs);
    if (!("text" in read)) return null;
    const parsed = parseArticle(article.file, read.text).article;
    if (!parsed || JSON.stringify(parsed) !== JSON.stringify(article)) return null;
    const origin = { hash: read.hash, stat: read.stat };
    this.origins.set(article, origin);
    return origin;
  }
}

function sameSaved(a: Saved, b: Saved): boolean {
  return (
    a.data === b.data &&
    a.keys === b.keys &&
    a.articles.length === b.articles.length &&
    a.articles.every((x, i) => x === b.articles[i])
  );
}
