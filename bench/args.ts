/** The benchmark's options, checked up front with errors that name the option. */
import { availableParallelism } from "node:os";

export interface BenchArgs {
  articles: number[];
  json: boolean;
  seed: number;
  rounds: number;
  workers: number;
  raw: boolean;
  real: boolean;
  /** The engine before issue 9 is measured up to this size (it needs minutes beyond). */
  referenceMax: number;
  now: string;
  /** --max-semi-space-size (MB) for the measured processes, as the server's start script sets it. */
  semiSpace: number | null;
}

export const USAGE =
  "npm run bench -- [--articles 1000,10000] [--json] [--seed N] [--rounds N] [--workers N] " +
  "[--no-raw] [--no-real] [--reference-max N] [--now YYYY-MM-DD] [--semi-space MB|0]";

export class ArgError extends Error {}

export function parseArgs(argv: string[]): BenchArgs {
  const args: BenchArgs = {
    articles: [1000, 10000],
    json: false,
    seed: 20261121,
    rounds: 20,
    workers: availableParallelism(),
    raw: true,
    real: true,
    referenceMax: 10000,
    now: "2026-11-21",
    semiSpace: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const opt = argv[i] as string;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new ArgError(`${opt} needs a value`);
      return v;
    };
    if (opt === "--json") args.json = true;
    else if (opt === "--no-raw") args.raw = false;
    else if (opt === "--no-real") args.real = false;
    else if (opt === "--articles") args.articles = sizes(value());
    else if (opt === "--seed") args.seed = whole(opt, value(), 0);
    else if (opt === "--rounds") args.rounds = whole(opt, value(), 1);
    else if (opt === "--workers") args.workers = whole(opt, value(), 0);
    else if (opt === "--reference-max") args.referenceMax = whole(opt, value(), 0);
    else if (opt === "--semi-space") {
      const n = whole(opt, value(), 0);
      args.semiSpace = n === 0 ? null : n;
    } else if (opt === "--now") {
      const v = value();
      if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v))) {
        throw new ArgError(`--now must be a date as YYYY-MM-DD (got "${v}")`);
      }
      args.now = v;
    } else throw new ArgError(`unknown option ${opt}`);
  }
  return args;
}

function sizes(v: string): number[] {
  const list = v.split(",").map((s) => s.trim().replace(/_/g, ""));
  if (list.some((s) => !/^[1-9]\d*$/.test(s))) {
    throw new ArgError(
      `--articles must be comma-separated whole numbers above 0, e.g. 1000,10000 (got "${v}")`,
    );
  }
  return list.map(Number);
}

function whole(opt: string, v: string, min: number): number {
  if (!/^\d+$/.test(v) || Number(v) < min)
    throw new ArgError(`${opt} must be a whole number of at least ${min} (got "${v}")`);
  return Number(v);
}
