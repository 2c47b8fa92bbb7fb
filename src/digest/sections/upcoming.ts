/**
 * "Upcoming (next 7 days)": events dated after today and no later than a week from today, in
 * the digest's time zone. Whole-span rule again: an event dated only to a month is not "in the
 * next 7 days" unless its whole month is. Today's events are left out: by the morning post they
 * may already be over ("Trump promised … on Monday"). Only articles that may be out by today
 * count, so a replay with an earlier clock never learns of a meeting from a later article.
 * When none is that close, the next known event is shown under its own heading; when nothing
 * at all is ahead, the digest says so in words, with nothing to cite.
 */
import { cite } from "../../answer/cite.ts";
import { noteOf } from "../../answer/intents/events.ts";
import type { AnswerItem, Citation } from "../../answer/types.ts";
import { knowledgeEvents } from "../../extract/events/index.ts";
import type { DatedEvent } from "../../extract/events/types.ts";
import type { KnowledgeBase } from "../../knowledge/base.ts";
import { pubDateRange } from "../../knowledge/pubdate.ts";
import { SECTION } from "../types.ts";
import { addDays } from "../zoned.ts";

const MAX_ITEMS = 5;
const HORIZON_DAYS = 7;

export const NOTHING_SCHEDULED =
  "Nothing scheduled: no event in the knowledge is dated after today.";

export function upcomingItems(kb: KnowledgeBase, today: string): AnswerItem[] {
  const known = (id: string) => {
    const a = kb.get(id);
    return a !== undefined && pubDateRange(a.published).first <= today;
  };
  const ahead = knowledgeEvents(kb)
    .filter((e) => e.first > today && e.mentions.some((m) => known(m.articleId)))
    .sort((a, b) => a.first.localeCompare(b.first) || a.last.localeCompare(b.last));
  const horizon = addDays(today, HORIZON_DAYS);
  const soon = ahead.filter((e) => e.last <= horizon).slice(0, MAX_ITEMS);
  if (soon.length) return soon.map((e) => item(kb, e, SECTION.upcoming, known));
  // The next known event is the one surely over soonest: June 30 before "this summer".
  const next = [...ahead].sort(
    (a, b) => a.last.localeCompare(b.last) || a.first.localeCompare(b.first),
  )[0];
  return next ? [item(kb, next, SECTION.nextKnown, known)] : [];
}

/** One citation per article that reports the event, the first one's sentence as the text. */
function item(
  kb: KnowledgeBase,
  e: DatedEvent,
  section: string,
  known: (articleId: string) => boolean,
): AnswerItem {
  const citations: Citation[] = [];
  const seen = new Set<string>();
  for (const m of e.mentions) {
    const article = kb.get(m.articleId);
    if (!article || seen.has(m.articleId) || !known(m.articleId)) continue;
    seen.add(m.articleId);
    citations.push(cite(article, m.start, m.end));
  }
  const first = citations[0];
  if (!first) throw new Error(`an event without a mention in the knowledge (${e.date})`);
  return {
    text: first.snippet,
    kind: "snippet",
    citations,
    section,
    note: noteOf({ ...e, status: "upcoming" }),
  };
}
