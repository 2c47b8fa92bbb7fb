/**
 * Who said what: "what did Hoekstra say [about steel]", "quotes from LeBlanc on steel",
 * "who said white smoke", "who Dawson". Each item is the quoted words verbatim, cited with the
 * sentence (or paragraph) that shows who spoke, and a note naming speaker, role and date.
 * An unknown name gets "No quotes from X in N articles" and the closest names instead.
 */
import type { KnowledgeBase } from "../../knowledge/base.ts";
import { formatPubDate, parsePubDate } from "../../knowledge/pubdate.ts";
import { directory, findPeople, type QuoteRecord } from "../../people/directory.ts";
import { fold } from "../../people/names.ts";
import { noQuotesNotice, quotesFrom, speakerLine } from "../../people/select.ts";
import { cite } from "../cite.ts";
import { makeAnswer } from "../freshness.ts";
import type { AskContext, Intent } from "../intent.ts";
import type { Answer, AnswerItem } from "../types.ts";

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
};

function fromSpeaker(
  ctx: AskContext,
  name: string,
  topic: string | undefined,
  query: string,
): Answer {
  const d = directory(ctx.kb);
  const sel = quotesFrom(d, name);
  if (!sel.found)
    return makeAnswer(ctx.kb, query, "quotes", [], {
      notice: noQuotesNotice(name, ctx.kb.size, sel.closest),
    });
  const who = sel.people.map((p) => p.name).join(" / ") || name;
  if (sel.quotes.length === 0)
    return makeAnswer(ctx.kb, query, "quotes", [], {
      notice: noQuotesNotice(who, ctx.kb.size, []),
    });
  let list = sel.quotes;
  let notice: string | undefined;
  if (topic) {
    const about = list.filter((q) => mentions(ctx.kb, q, topic));
    if (about.length) list = about;
    else notice = `None of ${who}'s quotes mention “${topic}”; showing all ${list.length}.`;
  }
  const title =
    topic && !notice ? `${who} on “${topic}”, newest first` : `Quotes from ${who}, newest first`;
  return makeAnswer(ctx.kb, query, "quotes", items(ctx.kb, list), {
    title,
    ...(notice ? { notice } : {}),
  });
}

function whoSaid(ctx: AskContext, raw: string, query: string): Answer {
  const words = raw.replace(/^["“‘']+|["”’']+$/g, "").trim();
  const d = directory(ctx.kb);
  const needle = fold(words);
  let hits = d.quotes.filter((q) => fold(q.text).includes(needle));
  if (!hits.length) {
    const terms = needle.split(" ").filter((w) => w.length > 2);
    hits = d.quotes.filter(
      (q) => terms.length > 0 && terms.every((t) => fold(q.text).split(" ").includes(t)),
    );
  }
  if (!hits.length) {
    return makeAnswer(ctx.kb, query, "quotes", [], {
      notice: `No quote in the ${ctx.kb.size} articles contains “${words}”. Try fewer words, or ask “what did <name> say”.`,
    });
  }
  return makeAnswer(ctx.kb, query, "quotes", items(ctx.kb, hits), { title: `Who said “${words}”` });
}

/** Whether the quote, or the sentence that carries it, mentions every word of the topic. */
function mentions(kb: KnowledgeBase, q: QuoteRecord, topic: string): boolean {
  const a = kb.get(q.articleId);
  const text = fold(a ? a.body.slice(q.context.start, q.context.end) : q.text);
  const terms = fold(topic)
    .split(" ")
    .filter((w) => w.length > 2);
  return terms.length > 0 && terms.every((t) => text.includes(t.length > 5 ? t.slice(0, -1) : t));
}

/** Direct quotes first, then fragments of reported speech; newest article first within each. */
function items(kb: KnowledgeBase, list: QuoteRecord[]): AnswerItem[] {
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
