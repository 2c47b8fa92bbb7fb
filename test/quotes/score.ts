/**
 * Scores extracted quotes against a hand-made gold list: finding (recall), speaker accuracy, and
 * wrong speakers (a speaker named where the gold has another, or none). Shared by the gold tests.
 */
import { readFileSync } from "node:fs";
import type { KnowledgeBase } from "../../src/knowledge/base.ts";
import { allQuotes, directory, type QuoteRecord } from "../../src/people/directory.ts";

export interface GoldQuote {
  text: string;
  start?: number;
  speaker: string | null;
  kind: "direct" | "partial";
  why?: string;
}

export interface Gold {
  articles: Record<string, GoldQuote[]>;
}

export const readGold = (path: string): Gold => JSON.parse(readFileSync(path, "utf8")) as Gold;

export interface Score {
  gold: number;
  found: number;
  /** Found with the gold's speaker (null for null). */
  right: number;
  /** Gold quotes that have a speaker, and of those, found with that speaker. */
  attributable: number;
  attributed: number;
  wrong: { text: string; gold: string | null; got: string | null }[];
  missed: string[];
  /** Extracted quotes the gold does not list. */
  extra: string[];
}

const sameSpeaker = (q: QuoteRecord, gold: string | null) =>
  gold === null
    ? q.speaker === null
    : q.speaker === gold || (q.person?.aliases.includes(gold) ?? false);

/** Scores the quotes of `kind` (or all) in the knowledge against the gold. */
export function score(kb: KnowledgeBase, gold: Gold, kind?: "direct" | "partial"): Score {
  const all = allQuotes(directory(kb));
  const s: Score = {
    gold: 0,
    found: 0,
    right: 0,
    attributable: 0,
    attributed: 0,
    wrong: [],
    missed: [],
    extra: [],
  };
  const used = new Set<QuoteRecord>();
  for (const [articleId, list] of Object.entries(gold.articles)) {
    for (const g of list.filter((x) => !kind || x.kind === kind)) {
      s.gold++;
      if (g.speaker) s.attributable++;
      const q = all.find(
        (x) =>
          x.articleId === articleId &&
          x.text === g.text &&
          (g.start === undefined || x.start === g.start) &&
          !used.has(x),
      );
      if (!q) {
        s.missed.push(g.text);
        continue;
      }
      used.add(q);
      s.found++;
      if (sameSpeaker(q, g.speaker)) {
        s.right++;
        if (g.speaker) s.attributed++;
      } else if (q.speaker !== null)
        s.wrong.push({ text: g.text, gold: g.speaker, got: q.speaker });
    }
  }
  const goldArticles = new Set(Object.keys(gold.articles));
  for (const q of all)
    if (goldArticles.has(q.articleId) && !used.has(q) && (!kind || q.kind === kind))
      s.extra.push(q.text);
  return s;
}

export const pct = (n: number, d: number): string =>
  d === 0 ? "n/a" : `${((100 * n) / d).toFixed(1)}%`;

export function report(label: string, s: Score): void {
  console.log(
    `${label}: ${s.gold} in gold, found ${s.found} (recall ${pct(s.found, s.gold)}), ` +
      `speaker right ${s.right}/${s.found} (${pct(s.right, s.found)}), ` +
      `attributed ${s.attributed}/${s.attributable} (${pct(s.attributed, s.attributable)}), wrong ${s.wrong.length}` +
      (s.missed.length ? `\n  missed: ${s.missed.join(" | ")}` : "") +
      (s.wrong.length ? `\n  wrong: ${JSON.stringify(s.wrong)}` : ""),
  );
}
