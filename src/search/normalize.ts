/**
 * Term normalization shared by indexing and querying, so "Tariffs", "tariff" and the
 * "tariffs" in "counter-tariffs" all meet. Plural folding is deliberately light (no full
 * stemmer): a desk user types nouns, and a heavy stemmer merges words reporters keep apart.
 */

/** Words that carry no topic: dropped from the index and from queries (issue 9: they are also what makes search slow). */
export const STOP_WORDS = new Set(
  (
    "a an and are as at be been but by can could did do does for from had has have he her his i if in into is it its " +
    "me my of on or our she so than that the their them then there these they this those to was we were what when where " +
    "which who whom why will with would you your about also any just more most not no only over such up very whether how tell please anything know s t"
  ).split(" "),
);

/** Splits text into word tokens: letters and digits, apostrophes inside words kept out. */
export function tokenize(text: string): string[] {
  return text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** Lower-cases, strips accents and folds plurals: "Duties" → "duty", "tête" → "tete". */
export function foldTerm(term: string): string {
  let t = term
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{M}+/gu, "");
  if (t.length > 4 && t.endsWith("ies")) t = `${t.slice(0, -3)}y`;
  else if (t.length > 4 && /(ss|x|ch|sh)es$/.test(t)) t = t.slice(0, -2);
  else if (t.length > 3 && t.endsWith("s") && !/(ss|us|is)$/.test(t)) t = t.slice(0, -1);
  return t;
}
