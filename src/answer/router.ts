/**
 * `ask`: routes free text to the first intent that claims it; the search intent takes the rest.
 */
import type { Steps } from "../knowledge/steps.ts";
import type { AskContext, Intent } from "./intent.ts";
import { INTENTS } from "./intents/index.ts";
import type { Answer } from "./types.ts";

/** Removes a leading "/tariffs" and the bot's own mention, as Slack or a console user types it. */
export function cleanQuery(text: string): string {
  return text
    .replace(/^\s*\/tariffs\b/i, "")
    .replace(/<@[A-Z0-9]+>/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

export function ask(ctx: AskContext, raw: string): Answer {
  const { intent, m, text } = route(ctx, raw);
  return intent.answer(ctx, m, text);
}

/** The work `ask(ctx, raw)` will read that its intent can do in steps beforehand (Intent.prepare). */
export function* prepareInSteps(ctx: AskContext, raw: string): Steps<void> {
  const { intent, m } = route(ctx, raw);
  if (intent.prepare) yield* intent.prepare(ctx, m);
}

function route(ctx: AskContext, raw: string): { intent: Intent; m: unknown; text: string } {
  const text = cleanQuery(raw);
  for (const intent of INTENTS) {
    const m = intent.match(text, ctx);
    if (m !== null) return { intent, m, text };
  }
  throw new Error("no intent matched: the registry must end with a catch-all");
}
