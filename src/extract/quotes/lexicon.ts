/**
 * What a general English lexicon knows about a capitalized word: whether it is a common first
 * name (and of which gender), or a place. It comes from the `compromise` package's built-in
 * word lists, so no list of this newsroom's people is kept anywhere in our code.
 */
import nlp from "compromise";

interface WordInfo {
  firstName: boolean;
  gender?: "m" | "f";
  place: boolean;
}

const cache = new Map<string, WordInfo>();

function tagsOf(text: string): string[][] {
  const json = nlp(text).terms().json() as { terms: { tags: string[] }[] }[];
  return json.map((t) => t.terms[0]?.tags ?? []);
}

export function wordInfo(word: string): WordInfo {
  const hit = cache.get(word);
  if (hit) return hit;
  const tags = tagsOf(word)[0] ?? [];
  const info: WordInfo = { firstName: tags.includes("FirstName"), place: tags.includes("Place") };
  if (tags.includes("MaleName")) info.gender = "m";
  else if (tags.includes("FemaleName")) info.gender = "f";
  cache.set(word, info);
  return info;
}

const placeCache = new Map<string, boolean>();

/** Whether a whole capitalized phrase ("Mexico City", "Ottawa") reads as a place. */
export function isPlace(phrase: string): boolean {
  let hit = placeCache.get(phrase);
  if (hit === undefined) {
    const tags = tagsOf(phrase);
    hit =
      tags.length > 0 &&
      tags.every((t) => t.includes("Place")) &&
      !tags.some((t) => t.includes("FirstName"));
    placeCache.set(phrase, hit);
  }
  return hit;
}

/** Whether a capitalized sentence opener is a verb form ("Speaking …", "Asked …"), not a name. */
export function isVerbish(word: string): boolean {
  const tags = tagsOf(word)[0] ?? [];
  return tags.includes("Verb") && !tags.includes("Person");
}
