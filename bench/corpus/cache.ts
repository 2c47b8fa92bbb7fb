/**
 * Synthetic corpora are kept in the temp folder between runs (the same seed and size always give
 * the same files), so a re-run measures the engine, not the generator.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeCorpus } from "./generate.ts";

export function ensureCorpus(seed: number, articles: number, log: (m: string) => void): string {
  const dir = join(tmpdir(), "tariff-desk-bench", `seed-${seed}`, String(articles));
  const done = join(dir, ".complete");
  if (existsSync(done)) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  log(`generating ${articles} articles in ${dir}`);
  writeCorpus(dir, articles, { seed });
  writeFileSync(done, "");
  return dir;
}
