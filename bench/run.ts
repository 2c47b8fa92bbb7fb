/**
 * `npm run bench`: for the real knowledge and synthetic archives of the chosen sizes, measures
 * load and index, extraction, cold ingest, snapshot size and restart, memory and `ask` latency,
 * the Slack app's acknowledgements while `npm start` restarts,
 * each phase in a fresh process, beside plain MiniSearch and the engine before issue 9 on the
 * same corpus. Prints a Markdown table, or with --json one JSON object.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { ArgError, type BenchArgs, parseArgs, USAGE } from "./args.ts";
import { ensureCorpus } from "./corpus/cache.ts";
import { type SizeResult, slackTable, table } from "./report.ts";

const ROOT = resolve(import.meta.dirname, "..");
const say = (m: string) => process.stderr.write(`bench: ${m}\n`);

function phase(
  name: string,
  args: BenchArgs,
  dir: string,
  cacheDir: string,
  big: boolean,
): Record<string, unknown> {
  const flags = [...process.execArgv, "--expose-gc"];
  if (args.semiSpace) flags.push(`--max-semi-space-size=${args.semiSpace}`);
  // The baselines need far more heap than the engine does at archive scale.
  if (big) flags.push("--max-old-space-size=20000");
  const payload = JSON.stringify({
    dir,
    cacheDir,
    rounds: args.rounds,
    workers: args.workers,
    now: args.now,
  });
  const t = performance.now();
  const r = spawnSync(process.execPath, [...flags, join(ROOT, "bench/child.ts"), name, payload], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const line = r.stdout?.trim().split("\n").at(-1);
  if (r.status !== 0 || !line)
    throw new Error(`phase ${name} failed (exit ${r.status}, ${r.signal ?? "no signal"})`);
  say(`  ${name}: ${((performance.now() - t) / 1000).toFixed(0)} s`);
  return JSON.parse(line);
}

function measure(args: BenchArgs, label: string, dir: string, size: number): SizeResult {
  say(`${label}: measuring`);
  const cacheDir = mkdtempSync(join(tmpdir(), "tariff-desk-bench-cache-"));
  try {
    const load = phase("load", args, dir, cacheDir, false);
    const ingest = phase("ingest", args, dir, cacheDir, false);
    const restart = phase("restart", args, dir, cacheDir, false);
    const slack = phase("slack", args, dir, cacheDir, false);
    const raw = args.raw ? phase("raw", args, dir, cacheDir, true) : undefined;
    const reference =
      size <= args.referenceMax ? phase("reference", args, dir, cacheDir, true) : undefined;
    return {
      articles: restart.articles as number,
      label,
      loadMs: load.loadMs as number,
      rssMB: restart.rssMB as number,
      snapshotMB: ingest.snapshotMB as number,
      restartMs: restart.restartMs as number,
      restartLongestBlockMs: restart.restartLongestBlockMs as number,
      slackRestart: slack as SizeResult["slackRestart"],
      extractPerSec: load.extractPerSec as number,
      coldIngestMs: ingest.coldIngestMs as number,
      ask: restart.ask as SizeResult["ask"],
      ...(raw ? { rawMiniSearch: raw as SizeResult["rawMiniSearch"] } : {}),
      details: { load, ingest, restart, slack, ...(reference ? { reference } : {}) },
    };
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

function machine() {
  const cpu = cpus();
  return {
    cpu: cpu[0]?.model ?? "unknown",
    cores: cpu.length,
    memoryGB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverageAtStart: loadavg().map((x) => Math.round(x * 10) / 10),
  };
}

let args: BenchArgs;
try {
  args = parseArgs(process.argv.slice(2));
} catch (e) {
  if (!(e instanceof ArgError)) throw e;
  process.stderr.write(`bench: ${e.message}\nusage: ${USAGE}\n`);
  process.exit(2);
}
const info = machine();
const sizes: SizeResult[] = [];
if (args.real) sizes.push(measure(args, "real knowledge", join(ROOT, "knowledge"), 0));
for (const n of args.articles)
  sizes.push(measure(args, n.toLocaleString("en-US"), ensureCorpus(args.seed, n, say), n));
const result = {
  machine: { ...info, loadAverageAtEnd: loadavg().map((x) => Math.round(x * 10) / 10) },
  sizes,
};
if (args.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
else {
  const m = result.machine;
  process.stdout.write(
    `${table(sizes)}\n\n${slackTable(sizes)}\n\n${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB, Node ${m.node}; load average ${m.loadAverageAtStart.join(" ")} at start, ${m.loadAverageAtEnd.join(" ")} at end.\n`,
  );
}
