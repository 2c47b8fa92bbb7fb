/**
 * The CLI as a function of (argv, env, io) → exit code, so tests can drive the same code the
 * command line runs. Exit codes: 0 ok, 1 a problem with the input or the knowledge, 2 usage.
 */
import { resolve } from "node:path";
import type { KnowledgeBase } from "../knowledge/base.ts";
import { formatProblem } from "../knowledge/load.ts";
import { openKnowledge } from "../knowledge/open.ts";
import { GLOBAL_OPTIONS, parseArgs, parseNow } from "./args.ts";
import { UsageError, type VerbContext, type VerbIO } from "./verb.ts";
import { VERBS } from "./verbs/index.ts";

export function usage(): string {
  return [
    "usage: npm run --silent cli -- <verb> [options]",
    "",
    "verbs:",
    ...VERBS.flatMap((v) => [`  ${v.usage}`, `      ${v.summary}`]),
    "",
    "options on every verb:",
    "  --knowledge DIR  the knowledge folder (default ./knowledge, or TARIFF_DESK_KNOWLEDGE)",
    "  --now DATE       the clock: 2025-10-06 or 2025-10-06T12:00-04:00 (default: now)",
    "  --json           only JSON on stdout; errors on stderr",
  ].join("\n");
}

export async function runCli(argv: string[], env: NodeJS.ProcessEnv, io: VerbIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "help" || name === "--help") {
    io.out(usage());
    return name ? 0 : 2;
  }
  const verb = VERBS.find((v) => v.name === name);
  if (!verb) {
    io.err(`unknown verb "${name}"\n\n${usage()}`);
    return 2;
  }
  try {
    const args = parseArgs(rest, verb);
    if (args.options.help) {
      io.out(usage());
      return 0;
    }
    const knowledgeDir = resolve(
      String(args.options.knowledge ?? (env.TARIFF_DESK_KNOWLEDGE || "knowledge")),
    );
    const now = parseNow(args.options.now as string | undefined);
    let kb: KnowledgeBase | undefined;
    const ctx: VerbContext = {
      ...io,
      knowledgeDir,
      now,
      json: args.options.json === true,
      kb: () => {
        if (!kb) {
          kb = openKnowledge(knowledgeDir);
          // `check` reports problems itself; every other verb answers from the good files and warns.
          if (verb.name !== "check")
            for (const p of kb.problems) io.err(`warning: skipped ${formatProblem(p)}`);
        }
        return kb;
      },
    };
    for (const g of Object.keys(GLOBAL_OPTIONS)) delete args.options[g];
    return await verb.run(ctx, args);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.message}\n\n${usage()}`);
      return 2;
    }
    throw e;
  }
}
