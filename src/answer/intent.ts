/**
 * How a capability plugs into `ask`: an Intent recognizes the questions it answers and turns
 * them into an Answer. The router (router.ts) tries intents in the order of the registry
 * (intents/index.ts); later issues add an intent there without touching any front end.
 */
import type { KnowledgeBase } from "../knowledge/base.ts";
import type { Steps } from "../knowledge/steps.ts";
import type { Answer } from "./types.ts";

export interface AskContext {
  kb: KnowledgeBase;
  /** The clock for anything relative to today (the CLI's --now). */
  now: Date;
}

export interface Intent<M = unknown> {
  name: string;
  /** One line per example for `help` ("steel — tariff status for a sector"). */
  help: string[];
  /**
   * Returns what the question asks for (a topic, a name, a sector) when this intent answers it,
   * or null to let the next intent try. `text` is trimmed, with any leading "/tariffs" removed.
   * The context is given so an intent can look up its vocabulary (sectors, people).
   */
  match(text: string, ctx: AskContext): M | null;
  answer(ctx: AskContext, match: M, query: string): Answer;
  /**
   * Shared work the answer will read beyond the answer views, in steps: Slack's listeners run
   * it in turns of the event loop first (`readyToAnswer`, src/answer/views/warm.ts), so that
   * other requests are acknowledged meanwhile. Without it, `answer` does the same work in one
   * piece.
   */
  prepare?(ctx: AskContext, match: M): Steps<unknown>;
}
