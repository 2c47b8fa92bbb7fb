/**
 * Speech cues in one sentence: each speech verb (or "according to") with the phrase that names
 * its speaker. Where the speaker sits depends on the verb's shape:
 *   "LeBlanc said" (before), "said Peter Hoekstra" (after, next to a quotation),
 *   "Ford, standing alongside …, said" (the sentence's subject, past a parenthetical),
 *   "…, adding that …" (a participle borrows the speaker of the verb it follows),
 *   "with some users labelling …" (the noun after "with"), "according to officials" (after).
 * A passive form ("was described as", "when asked") has no speaker, and says so.
 */
import {
  isCap,
  mainSubject,
  PARTITIVE,
  type Phrase,
  phraseEndingAt,
  phraseStartingAt,
  skipFillersBackward,
} from "./phrases.ts";
import { roleBefore } from "./roles.ts";
import type { Token } from "./tokens.ts";
import { PASSIVE_AUX, speechVerb } from "./verbs.ts";
import { PREPOSITIONS } from "./vocab.ts";

export interface Cue {
  /** Token index of the verb (or of "according"). */
  at: number;
  passive: boolean;
  /** Where the speaker is found. "governing": the nearest earlier cue of the sentence. */
  from: "before" | "after" | "main" | "governing" | "none";
  phrase: Phrase | null;
}

const prevIsQuote = (tokens: Token[], i: number) => {
  let k = i - 1;
  while (
    k >= 0 &&
    (tokens[k] as Token).kind === "punct" &&
    /^[,—–-]$/.test((tokens[k] as Token).text)
  )
    k--;
  return k < 0 || (tokens[k] as Token).kind === "quote";
};

/** Whether the phrase starting at `first` follows a preposition ("speaking to CBC News and Radio-Canada"). */
function objectOfPreposition(tokens: Token[], first: number): boolean {
  let k = first - 1;
  while (k > 0 && ((tokens[k] as Token).lower === "and" || (tokens[k] as Token).text === ",")) {
    k--;
    while (k > 0 && isCap(tokens[k])) k--;
  }
  while (k > 0 && ["the", "a", "an"].includes((tokens[k] as Token).lower)) k--;
  // "one of the officials said": a part of a group is still the speaker.
  if (tokens[k]?.lower === "of" && PARTITIVE.has(tokens[k - 1]?.lower ?? "")) return false;
  return PREPOSITIONS.has(tokens[k]?.lower ?? "");
}

/** `main` is the sentence's subject, when the caller has already read it. */
export function findCues(
  body: string,
  tokens: Token[],
  main: Phrase | null = mainSubject(body, tokens),
): Cue[] {
  const cues: Cue[] = [];
  tokens.forEach((t, i) => {
    if (t.kind !== "word") return;
    if (t.lower === "according" && tokens[i + 1]?.lower === "to") {
      cues.push({ at: i, passive: false, from: "after", phrase: accordingTo(body, tokens, i + 2) });
      return;
    }
    const verb = speechVerb(t.text);
    if (!verb) return;
    const j = skipFillersBackward(tokens, i - 1);
    const before = tokens[j];
    if (verb.form === "past" && before && PASSIVE_AUX.has(before.lower)) {
      cues.push({ at: i, passive: true, from: "none", phrase: null });
      return;
    }
    if (verb.form === "participle") {
      const p = phraseEndingAt(body, tokens, i - 1);
      if (p && tokens[p.first - 1]?.lower === "with")
        cues.push({ at: i, passive: false, from: "before", phrase: p });
      else if (!verb.weak) cues.push({ at: i, passive: false, from: "governing", phrase: null });
      return;
    }
    if (prevIsQuote(tokens, i)) {
      const p = phraseStartingAt(body, tokens, i + 1);
      if (p || !verb.weak) cues.push({ at: i, passive: false, from: "after", phrase: p });
      return;
    }
    const p = phraseEndingAt(body, tokens, j);
    if (p && !objectOfPreposition(tokens, p.first)) {
      cues.push({ at: i, passive: false, from: "before", phrase: p });
      return;
    }
    if (verb.weak) return;
    const joins =
      before && (before.text === "," || before.lower === "and" || before.lower === "but");
    if ((joins || p !== null) && main && main.last < j && tokens[main.last + 1]?.text === ",") {
      cues.push({ at: i, passive: false, from: "main", phrase: main });
    } else if (
      before &&
      (before.lower === "and" || before.lower === "but") &&
      main &&
      main.last < j
    ) {
      cues.push({ at: i, passive: false, from: "main", phrase: main });
    } else cues.push({ at: i, passive: false, from: "none", phrase: null });
  });
  return cues;
}

/**
 * The speaker after "according to". A title set off before the name ("according to Canada’s
 * Minister of …, Dominic LeBlanc") gives way to the name at the end of the clause.
 */
function accordingTo(body: string, tokens: Token[], i: number): Phrase | null {
  const p = phraseStartingAt(body, tokens, i);
  if (p && p.kind !== "description") return p;
  let end = i;
  while (
    end < tokens.length &&
    tokens[end]?.kind !== "quote" &&
    !/^[.;?!]$/.test((tokens[end] as Token).text)
  )
    end++;
  for (let k = end - 1; k > i; k--) {
    if (tokens[k - 1]?.text !== ",") continue;
    const named = phraseStartingAt(body, tokens, k);
    if (named?.kind === "name" && named.last === end - 1 && roleBefore(body, tokens, k))
      return named;
  }
  return p;
}
