/**
 * `help`: what the bot can be asked, gathered from every registered intent's own help lines.
 * It is given the registry as a function rather than importing it, so the registry can list it
 * without an import cycle.
 */
import { makeAnswer } from "../freshness.ts";
import type { Intent } from "../intent.ts";

export function makeHelpIntent(
  registry: () => readonly Intent<never>[],
  /** Help for commands handled outside `ask` (the Slack-only digest subcommands). */
  commands: readonly string[] = [],
): Intent<true> {
  return {
    name: "help",
    help: ["help — this list"],
    match: (text) => (/^(help|commands|\?)$/i.test(text) ? true : null),
    answer: (ctx, _m, query) =>
      makeAnswer(ctx.kb, query, "help", [], {
        title: "Tariff Desk answers from the newsroom's own articles, every line cited. Ask:",
        notice: [...registry().flatMap((i) => i.help), ...commands].map((l) => `• ${l}`).join("\n"),
      }),
  };
}
