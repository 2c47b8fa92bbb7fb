/**
 * Recomputing the corpus-wide views after a live change (main.ts) happens one view per turn of
 * the event loop, so a Slack request arriving meanwhile is handled between two views.
 */
import { describe, expect, it } from "vitest";
import { ask } from "../../src/answer/router.ts";
import { ANSWER_VIEWS, warmAnswerViewsInTurns } from "../../src/answer/views/warm.ts";
import type { KnowledgeBase } from "../../src/knowledge/base.ts";
import { openKnowledge } from "../../src/knowledge/open.ts";
import { BUNDLED } from "../helpers/knowledge.ts";

const NOW = new Date("2025-10-06T12:00:00Z");
const QUESTIONS = ["steel", "upcoming meetings", "what did Carney say", "who said reset"];

function answers(kb: KnowledgeBase): string[] {
  return QUESTIONS.map((q) => JSON.stringify(ask({ kb, now: NOW }, q)));
}

/** Counts turns of the event loop until stopped: each is a moment a request could be served. */
function turnCounter(): { stop(): number } {
  let turns = 0;
  let running = true;
  const tick = () => {
    if (!running) return;
    turns++;
    setImmediate(tick);
  };
  setImmediate(tick);
  return {
    stop: () => {
      running = false;
      return turns;
    },
  };
}

describe("views recomputed after a change", () => {
  it("are computed one per turn of the event loop, the answers as a fresh load's", async () => {
    const kb = openKnowledge(BUNDLED);
    const first = kb.articles()[0];
    if (!first) throw new Error("no bundled article");
    kb.upsert({ ...first, headline: `${first.headline} (updated)` });
    const counter = turnCounter();
    expect(await warmAnswerViewsInTurns(kb)).toBe(true);
    expect(counter.stop()).toBeGreaterThanOrEqual(ANSWER_VIEWS.length - 1);
    const fresh = openKnowledge(BUNDLED);
    fresh.upsert({ ...first, headline: `${first.headline} (updated)` });
    expect(answers(kb)).toEqual(answers(fresh));
  });

  it("stop when the knowledge changes again before they are done", async () => {
    const kb = openKnowledge(BUNDLED);
    const first = kb.articles()[0];
    if (!first) throw new Error("no bundled article");
    const pending = warmAnswerViewsInTurns(kb);
    kb.upsert({ ...first, headline: `${first.headline} (corrected)` });
    expect(await pending).toBe(false);
  });
});
