/**
 * Parses the CLI's argument list against the global options and the verb's own. Anything
 * unknown is a UsageError, so a typo in a script fails loudly instead of being ignored.
 */
import { type ParsedArgs, UsageError, type Verb } from "./verb.ts";

export const GLOBAL_OPTIONS: Record<string, "value" | "flag"> = {
  knowledge: "value",
  now: "value",
  json: "flag",
  help: "flag",
};

export function parseArgs(argv: string[], verb: Verb): ParsedArgs {
  const spec = { ...GLOBAL_OPTIONS, ...verb.options };
  const positionals: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith("--") || arg === "--") {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    const kind = spec[name];
    if (!kind) throw new UsageError(`unknown option --${name} for "${verb.name}"`);
    if (kind === "flag") {
      if (eq !== -1) throw new UsageError(`--${name} takes no value`);
      options[name] = true;
      continue;
    }
    const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
    if (value === undefined || value === "" || (eq === -1 && value.startsWith("--"))) {
      throw new UsageError(`--${name} needs a value`);
    }
    options[name] = value;
  }
  return { positionals, options };
}

/**
 * The clock: an ISO date ("2025-10-06", start of that day in UTC) or date-time with an offset
 * ("2025-10-06T12:00-04:00"). A date-time without an offset is refused: it would depend on the
 * machine's time zone.
 */
export function parseNow(text: string | undefined): Date {
  if (text === undefined) return new Date();
  const ok =
    /^\d{4}-\d{2}-\d{2}$/.test(text) ||
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(text);
  const d = new Date(text.length === 10 ? `${text}T00:00:00Z` : text);
  if (!ok || Number.isNaN(d.getTime())) {
    throw new UsageError(
      `--now must be an ISO date (2025-10-06) or date-time with offset (2025-10-06T12:00-04:00), not "${text}"`,
    );
  }
  return d;
}
