/**
 * The snapshot folder: one file per shard plus a manifest listing them. Files are written
 * temp-then-rename, the manifest last, so a crash leaves the previous snapshot or the new one.
 * Reading never throws: a shard that is missing, damaged or made by other code is skipped with
 * a reason, and its articles are read, indexed and extracted again from the knowledge folder.
 */
import { randomBytes } from "node:crypto";
import {
  closeSync,
  fstatSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { join } from "node:path";
import type { Pace } from "../knowledge/pace.ts";
import type { SegmentData } from "../search/segment.ts";
import type { ArticleTable } from "./article-columns.ts";
import { type ShardBodies, storedCutter } from "./bodies.ts";
import { type ArticleResults, unpackResults } from "./compact.ts";
import { readFully } from "./folder.ts";
import {
  align,
  type DecodedShard,
  decodeShard,
  encodeShard,
  OtherFormatError,
  SHARD_PRELUDE,
  SHARD_TRAILER,
  type ShardFile,
  type ShardRead,
  shardPrelude,
} from "./format.ts";
import type { Versions } from "./version.ts";

const MANIFEST = "snapshot.json";
const VOCABULARY = "vocabulary.json";

/**
 * Every term the shards' indexes hold, numbered once for all of them: a shard file keeps its
 * terms as these numbers, sorted, so a restart neither parses 3.2 million term strings (at
 * 100,000 articles) nor looks each up and sorts them again (issue 9). The list only grows,
 * and is written before the shards that use it, so every shard on disk finds its terms in it;
 * each shard names the list's `id`, and a new list (the file lost or damaged) gets a new one.
 */
export interface SnapshotVocabulary {
  id: string;
  terms: readonly string[];
}

export interface Manifest {
  versions: Versions;
  shards: ManifestShard[];
}

export interface ManifestShard {
  key: string;
  file: string;
  articles: number;
  /** Its index's size in memory (format.ts indexByteLength); absent in manifests written before. */
  indexBytes?: number;
  /**
   * How many tokens its values of the keys a restart may leave packed take (registry.ts
   * isDeferrable; compact.ts deferredTokenCount); absent in manifests written before.
   */
  deferredTokens?: number;
}

export interface CachedArticle {
  /** Its shard's articles: it is article `index` there, and its body is body `index` of `shard`. */
  table: ArticleTable;
  /** The shard file its body is read from when needed (bodies.ts). */
  shard: ShardBodies;
  index: number;
  /** Null when the extraction code or data changed since the snapshot, or the article was not wanted. */
  extractions: [string, unknown][] | null;
}

export interface LoadedSnapshot {
  byHash: Map<string, CachedArticle>;
  byFile: Map<string, CachedArticle>;
  /** Segments usable with the running index code, with the content hashes they were built from. */
  segments: Map<string, { data: SegmentData; hashes: readonly string[] }>;
  /** The terms the segments number theirs by (null when there is no usable vocabulary file). */
  vocabulary: SnapshotVocabulary | null;
  /** Why parts of the snapshot could not be used, one line each. */
  reasons: string[];
  /** Per shard, the manifest's deferredTokens, for the next save to list again if it keeps the file. */
  deferredTokens: Map<string, number>;
}

export function shardFileName(key: string): string {
  return `shard-${key.replace(/[^A-Za-z0-9-]/g, "_")}.bin`;
}

/**
 * Extraction results are unpacked only for the articles `wanted` (those whose file is still in
 * the folder), and the values of the keys `deferred` accepts (if any) are left packed
 * (compact.ts's Deferred).
 * Between shards it takes a turn of the event loop whenever `pace` says so.
 * `knowledgeDir` is where a body the shard file can no longer give is read from (bodies.ts).
 */
export async function loadSnapshot(
  dir: string,
  knowledgeDir: string,
  versions: Versions,
  wanted: (file: string) => boolean,
  deferred: ((key: string) => boolean) | null,
  pace?: Pace,
): Promise<LoadedSnapshot> {
  const out: LoadedSnapshot = {
    byHash: new Map(),
    byFile: new Map(),
    segments: new Map(),
    vocabulary: null,
    reasons: [],
    deferredTokens: new Map(),
  };
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(join(dir, MANIFEST), "utf8")) as Manifest;
    if (!Array.isArray(manifest.shards)) throw new Error("no shard list");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    out.reasons.push(
      code === "ENOENT"
        ? "no snapshot yet"
        : `snapshot manifest unreadable (${(e as Error).message})`,
    );
    return out;
  }
  const vocabulary = readVocabulary(dir);
  if (typeof vocabulary === "string") out.reasons.push(vocabulary);
  else out.vocabulary = vocabulary;
  let bytes: Buffer | undefined;
  const indexFor = oneBlock(
    manifest.shards.map((s) => s.indexBytes),
    (bytes) => new Uint8Array(bytes),
    align,
  );
  const tokensFor = deferred
    ? oneBlock(
        manifest.shards.map((s) => s.deferredTokens),
        (length) => new Int32Array(length),
      )
    : undefined;
  const intern = interner();
  for (const { key, file, deferredTokens } of manifest.shards) {
    if (pace?.due()) await pace.turn();
    let shard: DecodedShard;
    let results: (ArticleResults | null)[] | null = null;
    let bodies: ShardBodies;
    try {
      // With the values cut from the bodies left packed, the bodies' bytes are not read now.
      const { read, ino } = readInto(join(dir, file), bytes, !deferred);
      bytes = read.bytes;
      shard = decodeShard(read, indexFor);
      if (shard.key !== key) throw new Error(`holds shard ${shard.key}`);
      const { articles } = shard;
      const stored = shard.bodies;
      articles.intern(intern);
      bodies = {
        path: join(dir, file),
        ino,
        size: read.length,
        at: stored.at,
        hashes: articles.hash,
        knowledgeDir,
      };
      const shardBodies = bodies;
      if (shard.versions.extract === versions.extract)
        results = unpackResults(
          shard.extractions,
          articles.length,
          (i) =>
            wanted(articles.file[i] as string) ? storedCutter(stored, i, shardBodies) : undefined,
          deferred ?? undefined,
          tokensFor,
        );
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const message = (e as Error).message;
      const why =
        e instanceof OtherFormatError
          ? `written in another file format (${message})`
          : `corrupt (${message})`;
      out.reasons.push(
        `shard ${key}: ${code === "ENOENT" ? "missing" : why}; rebuilt from the articles`,
      );
      continue;
    }
    const indexOk = shard.versions.index === versions.index && termsKnown(shard, out.vocabulary);
    if (shard.versions.index !== versions.index)
      out.reasons.push(`shard ${key}: index made by another version; rebuilt`);
    else if (!indexOk && out.vocabulary)
      out.reasons.push(`shard ${key}: index numbers its terms by another vocabulary; rebuilt`);
    if (!results)
      out.reasons.push(`shard ${key}: extractions made by another version; extracted again`);
    const table = shard.articles;
    for (let i = 0; i < table.length; i++) {
      const hash = table.hash[i] as string;
      const cached = { table, shard: bodies, index: i, extractions: results?.[i] ?? null };
      // Two files of the same content: keep the one whose results were unpacked.
      if (cached.extractions || !out.byHash.get(hash)?.extractions) out.byHash.set(hash, cached);
      out.byFile.set(table.file[i] as string, cached);
    }
    if (indexOk) out.segments.set(key, { data: shard.segment, hashes: table.hash });
    if (isCount(deferredTokens)) out.deferredTokens.set(key, deferredTokens);
  }
  return out;
}

/**
 * Memory for what a restart keeps of every shard (the index; the tokens of the values left
 * packed), taken from one block of the sizes the manifest lists, set aside before the first
 * shard is read. One array per shard is external memory, which V8 answers by marking the whole
 * heap every 64 MB of it: at 100,000 articles the indexes alone caused five full marks of a heap
 * growing to 415 MB, 1.25 s of a restart (issue 9). A request the block cannot meet (a manifest
 * without sizes, or with sizes too large to allocate, or a shard larger than listed) gets its
 * own array. The block stays whole while any piece of it is in use: a shard rebuilt after a
 * live change leaves its old index in it, so the index's memory can double at most.
 */
function oneBlock<T extends Uint8Array | Int32Array>(
  sizes: readonly unknown[],
  make: (length: number) => T,
  round: (length: number) => number = (length) => length,
): (length: number) => T {
  let total = 0;
  for (const size of sizes) {
    if (!isCount(size)) return make;
    total += round(size);
  }
  let block: T;
  try {
    block = make(total);
  } catch {
    return make; // sizes no memory can hold: every shard gets its own array
  }
  let at = 0;
  return (length) => {
    if (at + length > block.length) return make(length);
    const piece = block.subarray(at, at + length) as T;
    at = round(at + length);
    return piece;
  };
}

/** A size or count as a manifest written by this code lists it (older manifests lack some). */
function isCount(n: unknown): n is number {
  return Number.isSafeInteger(n) && (n as number) >= 0;
}

/** Whether the vocabulary read holds every term id the shard's index uses. */
function termsKnown(shard: DecodedShard, vocabulary: SnapshotVocabulary | null): boolean {
  return (
    vocabulary !== null &&
    shard.vocabulary.id === vocabulary.id &&
    shard.vocabulary.size <= vocabulary.terms.length
  );
}

/** The vocabulary file, or why it cannot be used (every shard's index is then rebuilt). */
function readVocabulary(dir: string): SnapshotVocabulary | string {
  try {
    const v = JSON.parse(readFileSync(join(dir, VOCABULARY), "utf8")) as SnapshotVocabulary;
    if (
      typeof v?.id !== "string" ||
      !Array.isArray(v.terms) ||
      v.terms.some((t) => typeof t !== "string")
    )
      throw new Error("no id or no term list");
    if (new Set(v.terms).size !== v.terms.length) throw new Error("a term listed twice");
    return v;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "missing" : `unreadable (${(e as Error).message})`;
    return `${VOCABULARY} ${why}: every shard's index rebuilt`;
  }
}

/** Writes the vocabulary file (before the shards that number their terms by it). */
export function writeVocabulary(dir: string, vocabulary: SnapshotVocabulary): void {
  writeAtomic(join(dir, VOCABULARY), Buffer.from(JSON.stringify(vocabulary)));
}

/**
 * One string for all equal ones: every shard decodes its own copy of each outlet and author,
 * which would all stay in memory. The extractions' strings (440,030 at 100,000 articles, 112,679
 * of them distinct) are not interned: that cost 0.47 s of a restart (median of five alternating
 * runs, 8.1 → 7.6 s) for 9 MB of heap (issue 9).
 */
function interner(): (s: string) => string {
  const seen = new Map<string, string>();
  return (s) => {
    const hit = seen.get(s);
    if (hit !== undefined) return hit;
    seen.set(s, s);
    return s;
  };
}

/**
 * Reads a shard file into `previous` when it fits (the whole buffer the bytes of the previous read
 * are a view on): all of it, or (`whole` false) up to its bodies' bytes, about half of it, which
 * a restart that leaves the values cut from them packed does not need (issue 9). A new buffer per
 * shard file was external memory V8 counts toward its next full collection: with 351 shards of
 * 100,000 articles, 14 collections of the growing heap took 3.5 s of a 7 s load.
 */
function readInto(
  path: string,
  previous: Buffer | undefined,
  whole: boolean,
): { read: ShardRead; ino: number } {
  const fd = openSync(path, "r");
  try {
    const { size, ino } = fstatSync(fd);
    const prelude = Buffer.alloc(SHARD_PRELUDE);
    const trailer = Buffer.alloc(SHARD_TRAILER);
    if (
      size < SHARD_PRELUDE + SHARD_TRAILER ||
      !readFully(fd, prelude, 0) ||
      !readFully(fd, trailer, size - SHARD_TRAILER)
    )
      throw new Error("truncated file");
    const { bodiesFrom } = shardPrelude(prelude);
    const length = whole || bodiesFrom > size ? size : bodiesFrom;
    // Its own memory, so offset 0 and aligned for typed views.
    const buffer =
      previous && previous.buffer.byteLength > length
        ? Buffer.from(previous.buffer)
        : Buffer.allocUnsafeSlow(Math.max(length + 1, 2 * (previous?.buffer.byteLength ?? 0)));
    const bytes = buffer.subarray(0, length);
    if (!readFully(fd, bytes, 0)) throw new Error("truncated file");
    return { read: { bytes, length: size, trailer }, ino };
  } finally {
    closeSync(fd);
  }
}

/** Writes one shard file; returns where its bodies are now (ShardBodies, with the size in bytes). */
export function writeShard(dir: string, knowledgeDir: string, shard: ShardFile): ShardBodies {
  const { bytes, bodies } = encodeShard(shard);
  const path = join(dir, shardFileName(shard.key));
  const ino = writeAtomic(path, bytes);
  const hashes = shard.articles.map((a) => a.hash);
  return { path, ino, size: bytes.length, at: bodies, hashes, knowledgeDir };
}

/** Writes the manifest, then removes shard files it no longer lists. */
export function writeManifest(dir: string, manifest: Manifest): void {
  writeAtomic(join(dir, MANIFEST), Buffer.from(JSON.stringify(manifest, null, 1)));
  const listed = new Set(manifest.shards.map((s) => s.file));
  for (const f of readdirSync(dir)) {
    if (f.startsWith("shard-") && f.endsWith(".bin") && !listed.has(f)) unlinkSync(join(dir, f));
  }
}

/** Returns the inode the file now has. */
export function writeAtomic(path: string, bytes: Uint8Array): number {
  mkdirSync(join(path, ".."), { recursive: true });
  const temp = `${path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  const fd = openSync(temp, "wx");
  let ino: number;
  try {
    for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
    fsyncSync(fd);
    ino = fstatSync(fd).ino;
  } finally {
    closeSync(fd);
  }
  renameSync(temp, path);
  return ino;
}
