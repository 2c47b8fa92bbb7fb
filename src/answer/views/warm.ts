/**
 * Every corpus-wide view a question may need, computed before the first question: the
 * extractions' views (src/extract/registry.ts) and the layouts the events and quotes intents
 * walk. What loads the knowledge (npm start, the benchmark) passes this to
 * openKnowledgeCached, which stays below the answer layer.
 */
import { warmViews } from "../../extract/registry.ts";
import type { KnowledgeBase } from "../../knowledge/base.ts";
import { eventsView } from "./events.ts";
import { quotesView } from "./quotes.ts";

export function warmAnswerViews(kb: KnowledgeBase): void {
  warmViews(kb);
  eventsView(kb);
  quotesView(kb);
}
