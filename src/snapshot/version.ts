/**
 * What a snapshot was made by. A shard is only reused when the code and settings that produced
 * it are the ones running now: the source of the modules that index and extract, the synonyms
 * and the knowledge folder's data files. Hashing the source, not a hand-kept number, means an
 * edited extractor can never serve results from before the edit.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";

/** Bumped when the shard file layout itself changes. */
export const FORMAT = 9;

const SRC = resolve(import.meta.dirname, "..");
/**
 * The snapshot modules that decide what a shard holds (its layout, the packing, what a worker
 * hands back); the ones that only open, read or pace it can change without invalidating shards.
 */
const SNAPSHOT_CODE = [
  "snapshot/format.ts",
  "snapshot/article-columns.ts",
  "snapshot/compact.ts",
  "snapshot/writer.ts",
  "snapshot/worker.ts",
  "snapshot/version.ts",
];
/**
 * Search modules read only when a question is asked (query planning, scoring, collecting, words
 * near a sentence): what a shard's index holds does not depend on them, so a change to ranking
 * does not make the next start rebuild every shard's index (minutes at 100,000 articles). No
 * module that builds, saves or loads an index imports them (test/snapshot/version.test.ts).
 */
export const QUESTION_TIME_CODE: readonly string[] = [
  "search/plan.ts",
  "search/score.ts",
  "search/collect.ts",
  "search/near.ts",
];
const INDEX_CODE = [
  "search",
  "text",
  "lists.ts",
  "knowledge/steps.ts",
  "knowledge/article.ts",
  "knowledge/frontmatter.ts",
  "knowledge/pubdate.ts",
  ...SNAPSHOT_CODE,
];
const EXTRACT_CODE = [
  "extract",
  "lists.ts",
  "knowledge/steps.ts",
  "people",
  "text",
  "knowledge/article.ts",
  "knowledge/frontmatter.ts",
  "knowledge/pubdate.ts",
  ...SNAPSHOT_CODE,
];

export interface Versions {
  /** Index code and options (synonyms): decides whether a shard's segment can be reused. */
  index: string;
  /** Extraction code and the knowledge folder's data files: decides whether extractions can. */
  extract: string;
}

export function currentVersions(
  knowledgeDir: string,
  synonyms: ReadonlyMap<string, string>,
  listing?: readonly string[],
): Versions {
  const data = dataFiles(knowledgeDir, listing);
  return {
    index: digest([`format ${FORMAT}`, codeHash(INDEX_CODE), JSON.stringify([...synonyms].sort())]),
    extract: digest([`format ${FORMAT}`, codeHash(EXTRACT_CODE), data]),
  };
}

const codeHashes = new Map<string, string>();

function codeHash(parts: string[]): string {
  const key = parts.join("|");
  let h = codeHashes.get(key);
  if (!h) {
    const hash = createHash("sha256");
    for (const part of parts) {
      for (const file of sourceFiles(join(SRC, part))) {
        if (QUESTION_TIME_CODE.includes(relative(SRC, file).split(sep).join("/"))) continue;
        hash.update(file.slice(SRC.length));
        hash.update(readFileSync(file));
      }
    }
    h = hash.digest("hex").slice(0, 16);
    codeHashes.set(key, h);
  }
  return h;
}

function sourceFiles(path: string): string[] {
  if (path.endsWith(".ts")) return [path];
  return readdirSync(path, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts"))
    .map((e) => join(e.parentPath ?? (e as { path: string }).path, e.name))
    .sort();
}

/**
 * The folder's non-article files (sectors.yml, aliases, synonyms): extractors may read any.
 * `listing`: the folder's names, when the caller read them (a second read of 100,000 names took
 * 0.13 s of a restart, issue 9).
 */
function dataFiles(dir: string, listing?: readonly string[]): string {
  let names: string[];
  try {
    names = (listing ?? readdirSync(dir))
      .filter((f) => !f.endsWith(".md") && !f.startsWith("."))
      .sort();
  } catch {
    return "";
  }
  const hash = createHash("sha256");
  for (const name of names) {
    try {
      hash.update(name).update(readFileSync(join(dir, name)));
    } catch {
      // A sub-folder or an unreadable file: it cannot feed an extractor either.
    }
  }
  return hash.digest("hex");
}

function digest(parts: string[]): string {
  return createHash("sha256").update(parts.join("\n")).digest("hex").slice(0, 16);
}
