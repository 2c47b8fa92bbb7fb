/**
 * Reads the phrase that names a speaker next to a speech verb: a pronoun, a description
 * ("a senior Canadian government source", "officials"), or a capitalized name with the title
 * written before it ("Canada-U.S. Trade Minister Dominic LeBlanc"), which becomes the role.
 * Capitalized phrases that end in an organization word or hold a possessive ("the Prime
 * Minister’s Office") are organizations; single words the lexicon knows as places are too.
 */
import { isPlace, isVerbish, wordInfo } from "./lexicon.ts";
import type { Token } from "./tokens.ts";
import { speechVerb } from "./verbs.ts";
import {
  CONNECTORS,
  DETERMINERS,
  HONORIFICS,
  INDEFINITE,
  NOT_NAMES,
  ORG_HEADS,
  PERSON_NOUNS,
  PLACE_HEADS,
  PREPOSITIONS,
  PRONOUNS,
  ROLE_MODIFIERS,
  TITLES,
  VERB_FILLERS,
} from "./vocab.ts";

export type Gender = "m" | "f";

// Regexes with \p{…} are module constants: tsx (esbuild) turns such a literal into
// `new RegExp(…)`, which inside a function is compiled again on every call.
const STARTS_UPPER = /^\p{Lu}/u;
const LOWER_ING = /^\p{Ll}+ing$/u;
const LOWER_PARTICIPLE = /^\p{Ll}+(?:ing|ed)$/u;

export type Phrase =
  | { kind: "pronoun"; first: number; last: number; pronoun: "m" | "f" | "plural" | "first" }
  | {
      kind: "description";
      first: number;
      last: number;
      /** As written, determiner included ("A senior Canadian government source"). */
      text: string;
      head: string;
      modifiers: string[];
      definite: boolean;
      plural: boolean;
      gender?: Gender;
    }
  | { kind: "name"; first: number; last: number; name: string; role?: string; gender?: Gender }
  | { kind: "org"; first: number; last: number; name: string };

const isCap = (t: Token | undefined): boolean =>
  !!t && t.kind === "word" && STARTS_UPPER.test(t.text);
const isWord = (t: Token | undefined): t is Token => !!t && t.kind === "word";
const stem = (lower: string) => lower.replace(/['’]s$/, "");
export const isTitle = (lower: string) => TITLES.has(lower) || PERSON_NOUNS.has(lower);
const isPossessive = (t: Token) => /['’]s$/.test(t.text);

/** Words allowed in a name-and-title run, given the neighbour on the side the run grows from. */
function inRun(t: Token | undefined, inner: Token | undefined): boolean {
  if (!isWord(t)) return false;
  if (isCap(t)) return true;
  if (isTitle(t.lower)) return true;
  return (
    ROLE_MODIFIERS.has(t.lower) &&
    !!inner &&
    (isTitle(inner.lower) || ROLE_MODIFIERS.has(inner.lower))
  );
}

/** Grows a run leftwards from token j (inclusive); returns the first index. */
export function runStartBackward(tokens: Token[], j: number): number {
  let k = j;
  while (k > 0) {
    const t = tokens[k - 1];
    if (inRun(t, tokens[k])) {
      k--;
      continue;
    }
    if (t && t.kind === "word" && CONNECTORS.has(t.lower) && isCap(tokens[k])) {
      let c = k - 1;
      while (c > 0 && CONNECTORS.has((tokens[c - 1] as Token).lower)) c--;
      if (c > 0 && isCap(tokens[c - 1])) {
        k = c;
        continue;
      }
    }
    break;
  }
  return k;
}

/** Grows a run rightwards from token i (inclusive); returns the last index. */
export function runEndForward(tokens: Token[], i: number): number {
  let k = i;
  while (k + 1 < tokens.length) {
    const t = tokens[k + 1] as Token;
    if (isCap(t)) {
      k++;
      continue;
    }
    if (isWord(t) && isTitle(t.lower)) {
      k++;
      continue;
    }
    if (
      isWord(t) &&
      ROLE_MODIFIERS.has(t.lower) &&
      inRun(tokens[k + 2], undefined) &&
      !isCap(tokens[k + 2])
    ) {
      k++;
      continue;
    }
    if (isWord(t) && CONNECTORS.has(t.lower) && isCap(tokens[k])) {
      let c = k + 1;
      while (c + 1 < tokens.length && CONNECTORS.has((tokens[c + 1] as Token).lower)) c++;
      if (isCap(tokens[c + 1])) {
        k = c;
        continue;
      }
    }
    break;
  }
  return k;
}

/** Connectors that join a title to its complement ("Minister of …"), never the parts of a name. */
const ROLE_CONNECTORS = new Set(["of", "the", "to", "for", "on", "in"]);
const ACRONYM = /^(?:\p{Lu}{2,}|(?:\p{Lu}\.)+\p{Lu}?\.?)$/u;

// Module-level helpers rather than closures inside classifyRun, which runs for every
// capitalized run of every sentence: creating (and, under tsx, naming) three closures per call
// cost more than the rest of the function.
const at = (tokens: Token[], i: number): Token => tokens[i] as Token;

/** The text from token i to token j, as written. */
const spanText = (body: string, tokens: Token[], i: number, j: number): string =>
  body.slice(at(tokens, i).start, at(tokens, j).end);

const orgOf = (body: string, tokens: Token[], a: number, b: number): Phrase => ({
  kind: "org",
  first: a,
  last: b,
  name: spanText(body, tokens, a, b),
});

/** Turns a run of tokens [a, b] into a name (with its title as role), an organization or a description. */
export function classifyRun(body: string, tokens: Token[], a: number, b: number): Phrase | null {
  let gender: Gender | undefined;
  while (
    a <= b &&
    (at(tokens, a).lower in HONORIFICS ||
      NOT_NAMES.has(at(tokens, a).lower) ||
      CONNECTORS.has(at(tokens, a).lower))
  ) {
    if (at(tokens, a).lower in HONORIFICS) gender = HONORIFICS[at(tokens, a).lower];
    a++;
  }
  while (b >= a && (NOT_NAMES.has(at(tokens, b).lower) || CONNECTORS.has(at(tokens, b).lower))) b--;
  if (a > b) return null;
  // "Office of the U.S. Trade Representative", "Tax Foundation", "CUSMA", "U.S.": organizations.
  if (ORG_HEADS.has(stem(at(tokens, b).lower)) || PLACE_HEADS.has(stem(at(tokens, b).lower)))
    return orgOf(body, tokens, a, b);
  for (let i = a; i < b; i++)
    if (ORG_HEADS.has(at(tokens, i).lower) && ROLE_CONNECTORS.has(at(tokens, i + 1).lower))
      return orgOf(body, tokens, a, b);
  if (a === b && ACRONYM.test(at(tokens, a).text)) return orgOf(body, tokens, a, b);
  let r = -1;
  for (let i = a; i <= b; i++) if (isTitle(at(tokens, i).lower)) r = i;
  if (r === b) {
    // Only a title ("Ontario Premier", "Officials"): a description of someone.
    const head = at(tokens, b).lower;
    return {
      kind: "description",
      first: a,
      last: b,
      text: spanText(body, tokens, a, b),
      head,
      modifiers: tokens.slice(a, b).map((t) => t.lower),
      definite: true,
      plural: head.endsWith("s") && PERSON_NOUNS.has(head),
    };
  }
  let n = r >= a ? r + 1 : a;
  if (r >= a && ROLE_CONNECTORS.has(at(tokens, r + 1).lower)) {
    // "Ambassador to Canada Pete Hoekstra": the name starts at a known first name, else it is
    // the last two words; with neither, the whole run is a title.
    let f = -1;
    for (let i = r + 2; i <= b && f < 0; i++) if (wordInfo(at(tokens, i).text).firstName) f = i;
    n = f >= 0 ? f : b - 1 > r + 2 ? b - 1 : -1;
    if (n < 0) return null;
  }
  // A name ends before a role connector ("Donald Trump in Washington") and at a possessive.
  let e = n;
  while (e < b && !ROLE_CONNECTORS.has(at(tokens, e + 1).lower) && !isPossessive(at(tokens, e)))
    e++;
  if (isPossessive(at(tokens, e)) && e < b && isCap(at(tokens, e + 1)))
    return orgOf(body, tokens, a, b); // "Prime Minister’s Office"
  b = e;
  // "Opposition Pierre Poilievre": a capitalized word before a known first name is not the name.
  for (let i = n + 1; i < b; i++) {
    if (wordInfo(at(tokens, i).text).firstName && !wordInfo(at(tokens, n).text).firstName) n = i;
  }
  const nameTokens = tokens.slice(n, b + 1);
  if (nameTokens.some((t) => !isCap(t) && !CONNECTORS.has(t.lower))) return null;
  const name = spanText(body, tokens, n, b).replace(/[’']s$/, "");
  const firstWord = nameTokens[0] as Token;
  const info = wordInfo(firstWord.text);
  if (nameTokens.length === 1 && PERSON_NOUNS.has(firstWord.lower)) {
    return {
      kind: "description",
      first: a,
      last: b,
      text: spanText(body, tokens, a, b),
      head: firstWord.lower,
      modifiers: [],
      definite: !firstWord.lower.endsWith("s"),
      plural: firstWord.lower.endsWith("s"),
    };
  }
  if (nameTokens.length === 1 && ACRONYM.test(firstWord.text)) return orgOf(body, tokens, a, b);
  if (!info.firstName && r < a && isPlace(name)) return { kind: "org", first: a, last: b, name };
  const phrase: Phrase = { kind: "name", first: a, last: b, name };
  if (n > a && r >= a) phrase.role = spanText(body, tokens, a, n - 1);
  const g = gender ?? (nameTokens.length > 1 ? info.gender : undefined);
  if (g) phrase.gender = g;
  return phrase;
}

export const PARTITIVE = new Set([
  "one",
  "two",
  "three",
  "some",
  "many",
  "several",
  "each",
  "both",
  "all",
  "most",
  "none",
  "another",
]);

/** A description ending at token j ("the government source"), read leftwards. */
function descriptionEndingAt(body: string, tokens: Token[], j: number): Phrase | null {
  const head = tokens[j] as Token;
  let k = j;
  let definite = !head.lower.endsWith("s");
  let determiner = false;
  while (k > 0 && j - k < 5) {
    const t = tokens[k - 1] as Token;
    if (t.kind !== "word") break;
    if (DETERMINERS.has(t.lower) || ["his", "her", "their", "its"].includes(t.lower)) {
      k--;
      determiner = true;
      definite = !INDEFINITE.has(t.lower);
      break;
    }
    if (isPossessive(t)) {
      k--;
      determiner = true;
      definite = false;
      break;
    }
    if (
      PREPOSITIONS.has(t.lower) ||
      VERB_FILLERS.has(t.lower) ||
      speechVerb(t.text) ||
      t.lower in PRONOUNS
    )
      break;
    if (NOT_NAMES.has(t.lower) || LOWER_ING.test(t.text)) break;
    k--;
  }
  if (!determiner && k < j && !isCap(tokens[k])) k = j; // keep only what is clearly part of it
  // "one of the officials": a member of the group the article already named.
  if (determiner && tokens[k - 1]?.lower === "of" && PARTITIVE.has(tokens[k - 2]?.lower ?? ""))
    k -= 2;
  const plural = head.lower.endsWith("s") && PERSON_NOUNS.has(head.lower);
  const text = body.slice((tokens[k] as Token).start, head.end);
  const modifiers = tokens
    .slice(k, j)
    .map((t) => t.lower)
    .filter((w) => !DETERMINERS.has(w));
  const gender: Gender | undefined = /woman$/.test(head.lower)
    ? "f"
    : /man$/.test(head.lower)
      ? "m"
      : undefined;
  const phrase: Phrase = {
    kind: "description",
    first: k,
    last: j,
    text,
    head: head.lower,
    modifiers,
    definite,
    plural,
  };
  if (gender) phrase.gender = gender;
  return phrase;
}

/** The speaker phrase that ends at token j, or null. */
export function phraseEndingAt(body: string, tokens: Token[], j: number): Phrase | null {
  const t = tokens[j];
  if (!isWord(t)) return null;
  const pronoun = PRONOUNS[t.lower];
  if (pronoun) return { kind: "pronoun", first: j, last: j, pronoun };
  if (!isCap(t) && isTitle(t.lower)) {
    const before = tokens[j - 1];
    if (before && isCap(before) && !NOT_NAMES.has(before.lower))
      return classifyRun(body, tokens, runStartBackward(tokens, j), j);
    return descriptionEndingAt(body, tokens, j);
  }
  if (!isCap(t) || NOT_NAMES.has(t.lower)) return null;
  return classifyRun(body, tokens, runStartBackward(tokens, j), j);
}

/** The speaker phrase that starts at token i ("said Peter Hoekstra", "according to officials"), or null. */
export function phraseStartingAt(body: string, tokens: Token[], i: number): Phrase | null {
  const t = tokens[i];
  if (!isWord(t)) return null;
  const pronoun = PRONOUNS[t.lower];
  if (pronoun) return { kind: "pronoun", first: i, last: i, pronoun };
  if (DETERMINERS.has(t.lower) || !isCap(t) || isTitle(t.lower)) {
    // A description: read words up to the last person noun before a break.
    let k = i;
    let lastHead = -1;
    while (k < tokens.length && k - i < 7) {
      const w = tokens[k] as Token;
      const participle = LOWER_PARTICIPLE.test(w.text) && !isTitle(w.lower);
      if (
        w.kind !== "word" ||
        (k > i && (PREPOSITIONS.has(w.lower) || speechVerb(w.text) || participle))
      )
        break;
      if (isTitle(w.lower)) lastHead = k;
      k++;
    }
    if (lastHead >= 0) {
      const named = isCap(tokens[lastHead + 1])
        ? classifyRun(body, tokens, i, runEndForward(tokens, lastHead))
        : null;
      if (named && named.kind === "name") return named;
      return descriptionEndingAt(body, tokens, lastHead);
    }
    if (t.lower === "the" && isCap(tokens[i + 1]))
      return classifyRun(body, tokens, i + 1, runEndForward(tokens, i + 1));
    return null;
  }
  if (NOT_NAMES.has(t.lower)) return null;
  return classifyRun(body, tokens, i, runEndForward(tokens, i));
}

/** Index of the next token at or after i that is not an adverb or auxiliary, walking backwards. */
export function skipFillersBackward(tokens: Token[], j: number): number {
  let k = j;
  while (
    k >= 0 &&
    isWord(tokens[k]) &&
    (VERB_FILLERS.has((tokens[k] as Token).lower) || /^[a-z]+ly$/.test((tokens[k] as Token).text))
  )
    k--;
  return k;
}

/**
 * The grammatical subject at the start of a sentence, skipping up to three leading adverbial
 * clauses ("Speaking in the Oval Office on Monday, Trump said …"). Null when none is found.
 */
export function mainSubject(body: string, tokens: Token[]): Phrase | null {
  let i = 0;
  for (let tries = 0; tries < 4 && i < tokens.length; tries++) {
    while (i < tokens.length && (tokens[i] as Token).kind !== "word") {
      if ((tokens[i] as Token).kind === "quote") return null;
      i++;
    }
    const t = tokens[i];
    if (!t) return null;
    const adverbial = /^(?:and|but|so|yet|or)$/.test(t.lower);
    if (adverbial) {
      i++;
      continue;
    }
    const leading =
      (NOT_NAMES.has(t.lower) && !DETERMINERS.has(t.lower) && !(t.lower in PRONOUNS)) ||
      (/(?:ing|ed)$/.test(t.lower) && isVerbish(t.text));
    if (!leading) {
      const p = phraseStartingAt(body, tokens, i);
      if (p) return p;
    }
    let c = i;
    while (c < tokens.length && (tokens[c] as Token).text !== ",") c++;
    i = c + 1;
  }
  return null;
}

export { isCap, isWord };
