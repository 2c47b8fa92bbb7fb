/**
 * Phase "reference": the engine before issue 9 (one MiniSearch index over every sentence,
 * bench/reference) against the sharded engine on the same corpus: build time, memory, search
 * latency, and whether their top passages are identical (the no-regression check).
 */
import { openKnowledge } from "../../src/knowledge/open.ts";
import { PassageIndex } from "../../src/search/index.ts";
import { QUESTIONS } from "../../test/helpers/questions.ts";
import { questionMix } from "../mix.ts";
import { ReferencePassageIndex } from "../reference/passage-index.ts";
import { latency, liveMB, ms, timeQueries } from "../stats.ts";

const TOP = 8;

export function referencePhase(dir: string, rounds: number) {
  const kb = openKnowledge(dir);
  const questions = [...new Set([...questionMix(kb).map((m) => m.text), ...QUESTIONS])];
  const base = liveMB();
  let t = performance.now();
  const reference = new ReferencePassageIndex(kb);
  const referenceBuildMs = ms(t);
  const referenceIndexMB = liveMB() - base;
  t = performance.now();
  const tuned = new PassageIndex(kb);
  tuned.shardList();
  const tunedBuildMs = ms(t);
  const tunedIndexMB = liveMB() - base - referenceIndexMB;

  const key = (h: { articleId: string; start: number }) => `${h.articleId}@${h.start}`;
  const differing = questions.filter(
    (q) =>
      reference.search(q, { limit: TOP }).map(key).join() !==
      tuned.search(q, { limit: TOP }).map(key).join(),
  );
  const ref = latency(
    timeQueries(questions, rounds, (q) => reference.search(q, { limit: TOP })).all,
  );
  const now = latency(timeQueries(questions, rounds, (q) => tuned.search(q, { limit: TOP })).all);
  return {
    articles: kb.size,
    parity: {
      questions: questions.length,
      identicalTop8: questions.length - differing.length,
      differing,
    },
    before: {
      buildMs: referenceBuildMs,
      indexMB: referenceIndexMB,
      p50Ms: ref.p50Ms,
      p99Ms: ref.p99Ms,
    },
    after: { buildMs: tunedBuildMs, indexMB: tunedIndexMB, p50Ms: now.p50Ms, p99Ms: now.p99Ms },
  };
}
