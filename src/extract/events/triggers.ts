/**
 * The words that make a dated sentence an event, and what kind of event: meetings, summits,
 * talks, visits, deadlines, reviews and tariff actions. A tariff noun is an action only with
 * an action verb near it ("Trump promised new tariffs"), not in "tariffs hurt lumber".
 */
import type { EventKind } from "./types.ts";

export interface Trigger {
  start: number;
  end: number;
  kind: EventKind;
}

const WORDS: [RegExp, EventKind][] = [
  [/\b(?:summits?|conferences?)\b/gi, "summit"],
  [/\b(?:meet|meets|meeting|meetings|met|sit down|sits down|sat down|face-to-face)\b/gi, "meeting"],
  [/\b(?:talks|negotiations|round of negotiations)\b/gi, "talks"],
  [/\b(?:visits?|visited|visiting|trips?|travel(?:s|led|ed)? to|tour)\b/gi, "visit"],
  [/\b(?:deadlines?|due(?!\s+to\b)|comment period|expires?|expiry)\b/gi, "deadline"],
  [/\b(?:reviews?|hearings?|consultations?)\b/gi, "review"],
];

const TARIFF = /\b(?:tariffs?|counter-tariffs|levies|levy|duties|surtax(?:es)?)\b/gi;
const ACTION =
  /\b(?:impos\w*|announc\w*|promis\w*|rais\w*|hik\w*|lift\w*|drop\w*|paus\w*|remov\w*|doubl\w*|increas\w*|slap\w*|levied|threaten\w*|cuts?|(?:take|takes|took|taking|go|goes|went|come|comes|came) (?:into )?effect|kick(?:s|ed)? in|end to)\b/i;
/** How far (characters) an action verb may be from its tariff noun. */
const ACTION_REACH = 50;

export function triggersIn(sentence: string): Trigger[] {
  const out: Trigger[] = [];
  for (const [re, kind] of WORDS) {
    for (const m of sentence.matchAll(re))
      out.push({ start: m.index, end: m.index + m[0].length, kind });
  }
  for (const m of sentence.matchAll(TARIFF)) {
    const around = sentence.slice(
      Math.max(0, m.index - ACTION_REACH),
      m.index + m[0].length + ACTION_REACH,
    );
    if (ACTION.test(around))
      out.push({ start: m.index, end: m.index + m[0].length, kind: "tariff action" });
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Words that, standing between a date (or a person) and an event word, mean it belongs to
 * something else: "on Monday ahead of a planned meeting", "asked Monday … if Carney will …".
 */
export const CLAUSE_BREAK =
  /\b(?:ahead of|before|after|following|follows?|followed|since|in the wake of|prior to|if|whether|(?:said|says|told \w+|announced|noted|added|argued|warned|stated|believes?|expects?|hopes?|thinks?) that)\b|;/i;

/** Kinds that can describe the same occasion: a White House meeting is also a visit to D.C. */
export function family(kind: EventKind): string {
  return kind === "meeting" || kind === "summit" || kind === "talks" || kind === "visit"
    ? "gathering"
    : kind;
}

// Regexes with \p{…} are module constants: tsx (esbuild) turns such a literal into
// `new RegExp(…)`, which inside a function is compiled again on every call.
const CAPITALIZED_TERM = /^\p{Lu}[\p{L}\p{N}-]*$/u;
const ACRONYM = /\b\p{Lu}{3,}\b/gu;

/**
 * The proper nouns and acronyms just before a trigger: "the Asia-Pacific Economic Cooperation
 * (APEC) summit" → Asia-Pacific, Economic, Cooperation, APEC. They name the event.
 */
export function namingTerms(sentence: string, trigger: Trigger): string[] {
  const before = sentence.slice(0, trigger.start).trimEnd().split(/\s+/);
  const terms: string[] = [];
  for (let i = before.length - 1; i >= 0 && terms.length < 6; i--) {
    const word = (before[i] as string).replace(/^\(|\)$/g, "").replace(/[’']s$/, "");
    if (!CAPITALIZED_TERM.test(word)) break;
    terms.push(word);
  }
  return terms.reverse();
}

/** Acronyms of three or more capitals ("CUSMA", "APEC"): the usual names of agreements and forums. */
export function acronyms(sentence: string): string[] {
  return [...new Set([...sentence.matchAll(ACRONYM)].map((m) => m[0]))];
}
