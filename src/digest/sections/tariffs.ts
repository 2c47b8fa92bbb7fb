/**
 * "Tariff changes": what the window's new articles say was raised, lowered, lifted, paused or
 * announced, one item per sentence (a sentence often changes several sectors at once). A change
 * the sentence dates before the window ("last August, Canada lifted …") is old news retold and
 * is left out; a change dated only by the article's own date counts as the article's news.
 */
import { cite } from "../../answer/cite.ts";
import { rateText, sideText } from "../../answer/intents/tariff-items.ts";
import type { AnswerItem } from "../../answer/types.ts";
import { type TariffFact, tariffFacts } from "../../extract/tariffs/facts.ts";
import { sectorVocabulary } from "../../extract/tariffs/sectors-file.ts";
import { CHANGES } from "../../extract/tariffs/status.ts";
import type { KnowledgeBase } from "../../knowledge/base.ts";
import { formatPubDate, pubDateRange } from "../../knowledge/pubdate.ts";
import { SECTION } from "../types.ts";
import type { WindowDays } from "../window.ts";

const MAX_ITEMS = 5;

export function isChange(f: TariffFact): boolean {
  return CHANGES.has(f.status) || f.status === "announced";
}

export function tariffChangeItems(
  kb: KnowledgeBase,
  newIds: ReadonlySet<string>,
  days: WindowDays,
): AnswerItem[] {
  const names = new Map(sectorVocabulary(kb).vocabulary.sectors.map((s) => [s.key, s.name]));
  const bySentence = new Map<string, TariffFact[]>();
  for (const f of tariffFacts(kb)) {
    if (!newIds.has(f.articleId) || !isChange(f)) continue;
    if (f.asOfFrom === "sentence" && pubDateRange(f.asOf).last < days.firstDay) continue;
    const key = `${f.articleId}:${f.start}`;
    bySentence.set(key, [...(bySentence.get(key) ?? []), f]);
  }
  const items: AnswerItem[] = [];
  for (const facts of bySentence.values()) {
    const first = facts[0] as TariffFact;
    const article = kb.get(first.articleId);
    if (!article) continue;
    const c = cite(article, first.start, first.end);
    const what = facts.map(
      (f) =>
        `${names.get(f.sector) ?? f.sector} (${sideText(f)}): ${f.rate === null ? f.status : rateText(f)}`,
    );
    const when =
      first.asOfFrom === "sentence"
        ? `as of ${formatPubDate(first.asOf)}`
        : "reported in this article";
    items.push({
      text: c.snippet,
      kind: "snippet",
      citations: [c],
      section: SECTION.tariffs,
      note: `${what.join("; ")} · ${when}`,
    });
    if (items.length >= MAX_ITEMS) break;
  }
  return items;
}
