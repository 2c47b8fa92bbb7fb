/** Small measuring helpers shared by the benchmark's phases. */

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] as number;
}

export interface Latency {
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  samples: number;
}

export function latency(samples: number[]): Latency {
  const s = [...samples].sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 100) / 100;
  return {
    p50Ms: r(percentile(s, 50)),
    p95Ms: r(percentile(s, 95)),
    p99Ms: r(percentile(s, 99)),
    maxMs: r(s.at(-1) ?? Number.NaN),
    samples: s.length,
  };
}

/** Runs `fn` once per query per round (a fixed interleaved order), after one unrecorded round. */
export function timeQueries(
  queries: string[],
  rounds: number,
  fn: (q: string) => unknown,
): { all: number[]; byQuery: Map<string, number[]> } {
  const byQuery = new Map<string, number[]>(queries.map((q) => [q, []]));
  const all: number[] = [];
  for (const q of queries) fn(q);
  for (let r = 0; r < rounds; r++) {
    // Rotate the order each round so no query always follows the same one.
    for (let i = 0; i < queries.length; i++) {
      const q = queries[(i + r) % queries.length] as string;
      const t = performance.now();
      fn(q);
      const ms = performance.now() - t;
      all.push(ms);
      byQuery.get(q)?.push(ms);
    }
  }
  return { all, byQuery };
}

export function ms(start: number): number {
  return Math.round(performance.now() - start);
}

/** Resident memory in MB now, with nothing collected first. */
function rssNowMB(): number {
  return Math.round(process.memoryUsage().rss / 1e6);
}

/**
 * Resident memory in MB after a full collection (children run with --expose-gc), once the pages
 * it freed are back with the system. Read at once, it still counts pages the collector is giving
 * back: at 100,000 articles one process read 1,730 MB right after the collection and 1,507 MB
 * 100 ms later, another 1,721 MB, then 1,698 MB at 100 ms and 1,492 MB at 400 ms (issue 9).
 * So it reads every 500 ms until two readings agree within 2 MB, for at most 5 s.
 */
export async function settledRssMB(): Promise<number> {
  (globalThis as { gc?: () => void }).gc?.();
  let last = rssNowMB();
  for (let waited = 0; waited < 5_000; waited += 500) {
    await new Promise((r) => setTimeout(r, 500));
    const now = rssNowMB();
    if (Math.abs(now - last) <= 2) return now;
    last = now;
  }
  return last;
}

/** Live JavaScript heap plus typed-array memory in MB after a full collection: what an index really holds. */
export function liveMB(): number {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return Math.round((m.heapUsed + m.arrayBuffers) / 1e6);
}

/** The most resident memory the process has held, in MB (`maxRSS` is in KiB). */
export function peakRssMB(): number {
  return Math.round((process.resourceUsage().maxRSS * 1024) / 1e6);
}
