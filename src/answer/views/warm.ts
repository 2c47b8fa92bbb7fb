/**
 * Every corpus-wide view a question may need, computed before the first question: the
 * extractions' views (src/extract/registry.ts) and the layouts the events and quotes intents
 * walk. What loads the knowledge (npm start, the benchmark) passes `warmAnswerViews` to
 * openKnowledgeCached, which stays below the answer layer.
 */
import { VIEWS } from "../../extract/registry.ts";
import type { KnowledgeBase } from "../../knowledge/base.ts";
import { eventsView } from "./events.ts";
import { quotesView } from "./quotes.ts";

export const ANSWER_VIEWS: readonly ((kb: KnowledgeBase) => void)[] = [
  ...VIEWS,
  eventsView,
  quotesView,
];

export function warmAnswerViews(kb: KnowledgeBase): void {
  for (const view of ANSWER_VIEWS) view(kb);
}

/**
 * The same after a live change, one view per turn of the event loop: a request that arrives
 * meanwhile (a slash command to acknowledge within Slack's 3 s) waits for one view at most, not
 * for all of them (at 100,000 articles, 8.4–10 s together after a change; the longest, the
 * people directory, 3.4–4.7 s).
 * Returns false, having stopped, when the knowledge changed again before it was done.
 */
export async function warmAnswerViewsInTurns(kb: KnowledgeBase): Promise<boolean> {
  const version = kb.version;
  for (const view of ANSWER_VIEWS) {
    await new Promise((resolve) => setImmediate(resolve));
    if (kb.version !== version) return false;
    view(kb);
  }
  return true;
}
