/**
 * Quote extraction for one article: reads the article sentence by sentence, keeping track of
 * who has been named and who has spoken (coref.ts), so that "he said" three paragraphs later
 * still lands on the right person, and a bare quoted paragraph continues its speaker.
 */
import type { Article } from "../../knowledge/article.ts";
import type { KnowledgeBase } from "../../knowledge/base.ts";
import { decideQuotes, type QuoteDecision, type ResolvedCue } from "./attribute.ts";
import { Discourse, type Entity, type PreviousSentence, settleForms } from "./coref.ts";
import { findCues } from "./cues.ts";
import { findQuoteMarks, type QuoteMark } from "./marks.ts";
import {
  classifyRun,
  isCap,
  mainSubject,
  type Phrase,
  runEndForward,
  runStartBackward,
} from "./phrases.ts";
import { roleBefore, rolesAfter } from "./roles.ts";
import { type OuterSentence, outerSentences, type Token } from "./tokens.ts";
import type { ArticleQuotes, ExtractedQuote } from "./types.ts";
import { NOT_NAMES } from "./vocab.ts";

/** The per-article key of an article's quotes. */
export const QUOTES_KEY = "quotes";

/** Quotes of one article, memoized per article so live updates redo only what changed. */
export function articleQuotes(kb: KnowledgeBase, article: Article): ArticleQuotes {
  return kb.perArticle(QUOTES_KEY, article, extractQuotes);
}

interface Carry {
  entity: Entity;
  /** Where the evidence for the speaker starts (for the citation). */
  from: number;
}

interface Pending {
  quotes: ExtractedQuote[];
  fallback: Carry | null;
}

export function extractQuotes(article: Article): ArticleQuotes {
  const body = article.body;
  const marks = findQuoteMarks(body);
  const sentences = outerSentences(body, marks);
  const d = new Discourse();
  const quotes: ExtractedQuote[] = [];
  let carry: Carry | null = null; // from the previous sentence
  let paragraphEnd: Carry | null = null; // from the previous paragraph's last sentence
  let pending: Pending | null = null;
  let previous: PreviousSentence | null = null; // the sentence before, in the same paragraph

  const settle = (p: Pending, c: Carry | null, end?: number) => {
    for (const q of p.quotes) {
      if (!c) continue;
      q.speaker = c.entity;
      q.context = {
        start: Math.min(c.from, q.context.start),
        end: Math.max(end ?? q.context.end, q.context.end),
      };
      d.note(c.entity, q.start, true);
    }
  };

  sentences.forEach((s, si) => {
    const prev = sentences[si - 1];
    const newParagraph = !prev || prev.paragraph !== s.paragraph;
    if (newParagraph && pending) {
      settle(pending, pending.fallback);
      pending = null;
    }
    if (newParagraph) previous = null;
    const { tokens } = s;
    const named = scanNames(body, tokens, d);
    const main = mainSubject(body, tokens);
    const at = { sentenceStart: s.start, previous };
    const found = findCues(body, tokens, main);
    // In a sentence without a speech verb, an opener's capital tells nothing (see openerOnly).
    const mainEntity =
      main && (found.length > 0 || !openerOnly(main, tokens, d))
        ? entityOf(main, tokens, named, d, at)
        : null;
    if (main && mainEntity) d.note(mainEntity, (tokens[main.first] as Token).start, false, true);

    const cues: ResolvedCue[] = [];
    for (const c of found) {
      let entity: Entity | null = null;
      if (c.from === "main") entity = mainEntity;
      else if (c.from === "governing") {
        const earlier = cues.findLast((x) => x.entity && !x.passive);
        entity = earlier ? earlier.entity : main && main.last < c.at ? mainEntity : null;
      } else if (c.phrase) {
        entity =
          main && c.phrase.first === main.first && c.phrase.last === main.last
            ? mainEntity
            : entityOf(c.phrase, tokens, named, d, at);
      }
      if (entity) d.note(entity, (tokens[c.at] as Token).start, true);
      cues.push({ ...c, entity });
    }

    const people = [...named.values()].filter((e) => e.kind !== "org");
    const colonSpeaker =
      mainEntity && mainEntity.kind !== "org" && people.every((e) => e === mainEntity)
        ? mainEntity
        : null;
    const decisions = decideQuotes(body, tokens, cues, marks, colonSpeaker);
    const made = decisions.map((dec) => toQuote(body, marks, dec, s));
    quotes.push(...made);

    if (pending && !newParagraph) {
      const tagged = decisions.findIndex((x) => x.tagged);
      const first = made[tagged];
      if (tagged === 0 && first?.speaker) {
        settle(
          pending,
          { entity: first.speaker, from: pending.quotes[0]?.context.start ?? s.start },
          s.end,
        );
        pending = null;
      } else if (!decisions.every((x) => x.continues)) {
        settle(pending, pending.fallback);
        pending = null;
      }
    }
    const continuing = made.filter((_, i) => (decisions[i] as QuoteDecision).continues);
    if (continuing.length) {
      const source = newParagraph ? null : carry;
      if (source) settle({ quotes: continuing, fallback: null }, source);
      else if (pending) pending.quotes.push(...continuing);
      else if (newParagraph) pending = { quotes: continuing, fallback: paragraphEnd };
    }
    for (const [i, q] of made.entries()) {
      if (q.speaker && !(decisions[i] as QuoteDecision).continues) d.note(q.speaker, q.start, true);
    }

    carry = carryOf(s, made, cues, mainEntity, named);
    const opener = decisions[0]?.tagged && tokens[0]?.kind === "quote" ? made[0]?.speaker : null;
    const subject = mainEntity ?? opener ?? null;
    const mentioned = [
      ...named.values(),
      ...cues.map((c) => c.entity),
      ...made.map((q) => q.speaker),
      mainEntity,
    ];
    previous = {
      subject: subject && subject.kind !== "org" ? subject : null,
      people: [...new Set(mentioned.filter((e): e is Entity => e !== null && e.kind !== "org"))],
    };
    const nextSentence = sentences[si + 1];
    if (!nextSentence || nextSentence.paragraph !== s.paragraph) {
      paragraphEnd = paragraphCarry(s, made, cues);
    }
  });
  if (pending) settle(pending, (pending as Pending).fallback);
  runOn(quotes, marks);
  settleForms(d.entities);
  return { quotes, entities: d.entities };
}

/**
 * Who a phrase of the sentence refers to: a name scanned in it, else whatever the discourse
 * resolves it to. (A module function, not a closure made per sentence.)
 */
function entityOf(
  p: Phrase,
  tokens: Token[],
  named: Map<number, Entity>,
  d: Discourse,
  at: { sentenceStart: number; previous: PreviousSentence | null },
): Entity | null {
  if (p.kind === "name" && named.has(p.last)) return named.get(p.last) ?? null;
  return d.resolve(p, (tokens[p.first] as Token).start, at);
}

function toQuote(
  body: string,
  marks: QuoteMark[],
  dec: QuoteDecision,
  s: OuterSentence,
): ExtractedQuote {
  const m = marks[dec.mark] as QuoteMark;
  return {
    text: body.slice(m.start, m.end),
    start: m.start,
    end: m.end,
    kind: dec.kind,
    speaker: dec.speaker,
    context: { start: s.start, end: s.end },
  };
}

/** Every capitalized name in the sentence (outside quotations), with the roles written around it. */
function scanNames(body: string, tokens: Token[], d: Discourse): Map<number, Entity> {
  const named = new Map<number, Entity>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (!isCap(t) || NOT_NAMES.has(t.lower)) continue;
    const a = runStartBackward(tokens, i);
    const b = runEndForward(tokens, i);
    const p = classifyRun(body, tokens, a, b);
    i = b;
    if (p?.kind !== "name") continue;
    const after = rolesAfter(body, tokens, p.last);
    const before = roleBefore(body, tokens, p.first);
    if (!after.length && !before && openerOnly(p, tokens, d)) continue;
    const e = d.person(p.name, p.role, p.gender);
    if (!e) continue;
    for (const r of after) d.addRole(e, r);
    if (before) d.addRole(e, before);
    named.set(p.last, e);
    d.note(e, (tokens[p.first] as Token).start, false);
  }
  return named;
}

/**
 * A single capitalized word opening its sentence ("Report from the ministry …", "Aerospace
 * exports fell …") that the article has not named before: the capital may be the sentence's
 * alone, so it is no mention of anyone. In a sentence with a speech verb it is still resolved
 * (it may be the speaker), and a bare surname the article introduced is still that person.
 */
function openerOnly(p: Phrase, tokens: Token[], d: Discourse): boolean {
  if (p.kind !== "name" || p.role || p.gender || p.name.includes(" ")) return false;
  for (let i = 0; i < p.first; i++) if ((tokens[i] as Token).kind === "word") return false;
  return !d.knowsSurname(p.name);
}

/** Who a bare quotation in the next sentence of the same paragraph continues. */
function carryOf(
  s: OuterSentence,
  made: ExtractedQuote[],
  cues: ResolvedCue[],
  mainEntity: Entity | null,
  named: Map<number, Entity>,
): Carry | null {
  if (made.some((q) => q.kind === "direct" && !q.speaker)) return null;
  const said = made.findLast((q) => q.speaker);
  if (said?.speaker) return { entity: said.speaker, from: said.context.start };
  const cue = cues.findLast((c) => c.entity && !c.passive);
  if (cue?.entity) return { entity: cue.entity, from: s.start };
  // "The government source also seemed to think it was a good sign. “…”": the sentence's
  // subject, when it is the only person the sentence names.
  const people = new Set([...named.values()].filter((e) => e.kind !== "org"));
  if (mainEntity && mainEntity.kind !== "org" && [...people].every((e) => e === mainEntity)) {
    return { entity: mainEntity, from: s.start };
  }
  return null;
}

/** Who a bare quotation opening the next paragraph continues: a tagged direct quote, or a colon intro. */
function paragraphCarry(
  s: OuterSentence,
  made: ExtractedQuote[],
  cues: ResolvedCue[],
): Carry | null {
  const lastToken = s.tokens.findLast((t) => t.text !== ".");
  if (lastToken?.text === ":") {
    const cue = cues.findLast((c) => c.entity && !c.passive);
    if (cue?.entity) return { entity: cue.entity, from: s.start };
  }
  if (made.some((q) => q.kind === "direct" && !q.speaker)) return null;
  const direct = made.findLast((q) => q.kind === "direct" && q.speaker);
  return direct?.speaker ? { entity: direct.speaker, from: direct.context.start } : null;
}

/** A quotation that runs on into the next paragraph has the speaker of its continuation. */
function runOn(quotes: ExtractedQuote[], marks: QuoteMark[]): void {
  for (let i = quotes.length - 2; i >= 0; i--) {
    const q = quotes[i] as ExtractedQuote;
    const next = quotes[i + 1] as ExtractedQuote;
    const mark = marks.find((m) => m.start === q.start);
    if (mark?.runsOn && !q.speaker && next.speaker) {
      q.speaker = next.speaker;
      q.kind = "direct";
      q.context = { start: q.context.start, end: next.context.end };
    }
  }
}
