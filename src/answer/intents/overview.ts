/**
 * `/tariffs` with no text, or `overview`: one line per sector with its current rate (or
 * "rate not stated in coverage") and the date of its latest update, then how to ask for more.
 */
import { boardOf, latestFact } from "../../extract/tariffs/board.ts";
import { sectorVocabulary } from "../../extract/tariffs/sectors-file.ts";
import { formatPubDate } from "../../knowledge/pubdate.ts";
import { cite } from "../cite.ts";
import { makeAnswer } from "../freshness.ts";
import type { AskContext, Intent } from "../intent.ts";
import type { Answer, AnswerItem } from "../types.ts";
import { labelText, RATE_NOT_STATED, sideText } from "./tariff-items.ts";
import { vocabularyNotice } from "./tariffs.ts";

const OVERVIEW =
  /^(?:overview|tariffs?|tariff overview|tariff status|all sectors|sectors|all tariffs)?$/i;

export const overviewIntent: Intent<true> = {
  name: "overview",
  help: ["overview (or /tariffs alone) — every sector's current rate and latest update"],
  match: (text) => (OVERVIEW.test(text.trim()) ? true : null),
  answer: (ctx, _m, query) => overviewAnswer(ctx, query),
};

export function overviewAnswer(ctx: AskContext, query: string): Answer {
  const vocab = sectorVocabulary(ctx.kb);
  const items: AnswerItem[] = [];
  const without: string[] = [];
  for (const sector of vocab.vocabulary.sectors) {
    const board = boardOf(ctx.kb, sector);
    const lead = board.current[0];
    // Its newest fact, from the facts grouped by sector the boards are made from: a search of
    // all the facts per sector took 0.2 s at 100,000 articles (issue 9).
    const latest = latestFact(ctx.kb, sector);
    if (!lead || !latest) {
      without.push(sector.key);
      continue;
    }
    const article = ctx.kb.get(lead.articleId);
    if (!article) throw new Error(`tariff fact points at a missing article: ${lead.articleId}`);
    const text =
      lead.rate !== null
        ? labelText(lead, sector)
        : `${sector.name} — ${sideText(lead)}: ${lead.status}, ${RATE_NOT_STATED}`;
    // The "latest update" date must be backed too: cite the sentence it comes from when that
    // is not the one that states the current measure.
    const latestArticle = ctx.kb.get(latest.articleId);
    const citations = [cite(article, lead.start, lead.end)];
    if (latestArticle && latest !== lead)
      citations.push(cite(latestArticle, latest.start, latest.end));
    items.push({
      text,
      kind: "label",
      citations,
      note: `latest update ${formatPubDate(latest.asOf)}`,
    });
  }
  const keys = vocab.vocabulary.sectors.map((s) => s.key).filter((k) => !without.includes(k));
  const notice = [
    `Ask about one sector for its status board (current measures, then changes), e.g. “/tariffs ${keys[0] ?? "steel"}”. Sectors: ${keys.join(", ")}.`,
    ...(without.length ? [`No tariff facts in the coverage yet for: ${without.join(", ")}.`] : []),
    ...vocabularyNotice(vocab),
  ];
  return makeAnswer(ctx.kb, query, "overview", items, {
    title: "Tariffs by sector: the current measure and the latest update",
    notice: notice.join("\n"),
  });
}
