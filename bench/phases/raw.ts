/**
 * Phase "raw": plain MiniSearch with its default options over every sentence of the same corpus,
 * the baseline every figure is a ratio to: build, memory, one-file JSON snapshot, and the same
 * question texts through its default search.
 */
import MiniSearch from "minisearch";
import { openKnowledge } from "../../src/knowledge/open.ts";
import { sentences } from "../../src/text/passages.ts";
import { questionMix } from "../mix.ts";
import { latency, liveMB, ms, settledRssMB, timeQueries } from "../stats.ts";

export async function rawPhase(dir: string, rounds: number) {
  const kb = openKnowledge(dir);
  const texts = questionMix(kb).map((m) => m.text);
  const base = liveMB();
  let t = performance.now();
  const mini = new MiniSearch<{ id: string; text: string }>({ fields: ["text"] });
  for (const a of kb.articles()) {
    mini.addAll(
      sentences(a.body).map((s) => ({
        id: `${a.id}#${s.start}`,
        text: a.body.slice(s.start, s.end),
      })),
    );
  }
  const buildMs = ms(t);
  const indexMB = liveMB() - base;
  const rssMB = await settledRssMB();
  const { all } = timeQueries(texts, rounds, (q) => mini.search(q));
  let snapshotMB: number | string;
  let loadJsonMs: number | string;
  try {
    t = performance.now();
    const json = JSON.stringify(mini);
    snapshotMB = Math.round(json.length / 1e5) / 10;
    t = performance.now();
    MiniSearch.loadJSON(json, { fields: ["text"] });
    loadJsonMs = ms(t);
  } catch (e) {
    // At archive scale one JSON string passes V8's ~512 MiB limit: that is the finding.
    snapshotMB = `fails: ${(e as Error).message}`;
    loadJsonMs = "n/a";
  }
  const l = latency(all);
  return {
    articles: kb.size,
    buildMs,
    rssMB,
    indexMB,
    snapshotMB,
    loadJsonMs,
    p50Ms: l.p50Ms,
    p95Ms: l.p95Ms,
    p99Ms: l.p99Ms,
  };
}
