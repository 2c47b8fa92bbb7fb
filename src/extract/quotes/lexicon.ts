/**
 * What a general English lexicon knows about a capitalized word: whether it is a common first
 * name (and of which gender), or a place. It comes from the `compromise` package's built-in
 * word lists, so no list of this newsroom's people is kept anywhere in our code.
 */
import { compromise } from "./nlp.ts";

interface WordInfo {
  firstName: boolean;
  gender?: "m" | "f";
  place: boolean;
}

/** What the callers ask of one text, read from a single tagging of it. */
interface Reading {
  /** Of its first term. */
  info: WordInfo;
  /** Every term a place, none a first name. */
  place: boolean;
  /** Its first term a verb form, not a person. */
  verbish: boolean;
}

/**
 * Readings remembered per text: the same names and sentence openers come back in article after
 * article, and one tagging costs a tenth of a millisecond or more. A name is asked about as a
 * word and as a phrase, so one tagging answers both. The tags are read straight from the
 * document's terms (what `.terms().json()` returns, without building that JSON, which cost as
 * much again as the tagging).
 */
const readings = new Map<string, Reading>();

function readingOf(text: string): Reading {
  let reading = readings.get(text);
  if (!reading) {
    const docs = compromise()(text).docs as { tags: Set<string> }[][];
    const tags = docs.flat().map((t) => t.tags);
    const first = tags[0] ?? new Set<string>();
    const info: WordInfo = { firstName: first.has("FirstName"), place: first.has("Place") };
    if (first.has("MaleName")) info.gender = "m";
    else if (first.has("FemaleName")) info.gender = "f";
    reading = {
      info,
      place:
        tags.length > 0 &&
        tags.every((t) => t.has("Place")) &&
        !tags.some((t) => t.has("FirstName")),
      verbish: first.has("Verb") && !first.has("Person"),
    };
    readings.set(text, reading);
  }
  return reading;
}

export function wordInfo(word: string): WordInfo {
  return readingOf(word).info;
}

/** Whether a whole capitalized phrase ("Mexico City", "Ottawa") reads as a place. */
export function isPlace(phrase: string): boolean {
  return readingOf(phrase).place;
}

/** Whether a capitalized sentence opener is a verb form ("Speaking …", "Asked …"), not a name. */
export function isVerbish(word: string): boolean {
  return readingOf(word).verbish;
}
