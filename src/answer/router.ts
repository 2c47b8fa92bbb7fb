/**
 * `ask`: routes free text to the first intent that claims it; the search intent takes the rest.
 */
import type { AskContext } from "./intent.ts";
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
  const text = cleanQuery(raw);
  for (const intent of INTENTS) {
    const m = intent.match(text, ctx);
    if (m !== null) return intent.answer(ctx, m, text);
  }
  throw new Error("no intent matched: the registry must end with a catch-all");
}
