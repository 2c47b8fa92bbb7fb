/**
 * Events in one article. A sentence describes an event when a resolved date phrase sits near an
 * event word (meet, summit, talks, visit, due, review, a tariff with an action verb). Each date
 * dates at most one event word and each event word takes at most one date, closest pairs
 * first, so "signal on Tuesday, when USTR announced the review …, comments due on Nov. 1"
 * gives the review on Tuesday and the deadline on Nov. 1.
 */
import type { Article } from "../../knowledge/article.ts";
import { type Sentence, sentences } from "../../text/passages.ts";
import type { DateExpr } from "../dates/types.ts";
import { makeMention } from "./mention.ts";
import { fullNames } from "./names.ts";
import { CLAUSE_BREAK, family, namingTerms, type Trigger, triggersIn } from "./triggers.ts";
import type { EventMention } from "./types.ts";

/** Farthest (characters) a date may be from the event word it dates. */
const MAX_GAP = 150;

/** "at the APEC summit": a named event the article dates in another sentence. */
const AT_NAMED = /\b(?:at|during|on the sidelines of)\s+the\s+$/i;
/** What AT_NAMED needs somewhere in the sentence (it is tested on a prefix of it). */
const AT_NAMED_ANYWHERE = /\b(?:at|during|on the sidelines of)\s+the\s/i;

export function mentionsOf(article: Article, dates: DateExpr[]): EventMention[] {
  const known = [...new Set(fullNames(article.body).map((f) => f.name))];
  const all = sentences(article.body);
  const dated: EventMention[] = [];
  const undated: Sentence[] = [];
  for (const s of all) {
    const found = datedIn(article, s, dates, known);
    if (found.length) dated.push(...found);
    else undated.push(s);
  }
  // Only a dated gathering can be inherited: without one no undated sentence needs reading.
  const inherited = dated.some((m) => family(m.kind) === "gathering")
    ? undated.flatMap((s) => inheritedIn(article, s, dated, known))
    : [];
  return [...dated, ...inherited].sort((a, b) => a.start - b.start || a.dateStart - b.dateStart);
}

function datedIn(
  article: Article,
  s: Sentence,
  dates: DateExpr[],
  known: string[],
): EventMention[] {
  const text = article.body.slice(s.start, s.end);
  const here = dates.filter((d) => d.start >= s.start && d.end <= s.end);
  if (!here.length) return [];
  const triggers = triggersIn(text);
  const pairs: { d: DateExpr; t: Trigger; gap: number }[] = [];
  for (const d of here) {
    const [ds, de] = [d.start - s.start, d.end - s.start];
    for (const t of triggers) {
      if (t.start < de && ds < t.end) continue;
      const [from, to] = t.end <= ds ? [t.end, ds] : [de, t.start];
      const between = text.slice(from, to);
      if (to - from > MAX_GAP || CLAUSE_BREAK.test(between)) continue;
      // "said Tuesday that the review would …": the date is the saying's, not the review's.
      if (t.start >= de && /^\s*,?\s*that\b/i.test(between)) continue;
      pairs.push({ d, t, gap: to - from });
    }
  }
  const usedDates = new Set<DateExpr>();
  const usedTriggers = new Set<Trigger>();
  const out: EventMention[] = [];
  for (const { d, t } of pairs.sort((a, b) => a.gap - b.gap)) {
    if (usedDates.has(d) || usedTriggers.has(t)) continue;
    usedDates.add(d);
    usedTriggers.add(t);
    // An unresolved date still claims its event word, so a weaker date cannot take it instead.
    if (d.value !== null) out.push(makeMention(article, s, d, t, known));
  }
  return out;
}

/**
 * A sentence with no date of its own that meets "at the <Name> summit", where the article
 * dates a gathering with the same name elsewhere, is a mention of that gathering.
 */
function inheritedIn(
  article: Article,
  s: Sentence,
  dated: EventMention[],
  known: string[],
): EventMention[] {
  const text = article.body.slice(s.start, s.end);
  if (!AT_NAMED_ANYWHERE.test(text)) return [];
  const triggers = triggersIn(text);
  const meets = triggers.some((t) => t.kind === "meeting");
  for (const t of triggers) {
    if (family(t.kind) !== "gathering") continue;
    const terms = namingTerms(text, t);
    const at = text.lastIndexOf(terms[0] ?? "\u0000", t.start);
    if (!terms.length || at < 0 || !AT_NAMED.test(text.slice(0, at))) continue;
    const anchor = dated.find(
      (m) => family(m.kind) === "gathering" && m.terms.some((x) => terms.includes(x)),
    );
    if (!anchor) continue;
    const date = {
      text: anchor.dateText,
      start: anchor.dateStart,
      end: anchor.dateEnd,
      value: anchor.date,
      precision: anchor.datePrecision,
      direction: "none" as const,
      rule: "inherited",
      ...(anchor.endDate ? { endValue: anchor.endDate } : {}),
    };
    const m = makeMention(article, s, date, meets ? { ...t, kind: "meeting" } : t, known);
    return [
      {
        ...m,
        first: anchor.first,
        last: anchor.last,
        place: m.place ?? anchor.place,
        inherited: true,
      },
    ];
  }
  return [];
}
