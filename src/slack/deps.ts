/**
 * What every listener needs: the knowledge, a clock, and the record of events already
 * answered. Listeners reach the answer logic only through `answerFor`, so the Slack layer
 * renders whatever intents exist without knowing them.
 *
 * The knowledge arrives as a promise: `npm start` listens before a large archive has finished
 * loading (17–39 s at 100,000 articles in the benchmark), so a request sent meanwhile is
 * acknowledged at once and answered when the knowledge is ready, instead of failing in Slack
 * (issue 9).
 */

import type { webApi } from "@slack/bolt";
import { ask } from "../answer/router.ts";
import type { Answer } from "../answer/types.ts";
import { readyToAnswer } from "../answer/views/warm.ts";
import type { DigestService } from "../digest/service.ts";
import type { KnowledgeBase } from "../knowledge/base.ts";
import type { SeenEvents } from "./seen-events.ts";

export interface SlackDeps {
  /** The knowledge and the digest built on it, once loaded. */
  loaded: Promise<Loaded>;
  /** The same, or undefined while loading: for a reply that cannot wait (a form's 3 s). */
  loadedNow(): Loaded | undefined;
  /** "Now" for each question (tests pin it). */
  clock: () => Date;
  seen: SeenEvents;
  /**
   * The Web API client, holding the bot token. One workspace, one client: Bolt's per-team
   * clients would add a team_id parameter (for org-wide apps) to every call.
   */
  client: webApi.WebClient;
  /** Slack member IDs who may add articles (EDITOR_USER_IDS). */
  editors: ReadonlySet<string>;
}

export interface Loaded {
  kb: KnowledgeBase;
  /** The daily digest (`/tariffs digest …`); its scheduler is started by main.ts. */
  digest: DigestService;
}

/**
 * The answer to a question, once the knowledge is loaded and what the answer reads is computed,
 * in turns of the event loop: other requests are acknowledged meanwhile (issue 9).
 */
export async function answerFor(deps: SlackDeps, text: string): Promise<Answer> {
  const { kb } = await deps.loaded;
  const ctx = { kb, now: deps.clock() };
  await readyToAnswer(ctx, text);
  return ask(ctx, text);
}

/** What one listener file registered, in the manifest's own terms ("/tariffs", "message.im"). */
export interface Registration {
  kind: "command" | "event" | "action" | "shortcut" | "view";
  name: string;
}

/**
 * Lets pending I/O (the acknowledgement just written) go out before a long synchronous search
 * holds the event loop.
 */
export function yieldToIO(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
