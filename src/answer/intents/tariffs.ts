/**
 * `ask steel`, `tariffs on aluminium`, `lumber tariffs`: the sector's status board. The question
 * must be a sector and nothing else (tariff words aside), so "what's the latest on the CUSMA
 * review?" or a person's name go on to the other intents.
 */
import { boardOf, type SectorBoard } from "../../extract/tariffs/board.ts";
import { type CoverageFact, coverageFacts } from "../../extract/tariffs/coverage.ts";
import { resolveSector, type SectorEntry } from "../../extract/tariffs/sectors.ts";
import { type LoadedVocabulary, sectorVocabulary } from "../../extract/tariffs/sectors-file.ts";
import type { KnowledgeBase } from "../../knowledge/base.ts";
import { formatPubDate } from "../../knowledge/pubdate.ts";
import { snippetItem } from "../cite.ts";
import { makeAnswer } from "../freshness.ts";
import type { AskContext, Intent } from "../intent.ts";
import type { Answer, AnswerItem } from "../types.ts";
import { factItem, RATE_NOT_STATED } from "./tariff-items.ts";

const MAX_TIMELINE = 10;
/** Words around a sector name that do not change the question ("tariffs on steel", "U.S. steel duties?"). */
const FILLER = new Set(
  "tariff tariffs duty duties levy levies on for of the status rate rates sector canadian canada's canada’s u.s. us american what's what’s what is are current".split(
    " ",
  ),
);

/** The sector a question names, or undefined. */
export function sectorOfQuestion(text: string, vocab: LoadedVocabulary): SectorEntry | undefined {
  const cleaned = text.replace(/[?!.]+$/, "").trim();
  const direct = resolveSector(cleaned, vocab.vocabulary);
  if (direct) return direct;
  const rest = cleaned
    .split(/\s+/)
    .filter((w) => !FILLER.has(w.toLowerCase()))
    .join(" ");
  return rest && rest !== cleaned ? resolveSector(rest, vocab.vocabulary) : undefined;
}

export const tariffsIntent: Intent<string> = {
  name: "tariffs",
  help: [
    "steel / tariffs on aluminum / lumber tariffs — a sector's tariff status: current measures, then changes",
  ],
  match(text, ctx) {
    return sectorOfQuestion(text, sectorVocabulary(ctx.kb))?.key ?? null;
  },
  answer(ctx, key, query) {
    return boardAnswer(ctx, key, query);
  },
};

export function boardAnswer(ctx: AskContext, key: string, query: string): Answer {
  const vocab = sectorVocabulary(ctx.kb);
  const sector = vocab.vocabulary.sectors.find((s) => s.key === key);
  if (!sector) throw new Error(`unknown sector key ${key}`);
  const board = boardOf(ctx.kb, sector);
  const notices = [...vocabularyNotice(vocab)];
  if (board.current.length === 0) {
    notices.unshift(
      `No tariff facts about ${sector.name.toLowerCase()} in the ${ctx.kb.size} articles.`,
    );
    return makeAnswer(ctx.kb, query, "tariffs", [], { notice: notices.join("\n") });
  }
  const items = [...currentItems(ctx.kb, board), ...timelineItems(ctx.kb, board)];
  const coverage = coverageFor(ctx.kb, sector);
  items.push(...coverage.items);
  notices.push(...rateNotices(board), ...coverage.notices);
  if (board.timeline.length > MAX_TIMELINE) {
    notices.push(
      `${board.timeline.length - MAX_TIMELINE} older lines not shown: \`tariffs ${sector.key} --json\` lists every fact.`,
    );
  }
  return makeAnswer(ctx.kb, query, "tariffs", items, {
    title: `Tariffs: ${sector.name}. Current measures first, then changes, newest first`,
    ...(notices.length ? { notice: notices.join("\n") } : {}),
  });
}

/**
 * The current measures. A line with a rate is a label, followed by the sentence that states it,
 * verbatim, so the reader sees the evidence and not only our summary of it.
 */
function currentItems(kb: KnowledgeBase, board: SectorBoard): AnswerItem[] {
  return board.current.flatMap((f) => {
    const item = factItem(kb, f, board.sector, {
      section: "Current",
      labels: true,
      rateNote: board.rated[f.imposedBy] ? "no rate in this sentence" : RATE_NOT_STATED,
    });
    if (item.kind !== "label") return [item];
    return [
      item,
      factItem(kb, f, board.sector, { section: "Current", labels: false, evidence: true }),
    ];
  });
}

function timelineItems(kb: KnowledgeBase, board: SectorBoard): AnswerItem[] {
  return board.timeline
    .slice(0, MAX_TIMELINE)
    .map((f) => factItem(kb, f, board.sector, { section: "Timeline", labels: false }));
}

function rateNotices(board: SectorBoard): string[] {
  const sides = new Set(board.current.map((f) => f.imposedBy));
  const name = board.sector.name.toLowerCase();
  return [...sides]
    .filter((s) => !board.rated[s])
    .map((s) => `${s === "US" ? "U.S." : "Canadian"} measures on ${name}: ${RATE_NOT_STATED}.`);
}

/** The agreement's coverage figures, on the board of a sector defined by that agreement. */
function coverageFor(
  kb: KnowledgeBase,
  sector: SectorEntry,
): { items: AnswerItem[]; notices: string[] } {
  if (![sector.name, ...sector.synonyms].some((s) => /cusma|usmca/i.test(s)))
    return { items: [], notices: [] };
  const facts = coverageFacts(kb);
  const items = facts.map((c) => coverageItem(kb, c));
  const figures = [
    ...new Set(facts.map((c) => `${c.qualifier ? `${c.qualifier} ` : ""}${c.share}%`)),
  ];
  const notices =
    figures.length > 1
      ? [
          `Coverage figures differ between articles (${figures.join(" vs ")}); each is shown with its source and date.`,
        ]
      : [];
  return { items, notices };
}

function coverageItem(kb: KnowledgeBase, c: CoverageFact): AnswerItem {
  const article = kb.get(c.articleId);
  if (!article) throw new Error(`coverage fact points at a missing article: ${c.articleId}`);
  const qualifier = c.qualifier ? `${c.qualifier} ` : "";
  return snippetItem(article, c.start, c.end, {
    section: "Agreement coverage",
    note: `${c.agreement}: ${qualifier}${c.share}% · ${formatPubDate(c.published)}`,
  });
}

export function vocabularyNotice(vocab: LoadedVocabulary): string[] {
  if (!vocab.problems.length) return [];
  const list = vocab.problems.map((p) => `${p.file}: ${p.field}: ${p.message}`).join("; ");
  return [`The sector list has a problem (${list}); using the ${vocab.source} sector list.`];
}
