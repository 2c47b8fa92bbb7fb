/**
 * The offline console: a person types what they would type in Slack and reads the same Answer
 * rendered for a terminal. Works on a TTY and on piped input (one question per line).
 */
import { createInterface } from "node:readline";
import { ask } from "../answer/router.ts";
import type { KnowledgeBase } from "../knowledge/base.ts";
import { formatProblem } from "../knowledge/load.ts";
import { renderTerminal } from "../render/terminal.ts";

export interface ConsoleOptions {
  kb: KnowledgeBase;
  knowledgeDir: string;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** The clock; default the real time at each question. */
  now?: () => Date;
}

export function banner(kb: KnowledgeBase, knowledgeDir: string): string {
  const lines = [
    "Slack is not connected: set SLACK_BOT_TOKEN with SLACK_APP_TOKEN (Socket Mode) or with SLACK_SIGNING_SECRET (HTTP) to connect.",
    `Offline console on ${kb.size} articles from ${knowledgeDir}. Type what you would type in Slack (/tariffs steel, help); "quit" to leave.`,
  ];
  for (const p of kb.problems) lines.push(`warning: skipped ${formatProblem(p)}`);
  return lines.join("\n");
}

/** Runs until the input ends or the user types quit; resolves when done. */
export function runConsole(opts: ConsoleOptions): Promise<void> {
  const { kb, input, output } = opts;
  const now = opts.now ?? (() => new Date());
  const write = (t: string) => output.write(`${t}\n`);
  write(banner(kb, opts.knowledgeDir));
  const rl = createInterface({
    input,
    output,
    prompt: "tariffs> ",
    terminal: (input as { isTTY?: boolean }).isTTY === true,
  });
  rl.prompt();
  return new Promise((resolve) => {
    rl.on("line", (line) => {
      const text = line.trim();
      if (/^(quit|exit|\\q)$/i.test(text)) {
        rl.close();
        return;
      }
      if (text) {
        try {
          write(renderTerminal(ask({ kb, now: now() }, text)));
        } catch (e) {
          write(`Sorry, that question failed (${(e as Error).message}). Try "help".`);
        }
      }
      rl.prompt();
    });
    rl.on("close", () => {
      write("");
      resolve();
    });
  });
}
