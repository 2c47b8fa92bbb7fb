/**
 * Answer items for tariff facts. A fact with a rate becomes a short "label" line
 * ("Steel — U.S. on Canada: 50%") whose every figure is in the cited sentence; a fact without
 * one is shown as its sentence, verbatim, with a plain note (side, basis, status, date).
 */
import type { TariffFact } from "../../extract/tariffs/facts.ts";
import type { SectorEntry } from "../../extract/tariffs/sectors.ts";
import type { KnowledgeBase } from "../../knowledge/base.ts";
import { formatPubDate } from "../../knowledge/pubdate.ts";
import { cite } from "../cite.ts";
import type { AnswerItem } from "../types.ts";

export const RATE_NOT_STATED = "rate not stated in coverage";

export function sideText(f: Pick<TariffFact, "imposedBy">): string {
  return f.imposedBy === "US" ? "U.S. on Canada" : "Canada on U.S.";
}

/** "50%", "10–20%", "30% above quota", then "(raised from 25%)" / "(announced)" unless in force. */
export function rateText(f: TariffFact): string {
  const base = f.rateRange ? `${f.rateRange[0]}–${f.rateRange[1]}%` : `${f.rate}%`;
  const quota = f.overQuota ? " above quota" : "";
  const change =
    f.status === "in force"
      ? ""
      : f.previousRate !== undefined
        ? ` (${f.status} from ${f.previousRate}%)`
        : ` (${f.status})`;
  return `${base}${quota}${change}`;
}

/** The basis worth printing in a label: one the sentence named, not the sector's own name. */
function shownBasis(f: TariffFact, sector: SectorEntry): string | null {
  if (!f.basis || f.basis === sector.basis) return null;
  return f.basis;
}

/** "Steel — U.S. on Canada: 50% (Section 232)". Only for facts with a rate. */
export function labelText(f: TariffFact, sector: SectorEntry): string {
  const basis = shownBasis(f, sector);
  return `${sector.name} — ${sideText(f)}: ${rateText(f)}${basis ? ` · ${basis}` : ""}`;
}

export function asOfText(f: TariffFact): string {
  return `as of ${formatPubDate(f.asOf)}${f.asOfFrom === "published" ? " (article date)" : ""}`;
}

/** The plain note after an item; `rateNote` says what to write when the fact has no rate. */
export function factNote(f: TariffFact, sector: SectorEntry, rateNote?: string): string {
  const parts: string[] = [];
  if (f.rate === null) {
    parts.push(sideText(f));
    const basis = shownBasis(f, sector);
    if (basis) parts.push(basis);
    parts.push(f.status);
    if (rateNote) parts.push(rateNote);
  } else {
    if (f.status === "in force") parts.push("in force");
    if (!f.basis) parts.push("basis not named in this sentence");
  }
  parts.push(asOfText(f));
  return parts.join(" · ");
}

/**
 * One fact as an item: a label when it has a rate (and `labels` is on), else its sentence.
 * `evidence` marks the sentence shown under its own label: it then carries no note of its own.
 */
export function factItem(
  kb: KnowledgeBase,
  f: TariffFact,
  sector: SectorEntry,
  opts: { section?: string; labels: boolean; rateNote?: string; evidence?: boolean },
): AnswerItem {
  const article = kb.get(f.articleId);
  if (!article) throw new Error(`tariff fact points at a missing article: ${f.articleId}`);
  const c = cite(article, f.start, f.end);
  const label = opts.labels && f.rate !== null;
  const item: AnswerItem = {
    text: label ? labelText(f, sector) : c.snippet,
    kind: label ? "label" : "snippet",
    citations: [c],
  };
  if (!opts.evidence) item.note = factNote(f, sector, opts.rateNote);
  if (opts.section) item.section = opts.section;
  return item;
}
