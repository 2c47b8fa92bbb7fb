/** `ask <text…>`: what /tariffs <text> or a mention would answer. */
import { ask } from "../../answer/router.ts";
import { renderTerminal } from "../../render/terminal.ts";
import type { Verb } from "../verb.ts";

export const askVerb: Verb = {
  name: "ask",
  summary: "answer a question as the bot would (readable text; --json for the Answer)",
  usage: "ask <text…>",
  options: {},
  run(ctx, { positionals }) {
    const answer = ask({ kb: ctx.kb(), now: ctx.now }, positionals.join(" "));
    ctx.out(ctx.json ? JSON.stringify(answer, null, 2) : renderTerminal(answer));
    return 0;
  },
};
