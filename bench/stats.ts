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

/** Resident memory in MB after a full collection (children run with --expose-gc). */
export function steadyRssMB(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return Math.round(process.memoryUsage().rss / 1e6);
}

/** Live JavaScript heap plus typed-array memory in MB after a full collection: what an index really holds. */
export function liveMB(): number {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return Math.round((m.heapUsed + m.arrayBuffers) / 1e6);
}

export function peakRssMB(): number {
  return Math.round(process.resourceUsage().maxRSS / 1e3);
}
