/**
 * Every corpus-wide view a question may need, computed before the first question: the
 * extractions' views (src/extract/registry.ts) and the layouts the events and quotes intents
 * walk. What loads the knowledge passes one of the two below to openKnowledgeCached, which
 * stays below the answer layer: npm start and the benchmark's restart the one in turns.
 */
import { VIEWS } from "../../extract/registry.ts";
import type { KnowledgeBase } from "../../knowledge/base.ts";
import { pace } from "../../knowledge/pace.ts";
import { runSteps, type Steps } from "../../knowledge/steps.ts";
import { eventsViewInSteps } from "./events.ts";
import { quotesViewInSteps } from "./quotes.ts";

export const ANSWER_VIEWS: readonly ((kb: KnowledgeBase) => Steps<unknown>)[] = [
  ...VIEWS,
  eventsViewInSteps,
  quotesViewInSteps,
];

export function warmAnswerViews(kb: KnowledgeBase): void {
  for (const view of ANSWER_VIEWS) runSteps(view(kb));
}

export interface TurnOptions {
  /** Work done before letting the event loop in, in ms (0: after every step). Default 50. */
  budgetMs?: number;
}

/**
 * The same after a live change, in steps across turns of the event loop: a request that
 * arrives meanwhile (a slash command to acknowledge within Slack's 3 s) waits for about one
 * budget of work, not for a whole view (at 100,000 articles the people directory alone took
 * 3.2–6.9 s).
 * Returns false, having stopped, when the knowledge changed again before it was done.
 */
export async function warmAnswerViewsInTurns(
  kb: KnowledgeBase,
  { budgetMs = 50 }: TurnOptions = {},
): Promise<boolean> {
  const version = kb.version;
  const turns = pace(budgetMs);
  for (const view of ANSWER_VIEWS) {
    const steps = view(kb);
    for (;;) {
      if (turns.due()) {
        await turns.turn();
        if (kb.version !== version) return false;
      }
      if (steps.next().done) break;
    }
  }
  return true;
}
