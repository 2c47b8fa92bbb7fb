/** Shared by the live-knowledge tests: temp folders of our own fixtures, polling, citations. */
import { cpSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { ask } from "../../src/answer/router.ts";
import type { Answer } from "../../src/answer/types.ts";
import type { KnowledgeBase } from "../../src/knowledge/base.ts";

export const FIXTURES = resolve(import.meta.dirname, "../fixtures/live");
export const NOW = new Date("2026-11-21T12:00:00Z");

/** A temp knowledge folder holding the base fixtures (two articles). */
export function liveFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), "tariff-desk-live-"));
  cpSync(join(FIXTURES, "base"), dir, { recursive: true });
  return dir;
}

/** The text of a fixture from test/fixtures/live/new/. */
export function newArticle(file: string): string {
  return readFileSync(join(FIXTURES, "new", file), "utf8");
}

/** Ids of the articles an answer cites. */
export function citedIds(answer: Answer): string[] {
  return [...new Set(answer.items.flatMap((i) => i.citations.map((c) => c.articleId)))];
}

export function askKb(kb: KnowledgeBase, question: string): Answer {
  return ask({ kb, now: NOW }, question);
}

/**
 * Polls `check` until it returns a value other than undefined/false, or fails after `deadlineMs`
 * naming what was awaited. A deadline, not a measurement: the watcher must apply changes
 * "within moments", and the tests never assert how fast.
 */
export async function waitFor<T>(
  what: string,
  check: () => T | undefined | false,
  deadlineMs = 30_000,
): Promise<T> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    const v = check();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > until) throw new Error(`not within ${deadlineMs} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Log lines captured from the watcher. */
export function captureLog(): { lines: string[]; info(m: string): void; warn(m: string): void } {
  const lines: string[] = [];
  return {
    lines,
    info: (m) => lines.push(`info ${m}`),
    warn: (m) => lines.push(`warn ${m}`),
  };
}
