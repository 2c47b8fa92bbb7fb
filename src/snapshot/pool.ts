/**
 * The work of a cold start on worker threads: extraction, dealt out in small jobs, and the
 * search shards' segments, one job per shard, to one worker per core. Each article's results
 * are seeded into the knowledge base, where the extractors then find them instead of computing
 * them again; the segments go to the search index as seeds. Building the segments here rather
 * than on the main thread after extraction keeps both cores busy for the whole cold start. The
 * packs the results came in are kept too, per article, for the save to write as they are.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { Article } from "../knowledge/article.ts";
import type { KnowledgeBase } from "../knowledge/base.ts";
import { type SegmentData, sameShape } from "../search/segment.ts";
import { cutterFor } from "./bodies.ts";
import { type PackedArticle, unpackResults } from "./compact.ts";
import type { PoolJob, PoolResult } from "./worker.ts";

const JOB_SIZE = 100;

/**
 * Workers start from TypeScript source like the rest of the app: a one-line bootstrap loads
 * tsx's import API and imports worker.ts through it (Node 20 does not apply --import loaders to
 * a worker's entry file).
 */
function startWorker(dir: string): Worker {
  const api = tsxImportApi();
  const entry = new URL("./worker.ts", import.meta.url).href;
  const boot = `import(${JSON.stringify(api)}).then((m) => m.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)}))`;
  return new Worker(boot, { eval: true, workerData: { dir } });
}

/** tsx's ESM import API, found through its package.json exports (require() would pick the CJS build). */
function tsxImportApi(): string {
  const manifest = createRequire(import.meta.url).resolve("tsx/package.json");
  const pkg = JSON.parse(readFileSync(manifest, "utf8"));
  return new URL(pkg.exports["./esm/api"].import.default, pathToFileURL(manifest)).href;
}

export interface ColdStart {
  /** The segments built, by shard key. */
  segments: Map<string, SegmentData>;
  /** Each article extracted, and where its results are in the pack they came in. */
  packs: Map<Article, PackedArticle>;
}

/**
 * Extracts `articles` and builds the segments of `shards` (key → its articles, in segment
 * order) on `threads` workers.
 */
export async function coldStartInWorkers(
  kb: KnowledgeBase,
  articles: Article[],
  shards: ReadonlyMap<string, Article[]>,
  threads: number,
): Promise<ColdStart> {
  const dir = kb.options.dir ?? ".";
  // The long segment jobs first, so that no worker starts one while the other sits idle at the end.
  const jobs: Omit<PoolJob, "job">[] = [...shards.values()]
    .sort((a, b) => b.length - a.length)
    .map((list) => ({ kind: "segment", articles: list }));
  for (let i = 0; i < articles.length; i += JOB_SIZE)
    jobs.push({ kind: "extract", articles: articles.slice(i, i + JOB_SIZE) });
  const keyOf = new Map([...shards].map(([key, list]) => [list, key]));
  const segments = new Map<string, SegmentData>();
  const packs = new Map<Article, PackedArticle>();
  const workers = Array.from({ length: Math.min(threads, jobs.length) }, () => startWorker(dir));
  let next = 0;
  try {
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            const send = () => {
              if (next >= jobs.length) return resolve();
              const job = next++;
              w.postMessage({ job, ...(jobs[job] as Omit<PoolJob, "job">) } satisfies PoolJob);
            };
            w.on("message", (r: PoolResult) => {
              if (r.error) return reject(new Error(`cold-start worker failed: ${r.error}`));
              const list = (jobs[r.job] as PoolJob).articles;
              if (r.segment) segments.set(keyOf.get(list) as string, sameShape(r.segment));
              if (r.values) {
                const results = unpackResults(r.values, list.length, (i) => {
                  const article = list[i];
                  return article === undefined ? undefined : cutterFor(article);
                });
                const packed = r.values;
                results.forEach((values, index) => {
                  const article = list[index] as Article;
                  if (!values) return;
                  for (const [key, value] of values) kb.seedPerArticle(key, article, value);
                  packs.set(article, { packed, index });
                });
              }
              send();
            });
            w.on("error", reject);
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return { segments, packs };
}
