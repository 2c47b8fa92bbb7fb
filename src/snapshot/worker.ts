/**
 * A worker thread's side of the extraction pool: it runs every registered extractor on the
 * articles it is sent, in a knowledge base of just those articles, and posts back each
 * article's memoized per-article values. Structured cloning keeps Maps and shared references
 * (a quote's speaker is one of the article's entities) intact on the way back.
 */
import { parentPort, workerData } from "node:worker_threads";
import { EXTRACTORS } from "../extract/registry.ts";
import type { Article } from "../knowledge/article.ts";
import { KnowledgeBase } from "../knowledge/base.ts";
import { loadSynonyms } from "../search/synonyms.ts";

export interface ExtractJob {
  job: number;
  articles: Article[];
}

export interface ExtractResult {
  job: number;
  /** Per article of the job, in order: its per-article values by key. */
  values?: [string, unknown][][];
  error?: string;
}

const { dir } = workerData as { dir: string };
const synonyms = loadSynonyms(dir).map;

parentPort?.on("message", ({ job, articles }: ExtractJob) => {
  try {
    const kb = new KnowledgeBase(articles, [], { dir, synonyms });
    for (const e of EXTRACTORS) e.run(kb, articles);
    const values = articles.map((a) => kb.perArticleValues(a));
    parentPort?.postMessage({ job, values } satisfies ExtractResult);
  } catch (e) {
    parentPort?.postMessage({
      job,
      error: (e as Error).stack ?? String(e),
    } satisfies ExtractResult);
  }
});
