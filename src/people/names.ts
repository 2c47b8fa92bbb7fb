/**
 * Comparing people's names as a reader would: without accents, case, titles or a possessive,
 * with a surname matching its full name and a short first name its long form.
 */
import { TITLES } from "../extract/quotes/vocab.ts";
import { sameFirstName } from "./nicknames.ts";

/**
 * Remembers a string function's results for short inputs. Names and roles repeat in every
 * article, and building the people directory folds each of them once per mention: at 100,000
 * articles that is millions of calls on a few thousand distinct strings (issue 9).
 */
function remembered(f: (s: string) => string): (s: string) => string {
  const cache = new Map<string, string>();
  return (s) => {
    const hit = cache.get(s);
    if (hit !== undefined) return hit;
    const out = f(s);
    if (s.length <= 120) {
      if (cache.size >= 100_000) cache.clear();
      cache.set(s, out);
    }
    return out;
  };
}

export const fold = remembered((s) =>
  s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[’']s\b/g, "")
    .replace(/[’'"“”.,?!]/g, "")
    .replace(/\s+/g, " ")
    .trim(),
);

const LEADING = new Set([
  "mr",
  "mrs",
  "ms",
  "dr",
  "prof",
  "the",
  "us",
  "u.s",
  "canadian",
  "canada",
  "prime",
  "vice",
  "trade",
  "commerce",
  "foreign",
  "finance",
  "former",
]);

/** "Prime Minister Mark Carney" → "mark carney"; "U.S. Ambassador Hoekstra" → "hoekstra". */
export const bareName = remembered((s) => {
  const words = fold(s).split(" ");
  let i = 0;
  while (
    i < words.length - 1 &&
    (TITLES.has(words[i] as string) || LEADING.has(words[i] as string))
  )
    i++;
  return words.slice(i).join(" ");
});

export const surnameOf = (name: string): string => bareName(name).split(" ").pop() ?? "";

/** Whether a name someone typed can refer to a person known as `known`. */
export function nameMatches(query: string, known: string): boolean {
  const q = bareName(query).split(" ");
  const k = bareName(known).split(" ");
  if (q.join(" ") === k.join(" ")) return true;
  if (q[q.length - 1] !== k[k.length - 1]) return false;
  if (q.length === 1) return true;
  return k.length > 1 && sameFirstName(q[0] as string, k[0] as string);
}

/** Edit distance, for suggesting the closest names to one that is not known. */
export function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j] as number;
      row[j] = Math.min(
        cur + 1,
        (row[j - 1] as number) + 1,
        prev + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      prev = cur;
    }
  }
  return row[b.length] as number;
}
