/**
 * Phase "load": read and parse the folder, build the search index (no snapshot), and measure
 * extraction throughput per extractor on one thread over a spread-out sample of the articles.
 */
import { EXTRACTORS } from "../../src/extract/registry.ts";
import { KnowledgeBase } from "../../src/knowledge/base.ts";
import { openKnowledge } from "../../src/knowledge/open.ts";
import { searchIndex } from "../../src/search/index.ts";
import { liveMB, ms, peakRssMB, settledRssMB } from "../stats.ts";

const SAMPLE = 200;

export async function loadPhase(dir: string) {
  let t = performance.now();
  const kb = openKnowledge(dir);
  const parseMs = ms(t);
  const knowledgeMB = liveMB();
  t = performance.now();
  const shards = searchIndex(kb).shardList().length;
  const indexMs = ms(t);
  const indexMB = liveMB() - knowledgeMB;
  const rssMB = await settledRssMB();

  const all = kb.articles();
  const step = Math.max(1, Math.floor(all.length / SAMPLE));
  const sample = all.filter((_, i) => i % step === 0).slice(0, SAMPLE);
  // One untimed pass in a throwaway knowledge base first, so the figures are not start-up costs.
  const warm = new KnowledgeBase(sample.slice(0, 20), [], kb.options);
  for (const e of EXTRACTORS) e.run(warm, warm.articles());
  const fresh = new KnowledgeBase(sample, [], kb.options);
  const extractors: Record<string, number> = {};
  let total = 0;
  for (const e of EXTRACTORS) {
    t = performance.now();
    e.run(fresh, sample);
    const secs = (performance.now() - t) / 1000;
    total += secs;
    extractors[e.name] = Math.round(sample.length / secs);
  }
  return {
    articles: kb.size,
    parseMs,
    indexMs,
    loadMs: parseMs + indexMs,
    shards,
    indexMB,
    rssMB,
    peakRssMB: peakRssMB(),
    extractSample: sample.length,
    extractors,
    extractPerSec: Math.round(sample.length / total),
  };
}
