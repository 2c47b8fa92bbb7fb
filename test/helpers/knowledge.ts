/** Test helpers for knowledge folders: the bundled one, and temp copies to break on purpose. */
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { KnowledgeBase } from "../../src/knowledge/base.ts";
import { openKnowledge } from "../../src/knowledge/open.ts";

export const PROJECT = resolve(import.meta.dirname, "../..");
export const BUNDLED = join(PROJECT, "knowledge");

let bundled: KnowledgeBase | undefined;
/** The bundled knowledge, loaded once per test file. */
export function bundledKb(): KnowledgeBase {
  bundled ??= openKnowledge(BUNDLED);
  return bundled;
}

/** A new empty temp folder named for what it holds ("kb", "cache"…). */
export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `tariff-desk-${prefix}-`));
}

/** A temp copy of the bundled knowledge folder (or an empty folder). */
export function tempKnowledge(copyBundled = true): string {
  const dir = tempDir("kb");
  if (copyBundled) cpSync(BUNDLED, dir, { recursive: true });
  return dir;
}

/** Writes a knowledge file from front-matter lines and a body. */
export function writeArticle(
  dir: string,
  file: string,
  frontMatter: Record<string, string>,
  body: string,
): void {
  const fm = Object.entries(frontMatter).map(([k, v]) => `${k}: ${v}`);
  writeFileSync(join(dir, file), ["---", ...fm, "---", "", body, ""].join("\n"));
}
