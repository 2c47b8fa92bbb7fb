/**
 * Every corpus-wide view a question may need, computed before the first question: the
 * extractions' views (src/extract/registry.ts) and the layouts the events and quotes intents
 * walk. What loads the knowledge passes one of the two below to openKnowledgeCached, which
 * stays below the answer layer: npm start and the benchmark's restart the one in turns.
 */
import { VIEWS } from "../../extract/registry.ts";
import type { KnowledgeBase } from "../../knowledge/base.ts";
import { type Pace, pace, runInTurns } from "../../knowledge/pace.ts";
import { runSteps, type Steps } from "../../knowledge/steps.ts";
import { searchIndex } from "../../search/index.ts";
import type { AskContext } from "../intent.ts";
import { prepareInSteps } from "../router.ts";
import { eventsViewInSteps } from "./events.ts";
import { quotesViewInSteps } from "./quotes.ts";

export const ANSWER_VIEWS: readonly ((kb: KnowledgeBase) => Steps<unknown>)[] = [
  ...VIEWS,
  eventsViewInSteps,
  quotesViewInSteps,
  searchIndexInSteps,
];

/** The search index with every change applied: after an edit, its shard is built again (0.27 s at 100,000). */
function* searchIndexInSteps(kb: KnowledgeBase): Steps<void> {
  const index = searchIndex(kb);
  while (!index.refreshStep()) yield;
}

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
  for (const view of ANSWER_VIEWS) if (!(await inTurns(kb, view(kb), turns))) return false;
  warmedAt.set(kb, version);
  return true;
}

/** Runs `steps` to the end, taking turns as `turns` says; false, having stopped, when the knowledge changed meanwhile. */
function inTurns(kb: KnowledgeBase, steps: Steps<unknown>, turns: Pace): Promise<boolean> {
  return runInTurns(untilChanged(kb, kb.version, steps), turns);
}

/** `steps`, stopped (false) before any step the knowledge is no longer at `version` for. */
function* untilChanged(kb: KnowledgeBase, version: number, steps: Steps<unknown>): Steps<boolean> {
  for (;;) {
    if (kb.version !== version) return false;
    if (steps.next().done) return true;
    yield;
  }
}

/** The knowledge version each knowledge base last had every answer view computed for, in turns. */
const warmedAt = new WeakMap<KnowledgeBase, number>();
/** The warming under way per knowledge base, which every question waiting for it shares. */
const warming = new WeakMap<KnowledgeBase, Promise<boolean>>();

/**
 * Resolves once every answer view is current: at once when a warming in turns made them for the
 * knowledge as it is, else after one (started here, or the one under way). Slack's listeners
 * wait on this before they answer. A question that found a view stale used to compute it in
 * one piece, and every other request waited behind it: the people directory after a live
 * change at 100,000 articles held the event loop 1.2–1.7 s, and about 5 s at the first change
 * after a restart (issue 9).
 */
export async function answerViewsReady(
  kb: KnowledgeBase,
  options: TurnOptions = {},
): Promise<void> {
  while (warmedAt.get(kb) !== kb.version) {
    let pending = warming.get(kb);
    if (!pending) {
      pending = warmAnswerViewsInTurns(kb, options).finally(() => warming.delete(kb));
      warming.set(kb, pending);
    }
    await pending;
  }
}

/**
 * Resolves once `question` can be answered from memory: the answer views current
 * (answerViewsReady), then what its intent reads beyond them (Intent.prepare: "who said …"
 * folds every quote the first time, seconds at 100,000 articles), in turns.
 */
export async function readyToAnswer(
  ctx: AskContext,
  question: string,
  { budgetMs = 50 }: TurnOptions = {},
): Promise<void> {
  do await answerViewsReady(ctx.kb, { budgetMs });
  while (!(await inTurns(ctx.kb, prepareInSteps(ctx, question), pace(budgetMs))));
}
