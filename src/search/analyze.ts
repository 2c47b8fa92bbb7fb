/**
 * Turns an article into what the index stores: its sentences with their term counts, and its
 * headline's term counts. Lengths count distinct raw tokens (stop-words included), exactly as
 * MiniSearch counts a field's length, so BM25 scores stay those of the engine this replaced.
 */
import type { Article } from "../knowledge/article.ts";
import { sentences } from "../text/passages.ts";
import { foldTerm, STOP_WORDS, tokenize } from "./normalize.ts";

export interface AnalyzedPassage {
  start: number;
  end: number;
  /** Distinct raw tokens: the field length BM25 normalizes by. */
  length: number;
  /** Normalized term → occurrences in the sentence. */
  terms: Map<string, number>;
}

export interface AnalyzedArticle {
  passages: AnalyzedPassage[];
  headlineLength: number;
  headlineTerms: Map<string, number>;
}

/**
 * The one normalization of index and query words: folding, stop-words out, synonyms in. Raw
 * tokens repeat endlessly in news copy, so each raw form is folded once and remembered.
 */
export class Normalizer {
  private readonly cache = new Map<string, string | null>();

  constructor(readonly synonyms: ReadonlyMap<string, string>) {}

  /** The normalized form of a word, or null for a stop-word. */
  term(raw: string): string | null {
    const hit = this.cache.get(raw);
    if (hit !== undefined) return hit;
    const folded = foldTerm(raw);
    const n = !folded || STOP_WORDS.has(folded) ? null : (this.synonyms.get(folded) ?? folded);
    // Bounded by the vocabulary's raw forms; a flood of one-off tokens only costs memory once.
    if (this.cache.size < 2_000_000) this.cache.set(raw, n);
    return n;
  }

  /** Distinct-token length and normalized term counts of one field value. */
  field(text: string): { length: number; terms: Map<string, number> } {
    const tokens = tokenize(text);
    const terms = new Map<string, number>();
    for (const t of tokens) {
      const n = this.term(t);
      if (n) terms.set(n, (terms.get(n) ?? 0) + 1);
    }
    return { length: new Set(tokens).size, terms };
  }
}

export function analyzeArticle(article: Article, normalizer: Normalizer): AnalyzedArticle {
  const passages = sentences(article.body).map((s) => {
    const f = normalizer.field(article.body.slice(s.start, s.end));
    return { start: s.start, end: s.end, length: f.length, terms: f.terms };
  });
  const h = normalizer.field(article.headline);
  return { passages, headlineLength: h.length, headlineTerms: h.terms };
}
