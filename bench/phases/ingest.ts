/**
 * Phase "ingest": a cold start with an empty cache folder, as a new installation or a wiped
 * cache does it: read, parse, extract on the worker threads, index, write the snapshot.
 */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { warmAnswerViews } from "../../src/answer/views/warm.ts";
import { openKnowledgeCached } from "../../src/snapshot/open.ts";
import { ms, peakRssMB, settledRssMB } from "../stats.ts";

export async function ingestPhase(dir: string, cacheDir: string, workers: number) {
  const t = performance.now();
  const { kb, stats } = await openKnowledgeCached(dir, {
    cacheDir,
    views: warmAnswerViews,
    workers,
  });
  const coldIngestMs = ms(t);
  const files = readdirSync(cacheDir).map((f) => statSync(join(cacheDir, f)).size);
  const largest = Math.max(...files);
  // Measured before the knowledge is read below, so it is still held.
  const peak = peakRssMB();
  const rssMB = await settledRssMB();
  return {
    articles: kb.size,
    coldIngestMs,
    workers,
    extracted: stats.extracted,
    shards: stats.shardsBuilt + stats.shardsLoaded,
    snapshotMB: round(files.reduce((s, n) => s + n, 0) / 1e6),
    largestShardMB: round(largest / 1e6),
    rssMB,
    peakRssMB: peak,
  };
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}
