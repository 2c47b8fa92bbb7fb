/**
 * Opens a knowledge folder with a snapshot beside it (issues 8 and 9): files whose content the
 * snapshot knows (by their unchanged stat, or else by their content hash) are taken from it
 * (front matter, body, extraction results, and their shard's index), the rest are parsed,
 * extracted and indexed, on worker threads when there are many
 * (the worker threads then also build the search shards that the snapshot cannot supply);
 * then the snapshot is brought up to date. Rebuilding from the articles is always the fallback:
 * a missing, damaged or out-of-date shard only costs the work it would have saved. The
 * corpus-wide views the snapshot kept for exactly these articles are served as they are
 * (views.ts), and the quotes, events and tariff facts, which only those views read all of, stay
 * packed (packed.ts).
 */

import { readdirSync } from "node:fs";
import { EXTRACTORS, isDeferrable, keptKeys, warmViews } from "../extract/registry.ts";
import { type Article, type Problem, parseArticle } from "../knowledge/article.ts";
import { KnowledgeBase } from "../knowledge/base.ts";
import { dedupe } from "../knowledge/load.ts";
import { pace, runInTurns } from "../knowledge/pace.ts";
import { searchIndex } from "../search/index.ts";
import { shardLayout } from "../search/layout.ts";
import type { SegmentData } from "../search/segment.ts";
import { sameIds } from "../search/shards.ts";
import { loadSynonyms } from "../search/synonyms.ts";
import { storedArticle } from "./bodies.ts";
import { Deferred } from "./compact.ts";
import { type ReadFile, readArticleFile, statFolder } from "./folder.ts";
import { PackedValues } from "./packed.ts";
import { ColdStartPool } from "./pool.ts";
import { loadSnapshot } from "./store.ts";
import { currentVersions } from "./version.ts";
import { readKeptViews, restoreKeptViews } from "./views.ts";
import { type Origin, type SaveStats, SnapshotWriter } from "./writer.ts";

export interface CacheOptions {
  /** Where the snapshot lives (created if missing). */
  cacheDir: string;
  /** Worker threads for extraction when many articles need it; 0 extracts on this thread. Default: one per core. */
  workers?: number;
  /** Fewer articles to extract than this are done on this thread (workers take a second to start). Default 300. */
  workerThreshold?: number;
  /**
   * The corpus-wide views to compute before returning, so that no question pays for them.
   * Default: the extractions' views; the app passes the answer layer's fuller set, computed in
   * turns of the event loop.
   */
  views?: (kb: KnowledgeBase) => unknown;
  /** How long the load may hold the event loop before it takes a turn (default 50 ms; tests use 0). */
  paceMs?: number;
  /**
   * A file last changed less than this long before it is read is read again at the next start
   * even if its stat is unchanged (default 2,000 ms, folder.ts); tests that write the folder
   * just before use 0.
   */
  settledMs?: number;
  /** Receives one line per reason a part of the snapshot was not used, and a summary. */
  log?: (message: string) => void;
}

export interface OpenStats {
  articles: number;
  /** Articles whose extraction results came from the snapshot. */
  fromCache: number;
  /** Articles whose extraction ran now (on this thread or a worker). */
  extracted: number;
  /** Files parsed as YAML (not known to the snapshot). */
  parsed: number;
  /** Files opened and hashed: those the snapshot did not know by their size, times and inode. */
  read: number;
  shardsLoaded: number;
  shardsBuilt: number;
  /** Why parts of the snapshot were not used. */
  reasons: string[];
  /** "kept" when the people directory, merged events and ordered facts came from the snapshot (views.ts), else why not. */
  views: string;
  /** Per-article values left packed until first needed (the quotes, events and tariff facts, when the views were kept). */
  deferred: number;
  save: SaveStats;
  /** Where the time went, in ms: folder, snapshot (decode and unpack), articles (parse or take from the snapshot, seed, extract), index, views, save. */
  timings: {
    snapshotMs: number;
    folderMs: number;
    articlesMs: number;
    indexMs: number;
    viewsMs: number;
    saveMs: number;
  };
}

export interface CachedKnowledge {
  kb: KnowledgeBase;
  stats: OpenStats;
  /** Saves what changed since the last save (call after live changes; cheap when nothing did). */
  save(): SaveStats;
  /** The same in turns of the event loop (`npm start`, after a live change). */
  saveInTurns(options?: { paceMs?: number }): Promise<SaveStats>;
  /**
   * Reads the values the load left packed (stats.deferred), in turns of the event loop: the
   * first live change needs them all to build the people directory again (packed.ts).
   */
  readPacked(options?: { paceMs?: number }): Promise<void>;
}

/**
 * Reading the folder, decoding the snapshot, seeding the articles and attaching the index take a
 * turn of the event loop every 50 ms, so an app already listening (npm start) acknowledges
 * requests meanwhile.
 */
export async function openKnowledgeCached(
  dir: string,
  options: CacheOptions,
): Promise<CachedKnowledge> {
  // Articles that need extraction go to the workers while the folder is still being read.
  const pool = new ColdStartPool(dir, options.workers ?? 2, options.workerThreshold ?? 300);
  try {
    return await openWithPool(dir, options, pool);
  } finally {
    await pool.close();
  }
}

async function openWithPool(
  dir: string,
  options: CacheOptions,
  pool: ColdStartPool,
): Promise<CachedKnowledge> {
  const log = options.log ?? (() => {});
  const turns = pace(options.paceMs);
  const synonyms = loadSynonyms(dir);
  let t = performance.now();
  const lap = () => {
    const now = performance.now();
    const ms = Math.round(now - t);
    t = now;
    return ms;
  };
  // One read of the folder's names for both (an unreadable folder is reported by statFolder).
  const listing = folderNames(dir);
  const versions = currentVersions(dir, synonyms.map, listing);
  const folder = await statFolder(dir, turns, listing);
  const folderMs = lap();
  // Results are unpacked only for files still in the folder.
  const inFolder = new Set(folder.entries.map((e) => e.file));
  // With the people directory kept for this extraction code, the quotes stay packed until needed.
  const kept = readKeptViews(options.cacheDir);
  const keptUsable = typeof kept !== "string" && kept.stamp.extract === versions.extract;
  const snapshot = await loadSnapshot(
    options.cacheDir,
    dir,
    versions,
    (file) => inFolder.has(file),
    keptUsable ? isDeferrable : null,
    turns,
  );
  const snapshotMs = lap();

  const origin = new Map<Article, Origin>();
  /** Articles whose file the snapshot knew by another stat: their shard is saved again with this one. */
  const restated = new Set<Article>();
  let parsed = 0;
  let read = 0;
  const results: { article?: Article; problems: Problem[] }[] = [];
  for (const { file, stat } of folder.entries) {
    if (turns.due()) await turns.turn();
    let known = snapshot.byFile.get(file);
    let content: ReadFile | null = null;
    if (!known?.table.sameStat(known.index, stat)) {
      const r = readArticleFile(dir, file, options.settledMs);
      read++;
      if (!("text" in r)) {
        results.push({ problems: [r] });
        continue;
      }
      content = r;
      known = snapshot.byHash.get(r.hash);
      if (!known) {
        parsed++;
        const result = parseArticle(file, r.text);
        if (result.article) {
          origin.set(result.article, { hash: r.hash, stat: r.stat });
          pool.add(result.article);
        }
        results.push(result);
        continue;
      }
    }
    const { table, index } = known;
    const hash = table.hash[index] as string;
    const article = storedArticle(table.meta(index), file, known.shard, index);
    origin.set(article, { hash, stat: content ? content.stat : stat });
    // Results made by other extraction code: extracted again, as a parsed article is.
    if (!snapshot.byHash.get(hash)?.extractions) pool.add(article);
    // A stat worth recording (not a file changed a moment ago) that the snapshot lacks.
    if (content?.stat && !table.sameStat(index, content.stat)) restated.add(article);
    results.push({ article, problems: NO_PROBLEMS });
  }
  const { articles, problems } = dedupe(results);
  const kb = new KnowledgeBase(articles, [...folder.problems, ...problems, ...synonyms.problems], {
    dir,
    synonyms: synonyms.map,
  });
  const writer = new SnapshotWriter(
    kb,
    options.cacheDir,
    dir,
    versions,
    snapshot.vocabulary,
    options.settledMs,
  );

  const hashOf = new Map<Article, string>();
  let deferred = 0;
  const packed = new PackedValues(kb);
  const toExtract: Article[] = [];
  for (const a of articles) {
    if (turns.due()) await turns.turn();
    const o = origin.get(a);
    if (o) {
      writer.remember(a, o);
      hashOf.set(a, o.hash);
    }
    const known = o ? snapshot.byHash.get(o.hash) : undefined;
    const extractions = known?.extractions;
    if (!known || !extractions) toExtract.push(a);
    else
      for (let k = 0; k < extractions.length; k++) {
        const [key, value] = extractions[k] as [string, unknown];
        if (value instanceof Deferred) {
          packed.seed(key, a, value, known.shard, known.index);
          deferred++;
        } else kb.seedPerArticle(key, a, value);
      }
  }

  const snapshotSegments = usableSegments(snapshot.segments, kb, hashOf);
  const seeds = new Map(snapshotSegments);
  if (pool.started) {
    const toBuild = new Map(
      [...shardLayout(kb.articles())].filter(([key, list]) => {
        const seed = seeds.get(key);
        return !seed || !sameIds(seed.ids, list);
      }),
    );
    const cold = await pool.finish(kb, toExtract, toBuild);
    for (const [key, data] of cold.segments) seeds.set(key, data);
    writer.takePacks(cold.packs);
  }
  // Articles restored from the snapshot are seeded already; the tariffs entry computes its view
  // over the whole knowledge, which the views below do in any case.
  if (toExtract.length > 0) for (const e of EXTRACTORS) e.run(kb, toExtract);
  const articlesMs = lap();

  const index = searchIndex(kb, seeds, snapshot.vocabulary?.terms);
  while (!index.refreshStep()) if (turns.due()) await turns.turn();
  const shards = index.shardList();
  // A shard file is current when its segment came from it and none of its articles was extracted
  // anew or found with another stat.
  const fresh = new Set(toExtract);
  const reused = shards.filter((s) => snapshotSegments.get(s.key) === s.data);
  const keys = keptKeys(kb);
  for (const s of reused)
    if (!s.articles.some((a) => fresh.has(a) || restated.has(a)))
      writer.markSaved(s, snapshot.deferredTokens.get(s.key), keys);
  const indexMs = lap();
  const restoring = restoreKeptViews(kb, kept, versions.extract, hashOf);
  let step = restoring.next();
  for (; !step.done; step = restoring.next()) if (turns.due()) await turns.turn();
  const views = step.value;
  if (views === "kept" && typeof kept !== "string") writer.viewsSaved(kept.stamp.articles);
  await (options.views ?? warmViews)(kb);
  const viewsMs = lap();

  // Everything came from the snapshot (an article parsed anew has no extractions there, so it
  // would be in toExtract) with the stats it records, and it holds exactly these shards: a save
  // would rewrite nothing, and its checks took 0.2–1.2 s at 100,000 articles (issue 9).
  const unchanged =
    toExtract.length === 0 &&
    restated.size === 0 &&
    reused.length === shards.length &&
    snapshot.segments.size === shards.length &&
    snapshot.reasons.length === 0;
  const save = unchanged ? keptAll(shards.length) : await runInTurns(writer.saveInSteps(), turns);
  if (unchanged && views !== "kept") await runInTurns(writer.saveViewsInSteps(), turns);
  const stats: OpenStats = {
    articles: kb.size,
    fromCache: kb.size - toExtract.length,
    extracted: toExtract.length,
    parsed,
    read,
    shardsLoaded: reused.length,
    shardsBuilt: shards.length - reused.length,
    reasons: snapshot.reasons,
    views,
    deferred,
    save,
    timings: { snapshotMs, folderMs, articlesMs, indexMs, viewsMs, saveMs: lap() },
  };
  for (const r of snapshot.reasons) log(`snapshot: ${r}`);
  // With no snapshot at all, the views are computed as everything else is: nothing to explain.
  if (views !== "kept" && snapshot.byFile.size > 0) log(`snapshot: ${views}`);
  log(
    `snapshot: ${stats.articles} articles, ${stats.fromCache} from the snapshot, ${stats.extracted} extracted; ` +
      `${stats.shardsLoaded} index shards loaded, ${stats.shardsBuilt} built; ${save.shardsWritten} shard files written`,
  );
  let saving: Promise<unknown> = Promise.resolve();
  return {
    kb,
    stats,
    save: () => writer.save(),
    // One save at a time: a second waits for the first, then saves what is left.
    saveInTurns: ({ paceMs } = {}) => {
      const next = saving.then(() => runInTurns(writer.saveInSteps(), pace(paceMs)));
      saving = next.catch(() => {});
      return next;
    },
    readPacked: ({ paceMs } = {}) => packed.readAll(pace(paceMs)),
  };
}

/** The folder's names, or undefined when it cannot be read (each reader then says why). */
function folderNames(dir: string): string[] | undefined {
  try {
    return readdirSync(dir);
  } catch {
    return undefined;
  }
}

/** An article taken from the snapshot has no problems: one empty list for all 100,000. */
const NO_PROBLEMS: Problem[] = Object.freeze([]) as unknown as Problem[];

function keptAll(shards: number): SaveStats {
  return { shardsWritten: 0, fromWorkers: 0, shardsKept: shards, bytesWritten: 0, skipped: [] };
}

/** Segments whose articles are all in service, each the very content the segment was built from. */
function usableSegments(
  segments: Map<string, { data: SegmentData; hashes: readonly string[] }>,
  kb: KnowledgeBase,
  hashOf: Map<Article, string>,
): Map<string, SegmentData> {
  const out = new Map<string, SegmentData>();
  for (const [key, { data, hashes }] of segments) {
    const ok = data.ids.every((id, i) => {
      const a = kb.get(id);
      return a !== undefined && hashOf.get(a) === hashes[i];
    });
    if (ok) out.set(key, data);
  }
  return out;
}
