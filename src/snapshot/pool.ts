/**
 * Extraction on worker threads for a cold start: the articles are dealt out in small jobs to one
 * worker per core, and each article's results are seeded into the knowledge base, where the
 * extractors then find them instead of computing them again.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { Article } from "../knowledge/article.ts";
import type { KnowledgeBase } from "../knowledge/base.ts";
import type { ExtractJob, ExtractResult } from "./worker.ts";

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

export async function extractInWorkers(
  kb: KnowledgeBase,
  articles: Article[],
  threads: number,
): Promise<void> {
  const dir = kb.options.dir ?? ".";
  const jobs: Article[][] = [];
  for (let i = 0; i < articles.length; i += JOB_SIZE) jobs.push(articles.slice(i, i + JOB_SIZE));
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
              w.postMessage({ job, articles: jobs[job] as Article[] } satisfies ExtractJob);
            };
            w.on("message", (r: ExtractResult) => {
              if (r.error || !r.values)
                return reject(new Error(`extraction worker failed: ${r.error}`));
              const list = jobs[r.job] as Article[];
              r.values.forEach((values, i) => {
                for (const [key, value] of values)
                  kb.seedPerArticle(key, list[i] as Article, value);
              });
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
}
