/**
 * The work of a cold start on worker threads: extraction, dealt out in small jobs, and the
 * search shards' segments, one job per shard, to one worker per core. Extraction jobs are sent
 * while the folder is still being read, as soon as enough articles need it, so that reading
 * and parsing 100,000 files (about 10 s, issue 9) and the workers' own start overlap the
 * extraction instead of preceding it. Each article's results are seeded into the knowledge
 * base, where the extractors then find them instead of computing them again; the segments go
 * to the search index as seeds. Building the segments here rather than on the main thread
 * after extraction keeps both cores busy for the whole cold start. The packs the results came
 * in are kept too, per article, for the save to write as they are.
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

type Job = Omit<PoolJob, "job">;

/**
 * A pool fed while the folder is read: `add` each article that will need extraction; once
 * `threshold` have been added the workers start and take jobs as they fill. If they started,
 * `finish` then extracts the rest, builds the segments, seeds the results and stops the
 * workers; if not (too few articles, or no threads), the caller extracts on its own thread.
 * `close` must follow whatever happened, so that no worker outlives a load that failed.
 */
export class ColdStartPool {
  private readonly jobs: Job[] = [];
  private next = 0;
  private pending: Article[] = [];
  private readonly added = new Set<Article>();
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private running = 0;
  private readonly results = new Map<Article, [string, unknown][]>();
  private readonly packs = new Map<Article, PackedArticle>();
  private readonly segments = new Map<Article[], SegmentData>();
  private failure: Error | null = null;
  private closing = false;
  private settle: (() => void) | null = null;

  constructor(
    private readonly dir: string,
    private readonly threads: number,
    private readonly threshold: number,
  ) {}

  get started(): boolean {
    return this.workers.length > 0;
  }

  /** Queues an article for extraction (sent in jobs of JOB_SIZE once the workers have started). */
  add(article: Article): void {
    if (this.threads <= 0) return;
    this.added.add(article);
    this.pending.push(article);
    if (!this.started && this.added.size >= this.threshold) this.start();
    if (this.started && this.pending.length >= JOB_SIZE) this.flush();
  }

  /**
   * Extracts whatever of `articles` is not sent yet and builds the segments of `shards` (key →
   * its articles, in segment order), then seeds each article's results into `kb`. Articles added
   * but not in `articles` (a duplicate id dropped after the read) are extracted for nothing and
   * left out.
   */
  async finish(
    kb: KnowledgeBase,
    articles: readonly Article[],
    shards: ReadonlyMap<string, Article[]>,
  ): Promise<ColdStart> {
    if (!this.started) throw new Error("cold-start pool: finish called before the workers started");
    for (const a of articles) if (!this.added.has(a)) this.pending.push(a);
    this.flush();
    // The long segment jobs first among those left, so no worker starts one while the other sits idle at the end.
    for (const list of [...shards.values()].sort((a, b) => b.length - a.length))
      this.queue({ kind: "segment", articles: list });
    await new Promise<void>((resolve) => {
      this.settle = resolve;
      this.check();
    });
    // Their memory is not held through the views and the save.
    await this.close();
    if (this.failure) throw this.failure;
    const packs = new Map<Article, PackedArticle>();
    for (const a of articles) {
      const values = this.results.get(a);
      if (!values) throw new Error(`cold-start pool: no results for ${a.file}`);
      for (const [key, value] of values) kb.seedPerArticle(key, a, value);
      packs.set(a, this.packs.get(a) as PackedArticle);
    }
    const segments = new Map<string, SegmentData>();
    for (const [key, list] of shards) {
      const segment = this.segments.get(list);
      if (segment) segments.set(key, segment);
    }
    // Handed over: the load holds the pool until it returns.
    this.results.clear();
    this.packs.clear();
    this.segments.clear();
    return { segments, packs };
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private start(): void {
    for (let i = 0; i < this.threads; i++) {
      const w = startWorker(this.dir);
      this.workers.push(w);
      w.on("message", (r: PoolResult) => this.received(w, r));
      w.on("error", (e) => this.fail(e));
      // A worker gone without an error (killed, or exiting by itself) would leave finish waiting.
      w.on("exit", (code) => {
        if (!this.closing) this.fail(new Error(`cold-start worker exited (code ${code})`));
      });
      this.idle.push(w);
    }
  }

  private flush(): void {
    for (let i = 0; i < this.pending.length; i += JOB_SIZE)
      this.queue({ kind: "extract", articles: this.pending.slice(i, i + JOB_SIZE) });
    this.pending = [];
  }

  private queue(job: Job): void {
    this.jobs.push(job);
    this.dispatch();
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.next < this.jobs.length && !this.failure) {
      const w = this.idle.pop() as Worker;
      const job = this.next++;
      this.running++;
      try {
        w.postMessage({ job, ...(this.jobs[job] as Job) } satisfies PoolJob);
      } catch (e) {
        // An article that cannot be copied (a body that cannot be read): the load fails, saying why.
        this.running--;
        this.idle.push(w);
        this.fail(e as Error);
      }
    }
  }

  private received(w: Worker, r: PoolResult): void {
    this.running--;
    this.idle.push(w);
    if (r.error) {
      this.fail(new Error(`cold-start worker failed: ${r.error}`));
      return;
    }
    const list = (this.jobs[r.job] as Job).articles;
    if (r.segment) this.segments.set(list, sameShape(r.segment));
    if (r.values) {
      const packed = r.values;
      const results = unpackResults(packed, list.length, (i) => {
        const article = list[i];
        return article === undefined ? undefined : cutterFor(article);
      });
      results.forEach((values, index) => {
        const article = list[index] as Article;
        if (!values) return;
        this.results.set(article, values);
        this.packs.set(article, { packed, index });
      });
    }
    this.dispatch();
    this.check();
  }

  private fail(e: Error): void {
    this.failure ??= e;
    this.check();
  }

  /** Settles `finish` once every job is done, or at the first failure. */
  private check(): void {
    if (!this.settle) return;
    if (this.failure || (this.next >= this.jobs.length && this.running === 0)) {
      this.settle();
      this.settle = null;
    }
  }
}
