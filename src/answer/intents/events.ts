/**
 * "Upcoming meetings", "what's next", "when is …", "timeline …": the dated events, judged
 * against the clock. Upcoming events come first (soonest first), then those dated only to the
 * current month or year (they may be past or ahead), then the recent past marked "(past)".
 * When nothing is after today, the answer says so and names the newest article's date, so an
 * old article's "Tuesday" is never passed off as coming up. Each section is cut at a fixed
 * size, with a notice giving the totals and how to narrow; the walk stops where the cut is.
 */
import { type Day, dayNumber, dayOfInstant } from "../../extract/dates/day.ts";
import { formatResolved } from "../../extract/dates/format.ts";
import { statusOf } from "../../extract/events/index.ts";
import type { EventWithStatus } from "../../extract/events/types.ts";
import type { KnowledgeBase } from "../../knowledge/base.ts";
import { formatPubDate } from "../../knowledge/pubdate.ts";
import { cite } from "../cite.ts";
import { makeAnswer } from "../freshness.ts";
import type { Intent } from "../intent.ts";
import type { AnswerItem } from "../types.ts";
import {
  type EventsView,
  eventsView,
  inDateOrder,
  invertedPast,
  kindAt,
  overBefore,
  spanningToday,
  startingAfter,
} from "../views/events.ts";
import { ascending, descending, runLength, take } from "../views/merge.ts";
import { namesMatcher } from "./event-names.ts";
import { type EventsQuery, readEventsQuery } from "./events-query.ts";

/** How many past events follow the upcoming ones ("recent past"). */
const RECENT_PAST = 6;
/**
 * The most a section shows: a reporter reads a list in Slack, not 18,000 lines (at 10,000
 * articles "when are the next talks" matched 18,513 events). Today's, the upcoming (soonest
 * first), those dated only to this period, and in "when" mode the past (most recent first) are
 * each cut here, and the notice gives the total and how to narrow.
 */
const SECTION_CAP = 20;
/** A timeline shows the newest-dated events, oldest first: the end of the story, readable. */
const TIMELINE_CAP = 50;

/** What a section shows, for the notice: how many, of how many (undefined: more, not counted). */
interface Shown {
  order: "soonest" | "most recent" | "first" | "newest-dated";
  what: string;
  shown: number;
  total: number | undefined;
}

export const eventsIntent: Intent<EventsQuery> = {
  name: "events",
  help: [
    "upcoming meetings / what's next / meetings — dated events, soonest first, past ones marked (past)",
    "when is the CUSMA review? / when do Carney and Trump meet? — the dates the articles give",
    "timeline / timeline of the talks — the newest-dated events, oldest first",
  ],
  match: (text) => readEventsQuery(text),
  answer(ctx, q, query) {
    const today = dayOfInstant(ctx.now);
    const view = eventsView(ctx.kb);
    const pass = matcher(ctx.kb, view, q);
    const noun = nounOf(q);
    const title = titleOf(q);
    if (q.mode === "timeline") {
      const runs = inDateOrder(view, q.kinds);
      const { taken, more } = take(descending(runs), pass, TIMELINE_CAP);
      if (!taken.length) return nothingFound(ctx.kb, q, query);
      const items = taken.reverse().map((i) => item(ctx.kb, at(view, i, today), "Timeline"));
      const total = q.topic.length || q.names.length ? undefined : runLength(runs);
      const shown: Shown[] = more
        ? [{ order: "newest-dated", what: noun, shown: taken.length, total }]
        : [];
      return makeAnswer(ctx.kb, query, "events", items, withNotice(title, shown, q));
    }
    const kinds = q.kinds ? new Set<string>(q.kinds) : undefined;
    const around = spanningToday(view, today).filter((i) => !kinds || kinds.has(kindAt(view, i)));
    const isDay = (i: number) => view.days.toTheDay[i] === 1;
    const days = around.filter(isDay);
    const periodIds = around.filter((i) => !isDay(i));
    const todays = take(days, pass, SECTION_CAP);
    const period = take(periodIds, pass, SECTION_CAP);
    const after = startingAfter(view, q.kinds, today);
    const todayNumber = dayNumber(today);
    const upcoming = take(
      ascending(after),
      (i) => (view.days.last[i] as number) >= todayNumber && pass(i),
      SECTION_CAP,
    );
    const before = overBefore(view, q.kinds, today);
    const pastCap = q.mode === "when" ? SECTION_CAP : RECENT_PAST;
    const past = take(ascending(before), (p) => pass(view.pastOrder[p] as number), pastCap);
    const pastIds = past.taken.map((p) => view.pastOrder[p] as number);
    if (!todays.taken.length && !upcoming.taken.length && !period.taken.length && !pastIds.length)
      return nothingFound(ctx.kb, q, query);
    const items = [
      ...todays.taken.map((i) => item(ctx.kb, at(view, i, today), "Today")),
      ...upcoming.taken.map((i) => item(ctx.kb, at(view, i, today), "Upcoming")),
      ...period.taken.map((i) => item(ctx.kb, at(view, i, today), "This period (day not known)")),
      ...pastIds.map((i) => item(ctx.kb, at(view, i, today), "Past")),
    ];
    // Totals are counted only when no word filters the events: then they are list lengths.
    const filtered = q.topic.length > 0 || q.names.length > 0;
    const cut = (more: boolean, order: Shown["order"], what: string, all: () => number) =>
      more ? [{ order, what, shown: SECTION_CAP, total: filtered ? undefined : all() }] : [];
    const shown: Shown[] = [
      ...cut(todays.more, "first", `${noun} today`, () => days.length),
      ...cut(
        upcoming.more,
        "soonest",
        `upcoming ${noun}`,
        () => runLength(after) - invertedPast(view, q.kinds, today),
      ),
      ...cut(
        period.more,
        "first",
        `${noun} dated only to this month or year`,
        () => periodIds.length,
      ),
      // "Upcoming" mode shows a recent past by design; "when" mode cuts the past and says so.
      ...cut(past.more && q.mode === "when", "most recent", `past ${noun}`, () =>
        runLength(before),
      ),
    ];
    const ahead =
      todays.taken.length || upcoming.taken.length
        ? undefined
        : nothingAhead(ctx.kb, today, period.taken.length > 0);
    const frame = withNotice(title, shown, q);
    const notice = [ahead, frame.notice].filter(Boolean).join(" ");
    return makeAnswer(ctx.kb, query, "events", items, { title, ...(notice ? { notice } : {}) });
  },
};

/** The event with its status against today, for the item's note. */
function at(v: EventsView, i: number, today: Day): EventWithStatus {
  const e = v.events.at(i);
  return { ...e, status: statusOf(e, today) };
}

function nothingFound(kb: KnowledgeBase, q: EventsQuery, query: string) {
  const about = q.about ? ` about “${q.about}”` : "";
  return makeAnswer(kb, query, "events", [], {
    notice: `No dated ${q.kinds ? "meeting or event" : "event"}${about} in the ${kb.size} articles.`,
  });
}

/** The title, and when sections were cut, a notice: what is shown of how many, and how to narrow. */
function withNotice(
  title: string,
  shown: Shown[],
  q: EventsQuery,
): { title: string; notice?: string } {
  if (!shown.length) return { title };
  const parts = shown.map((s) =>
    s.total === undefined
      ? `the ${s.order} ${s.shown} ${s.what} (more match)`
      : `the ${s.order} ${s.shown} of ${s.total.toLocaleString("en-US")} ${s.what}`,
  );
  const narrow =
    q.topic.length || q.names.length
      ? `Narrow it with more words or a name, or ask “timeline of ${q.about ?? "<topic>"}”.`
      : "Narrow it with a topic or a name: “upcoming meetings on <topic>”, “when do <name> and <name> meet”, “timeline of <topic>”.";
  return { title, notice: `Showing ${parts.join("; ")}. ${narrow}` };
}

/** "meetings", "deadlines and reviews" or "events", as the question asked. */
function nounOf(q: EventsQuery): string {
  return q.kinds?.includes("meeting")
    ? "meetings"
    : q.kinds?.includes("deadline")
      ? "deadlines and reviews"
      : "events";
}

function titleOf(q: EventsQuery): string {
  const what = nounOf(q);
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

/**
 * Whether an event (by index) has every topic word, as words starting at a word boundary in its
 * lowercased text, and names everyone asked about (event-names.ts). The patterns are compiled
 * once per question; the kinds are chosen by the runs walked, not here.
 */
function matcher(kb: KnowledgeBase, v: EventsView, q: EventsQuery): (i: number) => boolean {
  const topic = q.topic.map(wordPattern);
  const names = q.names.length ? namesMatcher(kb, v, q.names) : null;
  if (!topic.length) return names ?? (() => true);
  return (i) => {
    if (names && !names(i)) return false;
    const said = v.said(i);
    return topic.every((re) => re.test(said));
  };
}

function wordPattern(word: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`, "u");
}
