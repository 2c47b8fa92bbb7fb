/**
 * A CLI verb: its name, options and what it does. Verbs are registered in verbs/index.ts; the
 * argument parser (args.ts) checks options against `options` before `run` is called, so an
 * unknown option never reaches a verb.
 */
import type { KnowledgeBase } from "../knowledge/base.ts";

export interface VerbIO {
  /** Standard output: the answer, or JSON only when --json. */
  out(text: string): void;
  /** Standard error: warnings and errors. */
  err(text: string): void;
}

export interface VerbContext extends VerbIO {
  /** The knowledge folder (--knowledge, TARIFF_DESK_KNOWLEDGE, or ./knowledge). */
  knowledgeDir: string;
  /** Loads the knowledge on first use (verbs like `dates` never need it). */
  kb(): KnowledgeBase;
  now: Date;
  json: boolean;
}

export interface ParsedArgs {
  positionals: string[];
  /** Verb-specific options by name without dashes: string values, or true for flags. */
  options: Record<string, string | true>;
}

export interface Verb {
  name: string;
  /** One line for the usage listing. */
  summary: string;
  /** e.g. "quotes [--speaker NAME]" (the global options are added by the usage printer). */
  usage: string;
  /** Verb-specific options: "value" takes an argument, "flag" does not. */
  options: Record<string, "value" | "flag">;
  /** Exit code: 0 ok, 1 a problem with the input or the knowledge, 2 a usage error. */
  run(ctx: VerbContext, args: ParsedArgs): number | Promise<number>;
}

/** Thrown by a verb for a usage error (bad option value, missing argument): exit 2 with usage. */
export class UsageError extends Error {}
