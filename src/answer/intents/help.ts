/** `help`: what the bot can be asked, gathered from every registered intent's own help lines. */
import type { KnowledgeBase } from "../../knowledge/base.ts";
import { makeAnswer } from "../freshness.ts";
import type { Intent } from "../intent.ts";
import type { Answer } from "../types.ts";
import { INTENTS } from "./index.ts";

export const helpIntent: Intent<true> = {
  name: "help",
  help: ["help — this list"],
  match: (text) => (/^(help|commands|\?)$/i.test(text) ? true : null),
  answer: (ctx, _m, query) => helpAnswer(ctx.kb, query),
};

export function helpAnswer(kb: KnowledgeBase, query: string): Answer {
  const lines = INTENTS.flatMap((i) => i.help).map((l) => `• ${l}`);
  return makeAnswer(kb, query, "help", [], {
    title: "Tariff Desk answers from the newsroom's own articles, every line cited. Ask:",
    notice: lines.join("\n"),
  });
}
