/**
 * "Upcoming meetings", "what's next", "when is …", "timeline …": the dated events, judged
 * against the clock. Upcoming events come first (soonest first), then those dated only to the
 * current month or year (they may be past or ahead), then the recent past marked "(past)".
 * When nothing is after today, the answer says so and names the newest article's date, so an
 * old article's "Tuesday" is never passed off as coming up.
 */
import { type Day, dayOfInstant } from "../../extract/dates/day.ts";
import { formatResolved } from "../../extract/dates/format.ts";
import { eventsAt } from "../../extract/events/index.ts";
import type { EventWithStatus } from "../../extract/events/types.ts";
import type { KnowledgeBase } from "../../knowledge/base.ts";
import { formatPubDate } from "../../knowledge/pubdate.ts";
import { sentences } from "../../text/passages.ts";
import { cite } from "../cite.ts";
import { makeAnswer } from "../freshness.ts";
import type { Intent } from "../intent.ts";
import type { AnswerItem } from "../types.ts";
import { type EventsQuery, readEventsQuery } from "./events-query.ts";

/** How many past events follow the upcoming ones ("recent past"); a timeline shows all. */
const RECENT_PAST = 6;
/** Sentences either side of a mention that count as its context for names ("his U.S. counterpart"). */
const CONTEXT_SENTENCES = 2;

export const eventsIntent: Intent<EventsQuery> = {
  name: "events",
  help: [
    "upcoming meetings / what's next / meetings — dated events, soonest first, past ones marked (past)",
    "when is the CUSMA review? / when do Carney and Trump meet? — the dates the articles give",
    "timeline / timeline of the talks — every dated event, oldest first",
  ],
  match: (text) => readEventsQuery(text),
  answer(ctx, q, query) {
    const today = dayOfInstant(ctx.now);
    const events = eventsAt(ctx.kb, ctx.now).filter((e) => wanted(ctx.kb, e, q));
    if (!events.length) {
      const about = q.about ? ` about “${q.about}”` : "";
      return makeAnswer(ctx.kb, query, "events", [], {
        notice: `No dated ${q.kinds ? "meeting or event" : "event"}${about} in the ${ctx.kb.size} articles.`,
      });
    }
    const title = titleOf(q);
    if (q.mode === "timeline") {
      const items = events.map((e) => item(ctx.kb, e, "Timeline"));
      return makeAnswer(ctx.kb, query, "events", items, { title });
    }
    const isToday = (e: EventWithStatus) => e.status === "today" && e.precision === "day";
    const todays = events.filter(isToday);
    const upcoming = events.filter((e) => e.status === "upcoming");
    const period = events.filter((e) => e.status === "today" && e.precision !== "day");
    const past = events
      .filter((e) => e.status === "past")
      .sort((a, b) => b.last.localeCompare(a.last) || b.first.localeCompare(a.first))
      .slice(0, q.mode === "when" ? undefined : RECENT_PAST);
    const items = [
      ...todays.map((e) => item(ctx.kb, e, "Today")),
      ...upcoming.map((e) => item(ctx.kb, e, "Upcoming")),
      ...period.map((e) => item(ctx.kb, e, "This period (day not known)")),
      ...past.map((e) => item(ctx.kb, e, "Past")),
    ];
    const notice =
      todays.length || upcoming.length ? undefined : nothingAhead(ctx.kb, today, period.length > 0);
    return makeAnswer(ctx.kb, query, "events", items, { title, ...(notice ? { notice } : {}) });
  },
};

function titleOf(q: EventsQuery): string {
  const what = q.kinds?.includes("meeting")
    ? "meetings"
    : q.kinds?.includes("deadline")
      ? "deadlines and reviews"
      : "events";
  const about = q.about ? ` “${q.about}”` : "";
  if (q.mode === "timeline") return `Timeline${about}: dated ${what}, oldest first`;
  if (q.mode === "when") return `When:${about}. Dated ${what}, upcoming first, then past`;
  return `Upcoming ${what}${about ? ` on${about}` : ""}, soonest first, then the recent past`;
}

/** The notice when nothing is known to be ahead: today's date and the newest article's. */
function nothingAhead(kb: KnowledgeBase, today: Day, somePeriod: boolean): string {
  const newest = kb.articles()[0];
  const from = newest
    ? `the newest article is from ${formatPubDate(newest.published)}`
    : "the knowledge is empty";
  const period = somePeriod
    ? " Events dated only to this month or year may be past or still ahead."
    : "";
  return `Nothing in the knowledge is dated after today (${formatResolved(today, undefined, "day")}); ${from}. The latest events it reports are listed as past.${period}`;
}

/** One citation per article that reports the event (its first sentence about it), lead article first. */
function item(kb: KnowledgeBase, e: EventWithStatus, section: string): AnswerItem {
  const perArticle = e.mentions.filter(
    (m, i) => e.mentions.findIndex((x) => x.articleId === m.articleId) === i,
  );
  const citations = perArticle.map((m) => {
    const article = kb.get(m.articleId);
    if (!article) throw new Error(`event cites ${m.articleId}, which is not in the knowledge`);
    return cite(article, m.start, m.end);
  });
  const first = citations[0];
  if (!first) throw new Error("an event without a mention");
  return { text: first.snippet, kind: "snippet", citations, section, note: noteOf(e) };
}

/** "Tue Oct. 7, 2025", "Oct. 2025 (month)", plus "(past)" / "(today)" / "(this period …)". */
export function noteOf(e: EventWithStatus): string {
  const date = formatResolved(e.date, e.endDate, e.datePrecision);
  if (e.status === "past") return `${date} (past)`;
  if (e.status === "today")
    return e.precision === "day" ? `${date} (today)` : `${date} (under way, past or still ahead)`;
  return date;
}

function wanted(kb: KnowledgeBase, e: EventWithStatus, q: EventsQuery): boolean {
  if (q.kinds && !q.kinds.includes(e.kind)) return false;
  const said = [...e.mentions.map((m) => m.what), ...e.participants, e.place ?? "", e.kind]
    .join(" ")
    .toLowerCase();
  if (!q.topic.every((w) => containsWord(said, w))) return false;
  if (!q.names.length) return true;
  const context = e.mentions
    .map((m) => contextOf(kb, m.articleId, m.start))
    .join(" ")
    .toLowerCase();
  return q.names.every(
    (n) => containsWord(said, n.toLowerCase()) || containsWord(context, n.toLowerCase()),
  );
}

function containsWord(text: string, word: string): boolean {
  return new RegExp(`(?<![\\p{L}\\p{N}])${word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`, "u").test(
    text,
  );
}

/** The sentences around a mention: who "his U.S. counterpart" is is often said just after. */
function contextOf(kb: KnowledgeBase, articleId: string, start: number): string {
  const article = kb.get(articleId);
  if (!article) return "";
  const all = kb.perArticle("events:sentences", article, (a) => sentences(a.body));
  const i = all.findIndex((s) => s.start === start);
  const from = all[Math.max(0, i - CONTEXT_SENTENCES)];
  const to = all[Math.min(all.length - 1, i + CONTEXT_SENTENCES)];
  return from && to ? article.body.slice(from.start, to.end) : "";
}
