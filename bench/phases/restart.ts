/**
 * Phase "restart": start from the snapshot the ingest phase wrote (nothing changed), then answer
 * the question mix through `ask`, every intent included, round after round.
 */

import { monitorEventLoopDelay } from "node:perf_hooks";
import { ask } from "../../src/answer/router.ts";
import { warmAnswerViewsInTurns } from "../../src/answer/views/warm.ts";
import { openKnowledgeCached } from "../../src/snapshot/open.ts";
import { questionMix } from "../mix.ts";
import { latency, ms, peakRssMB, settledRssMB, timeQueries } from "../stats.ts";

export async function restartPhase(dir: string, cacheDir: string, rounds: number, now: Date) {
  // As npm start loads: paced, views in turns. The longest delay of a 10 ms timer meanwhile is
  // how long a Slack request arriving during the restart could wait for its acknowledgement.
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const t = performance.now();
  const { kb, stats } = await openKnowledgeCached(dir, {
    cacheDir,
    views: warmAnswerViewsInTurns,
    workers: 0,
  });
  const restartMs = ms(t);
  delay.disable();
  const restartLongestBlockMs = Math.round(delay.max / 1e6);
  const mix = questionMix(kb);
  const texts = mix.map((m) => m.text);
  const first = performance.now();
  const firstAnswer = ask({ kb, now }, texts[0] as string);
  const firstAskMs = ms(first);
  const answered = texts.filter((q) => ask({ kb, now }, q).items.length > 0).length;
  const { all, byQuery } = timeQueries(texts, rounds, (q) => ask({ kb, now }, q));
  const perKind: Record<string, number> = {};
  for (const m of mix) {
    const l = latency(byQuery.get(m.text) ?? []);
    perKind[m.kind] = Math.max(perKind[m.kind] ?? 0, l.p99Ms);
  }
  // Peak first: the collection settledRssMB starts with can itself raise it. The knowledge is
  // read after, so it is still held while memory is measured.
  const peak = peakRssMB();
  const rssMB = await settledRssMB();
  return {
    articles: kb.size,
    restartMs,
    extractedOnRestart: stats.extracted,
    shardsBuiltOnRestart: stats.shardsBuilt,
    /** "kept": the people directory, merged events and ordered facts came from the snapshot. */
    viewsOnRestart: stats.views,
    deferredOnRestart: stats.deferred,
    restartTimings: stats.timings,
    restartLongestBlockMs,
    firstAskMs,
    firstAnswerItems: firstAnswer.items.length,
    answered: `${answered}/${texts.length}`,
    ask: latency(all),
    p99ByKind: perKind,
    rssMB,
    peakRssMB: peak,
  };
}
