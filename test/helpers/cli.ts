/** Runs the real CLI entry point in a child process, as scripts outside the project do. */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { PROJECT } from "./knowledge.ts";

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `node --import tsx src/cli/main.ts …`: the same entry `npm run cli` runs, without npm's start-up cost. */
export function cli(args: string[], env: Record<string, string> = {}, input?: string): CliResult {
  const r = spawnSync(
    process.execPath,
    ["--import", "tsx", join(PROJECT, "src/cli/main.ts"), ...args],
    {
      cwd: PROJECT,
      env: { ...cleanEnv(), ...env },
      encoding: "utf8",
      input,
    },
  );
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Parses stdout as JSON, failing with the output in the message when it is not. */
export function json<T = unknown>(r: CliResult): T {
  try {
    return JSON.parse(r.stdout) as T;
  } catch {
    throw new Error(`stdout is not JSON (exit ${r.code}):\n${r.stdout}\n--- stderr:\n${r.stderr}`);
  }
}

/** The parent's environment without anything that would point the CLI or the bot elsewhere. */
export function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of Object.keys(env))
    if (k.startsWith("SLACK_") || k.startsWith("TARIFF_DESK_")) delete env[k];
  return env;
}
