/**
 * A worker thread's side of the cold-start pool. An extraction job runs every registered
 * extractor on its articles, in a knowledge base of just those articles, and posts back each
 * article's memoized per-article values, packed (compact.ts: typed arrays and two string tables,
 * which structured cloning copies in one piece; a quote's speaker comes back as one of its
 * article's entities).
 * A segment job builds one search shard's packed index from its articles, in the order given.
 */
import { parentPort, workerData } from "node:worker_threads";
import { EXTRACTORS, keptKeys, resultsToKeep } from "../extract/registry.ts";
import type { Article } from "../knowledge/article.ts";
import { KnowledgeBase } from "../knowledge/base.ts";
import { analyzeArticle, Normalizer } from "../search/analyze.ts";
import { buildSegment, type SegmentData } from "../search/segment.ts";
import { loadSynonyms } from "../search/synonyms.ts";
import { type PackedResults, packResults } from "./compact.ts";

export interface PoolJob {
  job: number;
  kind: "extract" | "segment";
  articles: Article[];
}

export interface PoolResult {
  job: number;
  /** Extraction: per article of the job, in order, its per-article values by key, packed. */
  values?: PackedResults;
  /** Segment: the shard's index. */
  segment?: SegmentData;
  error?: string;
}

const { dir } = workerData as { dir: string };
const synonyms = loadSynonyms(dir).map;
const normalizer = new Normalizer(synonyms);

parentPort?.on("message", ({ job, kind, articles }: PoolJob) => {
  try {
    if (kind === "segment") {
      const segment = buildSegment(
        articles,
        articles.map((a) => analyzeArticle(a, normalizer)),
      );
      parentPort?.postMessage({ job, segment } satisfies PoolResult);
      return;
    }
    const kb = new KnowledgeBase(articles, [], { dir, synonyms });
    for (const e of EXTRACTORS) e.run(kb, articles);
    const keys = keptKeys(kb);
    const values = packResults(
      articles.map((a) => resultsToKeep(kb, a, keys)),
      articles.map((a) => a.body),
    );
    parentPort?.postMessage({ job, values } satisfies PoolResult);
  } catch (e) {
    parentPort?.postMessage({
      job,
      error: (e as Error).stack ?? String(e),
    } satisfies PoolResult);
  }
});
