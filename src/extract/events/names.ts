/**
 * People and places named in a sentence, by shape rather than by list: a person is a run of
 * two or three capitalized words after any title ("Prime Minister Mark Carney" → "Mark Carney"),
 * and a lone surname counts when the article names that person in full elsewhere; a place is
 * the capitalized run after "in" or "at" ("in Mexico City", "at the White House").
 * The word lists below are generic English (titles, the nouns that make a run an institution
 * or a landmark), never names from the articles.
 */
import { isSpaceCode } from "../../text/passages.ts";

/** Titles and roles that precede a name; the name is what follows the last of them. */
const TITLES = new Set(
  (
    "President Vice Prime Minister Ministers Secretary Ambassador Premier Governor Senator Sen Rep Representative " +
    "Leader Opposition Chief Commerce Trade Industry Finance Foreign Deputy Chair Chairman Chairwoman CEO Mr Mrs Ms Dr " +
    "King Queen Prince Princess Pope Mayor Envoy Conservative Liberal Democrat Democratic Republican Director Executive " +
    "Clerk Justice Judge General Commissioner Spokesperson Spokesman Spokeswoman Economist Lawyer Professor Analyst " +
    "International Intergovernmental Public Safety Defence Defense Attorney Sheriff Speaker Senior Former"
  ).split(" "),
);

/** Words that make a capitalized run an institution, a landmark, a law or a place, not a person. */
const NOT_PERSON = new Set(
  (
    "House Office City Agreement Institute Coalition Council Party Department News Post Bank Ministry Parliament " +
    "Castle Throne Street Avenue Hill Square Senate Congress Commission Committee Union Center Centre Foundation " +
    "Association Cooperation Economic Affairs Administration Government States Kingdom Nations Tax Services Protection " +
    "Customs Border Lakes River Island Islands Bay Sea Ocean Province County Times Journal Press Agency Company Group " +
    "Corporation Inc Ltd Act Bill Court Review Summit Forum Organization University College School American Canadian " +
    "Mexican British Chinese European Asian North South East West Pacific Atlantic Day Week Month Year Section"
  ).split(" "),
);

/** Capitalized only because they open a sentence or a clause ("While Carney …", "The USMCA …"). */
const FUNCTION_WORDS = new Set(
  (
    "The A An And But Or If In On At As When While Is Are Was Were Has Have Had Do Does Did Will Can Could Should Would " +
    "This That These Those It He She They We I You Despite However Meanwhile Since After Before With For From To Of By " +
    "Not Why What Who How Where Just Even Only Also Still So Yet Then Now Here There Some Many Most All Both Each Every No " +
    "Our Your His Her Their Its My"
  ).split(" "),
);

const CALENDAR_WORDS =
  /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Aug|Sept|Oct|Nov|Dec)$/;

/** A capitalized word, possibly hyphenated or with an inner capital ("Marc-André", "LeBlanc", "III"). */
const WORD = "\\p{Lu}[\\p{L}\\p{M}]*(?:[-‐][\\p{Lu}\\p{Ll}][\\p{L}\\p{M}]*)*";
/** Capitalized words separated by single spaces; a possessive ’s or a dot ends the run. */
const RUN = new RegExp(`(?<![\\p{L}\\p{M}.])${WORD}(?: ${WORD})*`, "gu");
const WORDS = new RegExp(WORD, "gu");

interface Run {
  start: number;
  words: { text: string; start: number }[];
}

/**
 * The last sentence's runs: a mention reads its sentence's people, places and names (and each
 * place phrase looked its run up again), so the same text came here four or more times in a row.
 * Callers only read the runs.
 */
let last: { sentence: string; runs: Run[] } | undefined;

function runs(sentence: string): Run[] {
  if (last?.sentence !== sentence) last = { sentence, runs: findRuns(sentence) };
  return last.runs;
}

function findRuns(sentence: string): Run[] {
  return [...sentence.matchAll(RUN)].map((m) => ({
    start: m.index,
    // Single letters are initialisms ("U" of "U.S."), never part of a name or a place here.
    words: [...m[0].matchAll(WORDS)]
      .map((w) => ({ text: w[0], start: m.index + w.index }))
      .filter((w) => w.text.length > 1),
  }));
}

/** Runs of two or more capitalized words that are not just sentence openers ("Commerce Board"). */
export function properNames(sentence: string): string[] {
  return runs(sentence)
    .map((r) => r.words.filter((w) => !FUNCTION_WORDS.has(w.text) && !CALENDAR_WORDS.test(w.text)))
    .filter((words) => words.length >= 2)
    .map((words) => words.map((w) => w.text).join(" "));
}

/** Full names (two or three words) in a sentence, with their offsets. */
export function fullNames(sentence: string): { name: string; start: number }[] {
  const out: { name: string; start: number }[] = [];
  for (const run of runs(sentence)) {
    let words = run.words;
    const lastTitle = words.findLastIndex(
      (w) => TITLES.has(w.text) || FUNCTION_WORDS.has(w.text) || CALENDAR_WORDS.test(w.text),
    );
    words = words.slice(lastTitle + 1);
    if (words.length < 2 || words.length > 3) continue;
    if (words.some((w) => NOT_PERSON.has(w.text) || CALENDAR_WORDS.test(w.text))) continue;
    const first = words[0] as { text: string; start: number };
    // "in Mexico City", "the United States": places and institutions take these, people do not.
    if (lastTitle < 0 && afterPlaceWord(sentence, first.start)) continue;
    out.push({ name: words.map((w) => w.text).join(" "), start: first.start });
  }
  return out;
}

const PLACE_WORD_BEFORE = /\b(?:in|at|to|from|the|of)\s+$/i;

/**
 * Whether "in", "at", "to", "from", "the" or "of" and white space end the text before `at`.
 * Tested on the last few characters only: fullNames reads whole bodies, and the pattern run on
 * everything before each name made that quadratic in the body's length. The slice keeps the
 * white space, the word and the character before it, so `\b` sees what it saw before.
 */
function afterPlaceWord(text: string, at: number): boolean {
  let k = at;
  while (k > 0 && isSpaceCode(text.charCodeAt(k - 1))) k--;
  return PLACE_WORD_BEFORE.test(text.slice(Math.max(0, k - 5), at));
}

function surname(name: string): string {
  return name.split(" ").pop() as string;
}

/** A person named in a sentence, with the span of the words that name them. */
export interface NamedPerson {
  name: string;
  start: number;
  end: number;
}

/**
 * The people a sentence names: its full names, plus lone surnames that match a full name in
 * `known` (the article's), in order of first appearance.
 */
export function peopleIn(sentence: string, known: string[]): NamedPerson[] {
  const found = fullNames(sentence);
  const taken = new Set(found.map((f) => f.start));
  const bySurname = new Map<string, string>();
  for (const k of known) if (!bySurname.has(surname(k))) bySurname.set(surname(k), k);
  for (const run of runs(sentence)) {
    for (const w of run.words) {
      const full = bySurname.get(w.text);
      if (full && !found.some((f) => w.start >= f.start && w.start < f.start + f.name.length)) {
        found.push({ name: full, start: w.start });
      }
    }
  }
  const people: NamedPerson[] = [];
  for (const f of found.sort((a, b) => a.start - b.start)) {
    const full = bySurname.get(surname(f.name)) ?? f.name;
    const end = f.start + (taken.has(f.start) ? f.name.length : surname(full).length);
    if (!people.some((p) => p.name === full || surname(p.name) === surname(full)))
      people.push({ name: full, start: f.start, end });
  }
  return people;
}

/** A place phrase: the capitalized run after "in", "at", or "to"/"visit" (which only a visit takes). */
export interface NamedPlace {
  place: string;
  start: number;
  preposition: "in" | "at" | "to";
}

// Regexes with \p{…} are module constants: tsx (esbuild) turns such a literal into
// `new RegExp(…)`, which inside a function is compiled again on every call.
const PLACE_INTRO = /\b(in|at|to|visit(?:s|ed|ing)?)\s+(?:the\s+)?(?=\p{Lu})/gu;

/** Places after "in"/"at"/"to"/"visit" ("at the White House Tuesday" → "White House"), with offsets. */
export function placesIn(sentence: string, people: string[]): NamedPlace[] {
  const out: NamedPlace[] = [];
  for (const m of sentence.matchAll(PLACE_INTRO)) {
    const at = m.index + m[0].length;
    const run = runs(sentence).find((r) => r.start === at);
    if (!run) continue;
    const words = [];
    for (const w of run.words) {
      if (CALENDAR_WORDS.test(w.text) || TITLES.has(w.text)) break;
      words.push(w.text);
    }
    const place = words.join(" ");
    if (!place || people.some((p) => p.includes(place))) continue;
    const preposition = m[1] === "in" || m[1] === "at" ? m[1] : "to";
    out.push({ place, start: at, preposition });
  }
  return out;
}
