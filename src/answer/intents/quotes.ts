/**
 * Who said what: "what did Hoekstra say [about steel]", "quotes from LeBlanc on steel",
 * "who said white smoke", "who Dawson". Each item is the quoted words verbatim, cited with the
 * sentence (or paragraph) that shows who spoke, and a note naming speaker, role and date.
 * An unknown name gets "No quotes from X in N articles" and the closest names instead.
 * An answer shows at most the newest QUOTES_CAP quotes, and then says how many there are.
 */
import type { KnowledgeBase } from "../../knowledge/base.ts";
import { formatPubDate, parsePubDate } from "../../knowledge/pubdate.ts";
import { directory, findPeople } from "../../people/directory.ts";
import { fold } from "../../people/names.ts";
import { noQuotesNotice, speakerLine } from "../../people/select.ts";
import { cite } from "../cite.ts";
import { makeAnswer } from "../freshness.ts";
import type { AskContext, Intent } from "../intent.ts";
import type { Answer, AnswerItem } from "../types.ts";
import { ascending, runLength, take } from "../views/merge.ts";
import { type QuotesView, quotesView, speakerQuotes } from "../views/quotes.ts";

export type QuotesMatch =
  | { by: "speaker"; name: string; topic?: string }
  | { by: "words"; words: string };

const WHO_SAID = /^who\s+(?:said|says|called|wrote)\s*[:,]?\s+(.+?)\s*\??$/i;
const WHAT_SAY =
  /^(?:what|anything)\s+(?:did|does|has|have|had)\s+(.+?)\s+(?:say|said|tell|told|been saying)(?:\s+(?:about|on|regarding)\s+(.+?))?\s*\??$/i;
const QUOTES_FROM =
  /^(?:any\s+)?(?:quotes?|quotations?)\s+(?:from|by|of)\s+(.+?)(?:\s+(?:on|about|regarding)\s+(.+?))?\s*\??$/i;
const WHO_NAME = /^who\s+(?:is\s+)?(.+?)\s*\??$/i;
/** "who Dawson" is a name only when it is written like one: capitalized words, four at most. */
const LOOKS_LIKE_NAME = /^(?:\p{Lu}[\p{L}’'.-]*\s*){1,4}$/u;

export const quotesIntent: Intent<QuotesMatch> = {
  name: "quotes",
  help: [
    "what did Hoekstra say [about steel]? / quotes from LeBlanc on steel — quotes with speaker, role and date",
    "who said white smoke? — the speaker of a quote",
  ],
  match(text, ctx) {
    const said = WHO_SAID.exec(text);
    if (said?.[1]) return { by: "words", words: said[1] };
    const m = WHAT_SAY.exec(text) ?? QUOTES_FROM.exec(text);
    if (m?.[1])
      return m[2] ? { by: "speaker", name: m[1], topic: m[2] } : { by: "speaker", name: m[1] };
    const who = WHO_NAME.exec(text);
    const name = who?.[1];
    if (name && (LOOKS_LIKE_NAME.test(name) || findPeople(directory(ctx.kb), name).length > 0)) {
      return { by: "speaker", name };
    }
    return null;
  },
  answer(ctx, m, query) {
    return m.by === "words"
      ? whoSaid(ctx, m.words, query)
      : fromSpeaker(ctx, m.name, m.topic, query);
  },
  // "Who said …" reads every quote's folded words, folded the first time it is asked.
  *prepare(ctx, m) {
    if (m.by === "words") yield* quotesView(ctx.kb).wordsInSteps();
  },
};

/**
 * The most quotes an answer shows, newest first: a reporter reads them in Slack, and the most
 * quoted person of a 10,000-article archive has 11,782. The notice gives the total and how to
 * narrow (a topic, or more of the quote's words).
 */
const QUOTES_CAP = 20;

function fromSpeaker(
  ctx: AskContext,
  name: string,
  topic: string | undefined,
  query: string,
): Answer {
  const v = quotesView(ctx.kb);
  const sel = speakerQuotes(v, name);
  if (!sel.found)
    return makeAnswer(ctx.kb, query, "quotes", [], {
      notice: noQuotesNotice(name, ctx.kb.size, sel.closest),
    });
  const who = sel.people.map((p) => p.name).join(" / ") || name;
  const total = runLength(sel.runs);
  if (total === 0)
    return makeAnswer(ctx.kb, query, "quotes", [], {
      notice: noQuotesNotice(who, ctx.kb.size, []),
    });
  let list = take(ascending(sel.runs), () => true, QUOTES_CAP);
  let notice = list.more
    ? `Showing the newest ${QUOTES_CAP} of ${count(total)} quotes from ${who}. Narrow it: “what did ${name.trim()} say about <topic>”.`
    : undefined;
  let onTopic = false;
  if (topic) {
    const terms = topicTerms(topic);
    const about = take(
      ascending(sel.runs),
      (i) => terms.length > 0 && terms.every((t) => v.context(i).includes(t)),
      QUOTES_CAP,
    );
    if (about.taken.length) {
      list = about;
      onTopic = true;
      notice = about.more
        ? `Showing the newest ${QUOTES_CAP} quotes from ${who} on “${topic}”; more match. Narrow it with more words about the topic.`
        : undefined;
    } else
      notice = list.more
        ? `None of ${who}'s quotes mention “${topic}”; showing the newest ${QUOTES_CAP} of all ${count(total)}.`
        : `None of ${who}'s quotes mention “${topic}”; showing all ${total}.`;
  }
  const title = onTopic ? `${who} on “${topic}”, newest first` : `Quotes from ${who}, newest first`;
  return makeAnswer(ctx.kb, query, "quotes", items(ctx.kb, v, list.taken), {
    title,
    ...(notice ? { notice } : {}),
  });
}

function whoSaid(ctx: AskContext, raw: string, query: string): Answer {
  const words = raw.replace(/^["“‘']+|["”’']+$/g, "").trim();
  const v = quotesView(ctx.kb);
  const needle = fold(words);
  const said = v.words();
  let hits = countAndTake(said.length, (i) => (said[i] as string).includes(needle));
  if (!hits.total) {
    const terms = needle.split(" ").filter((w) => w.length > 2);
    hits = countAndTake(
      said.length,
      (i) => terms.length > 0 && terms.every((t) => (said[i] as string).includes(` ${t} `)),
    );
  }
  if (!hits.total) {
    return makeAnswer(ctx.kb, query, "quotes", [], {
      notice: `No quote in the ${ctx.kb.size} articles contains “${words}”. Try fewer words, or ask “what did <name> say”.`,
    });
  }
  const notice =
    hits.total > QUOTES_CAP
      ? `Showing the newest ${QUOTES_CAP} of ${count(hits.total)} quotes containing “${words}”. Narrow it with more of the quote's words, or ask “what did <name> say”.`
      : undefined;
  return makeAnswer(ctx.kb, query, "quotes", items(ctx.kb, v, hits.taken), {
    title: `Who said “${words}”`,
    ...(notice ? { notice } : {}),
  });
}

/** Every quote must be looked at to know none matches, so the count is exact and free. */
function countAndTake(
  quotes: number,
  test: (i: number) => boolean,
): { taken: number[]; total: number } {
  const taken: number[] = [];
  let total = 0;
  for (let i = 0; i < quotes; i++) {
    if (!test(i)) continue;
    if (taken.length < QUOTES_CAP) taken.push(i);
    total++;
  }
  return { taken, total };
}

/** A topic's words a quote's sentence must all contain: folded, 3+ letters, a long word's last letter dropped ("tariffs" finds "tariff"). */
function topicTerms(topic: string): string[] {
  return fold(topic)
    .split(" ")
    .filter((w) => w.length > 2)
    .map((t) => (t.length > 5 ? t.slice(0, -1) : t));
}

const count = (n: number) => n.toLocaleString("en-US");

/** Direct quotes first, then fragments of reported speech; newest article first within each. */
function items(kb: KnowledgeBase, v: QuotesView, ids: number[]): AnswerItem[] {
  const list = ids.map((i) => v.directory.quote(i));
  const direct = list.filter((q) => q.kind === "direct");
  const partial = list.filter((q) => q.kind === "partial");
  const both = direct.length > 0 && partial.length > 0;
  return [...direct, ...partial].map((q) => {
    const a = kb.get(q.articleId);
    if (!a) throw new Error(`quotes are out of step: no article ${q.articleId}`);
    const date = parsePubDate(q.published);
    const item: AnswerItem = {
      text: q.text,
      kind: "quote",
      citations: [cite(a, q.context.start, q.context.end)],
      note: `${speakerLine(q)} · ${date ? formatPubDate(date) : q.published}${q.kind === "partial" ? " · partial quote" : ""}`,
    };
    if (both) item.section = q.kind === "direct" ? "Quotes" : "Words quoted in reported speech";
    return item;
  });
}
