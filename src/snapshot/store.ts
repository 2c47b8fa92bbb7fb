/**
 * The snapshot folder: one file per shard plus a manifest listing them. Files are written
 * temp-then-rename, the manifest last, so a crash leaves the previous snapshot or the new one.
 * Reading never throws: a shard that is missing, damaged or made by other code is skipped with
 * a reason, and its articles are read, indexed and extracted again from the knowledge folder.
 */
import { randomBytes } from "node:crypto";
import {
  closeSync,
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
import { type ArticleResults, unpackResults } from "./compact.ts";
import {
  decodeShard,
  encodeShard,
  OtherFormatError,
  type ShardArticle,
  type ShardFile,
} from "./format.ts";
import type { Versions } from "./version.ts";

const MANIFEST = "snapshot.json";

export interface Manifest {
  versions: Versions;
  shards: { key: string; file: string; articles: number }[];
}

export interface CachedArticle {
  entry: ShardArticle;
  /** Null when the extraction code or data changed since the snapshot. */
  extractions: [string, unknown][] | null;
}

export interface LoadedSnapshot {
  byHash: Map<string, CachedArticle>;
  /** Segments usable with the running index code, with the content hashes they were built from. */
  segments: Map<string, { data: SegmentData; hashes: string[] }>;
  /** Why parts of the snapshot could not be used, one line each. */
  reasons: string[];
}

export function shardFileName(key: string): string {
  return `shard-${key.replace(/[^A-Za-z0-9-]/g, "_")}.bin`;
}

/**
 * `bodyOf` gives an article's body as the folder holds it now, or undefined when its file is
 * gone: extraction results are unpacked against it (compact.ts), and only those of articles
 * still in the folder. Between shards it takes a turn of the event loop whenever `pace` says so.
 */
export async function loadSnapshot(
  dir: string,
  versions: Versions,
  bodyOf: (entry: ShardArticle) => string | undefined,
  pace?: Pace,
): Promise<LoadedSnapshot> {
  const out: LoadedSnapshot = { byHash: new Map(), segments: new Map(), reasons: [] };
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
  for (const { key, file } of manifest.shards) {
    if (pace?.due()) await pace.turn();
    let shard: ShardFile;
    let results: (ArticleResults | null)[] | null = null;
    try {
      shard = decodeShard(readFileSync(join(dir, file)));
      if (shard.key !== key) throw new Error(`holds shard ${shard.key}`);
      const { articles } = shard;
      if (shard.versions.extract === versions.extract)
        results = unpackResults(shard.extractions, articles.length, (i) =>
          bodyOf(articles[i] as ShardArticle),
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
    const indexOk = shard.versions.index === versions.index;
    if (!indexOk) out.reasons.push(`shard ${key}: index made by another version; rebuilt`);
    if (!results)
      out.reasons.push(`shard ${key}: extractions made by another version; extracted again`);
    shard.articles.forEach((entry, i) => {
      out.byHash.set(entry.hash, { entry, extractions: results?.[i] ?? null });
    });
    if (indexOk)
      out.segments.set(key, { data: shard.segment, hashes: shard.articles.map((a) => a.hash) });
  }
  return out;
}

/** Writes one shard file; returns its size in bytes. */
export function writeShard(dir: string, shard: ShardFile): number {
  const bytes = encodeShard(shard);
  writeAtomic(join(dir, shardFileName(shard.key)), bytes);
  return bytes.length;
}

/** Writes the manifest, then removes shard files it no longer lists. */
export function writeManifest(dir: string, manifest: Manifest): void {
  writeAtomic(join(dir, MANIFEST), Buffer.from(JSON.stringify(manifest, null, 1)));
  const listed = new Set(manifest.shards.map((s) => s.file));
  for (const f of readdirSync(dir)) {
    if (f.startsWith("shard-") && f.endsWith(".bin") && !listed.has(f)) unlinkSync(join(dir, f));
  }
}

function writeAtomic(path: string, bytes: Uint8Array): void {
  mkdirSync(join(path, ".."), { recursive: true });
  const temp = `${path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  const fd = openSync(temp, "wx");
  try {
    for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, path);
}
