/**
 * Query planning: each query word becomes the indexed terms it may match, with a weight. A word
 * the vocabulary knows matches only itself; an unknown word may match its typo neighbours, and
 * the last word its completions: MiniSearch's fuzzy and prefix matching with MiniSearch's own
 * weights, but looked up once in the shared vocabulary instead of once per shard.
 */
import type { Vocabulary } from "./vocabulary.ts";

export interface Expansion {
  term: string;
  id: number;
  weight: number;
}

/** MiniSearch's default weights for a fuzzy and a prefix match. */
const FUZZY_WEIGHT = 0.45;
const PREFIX_WEIGHT = 0.375;

/** Edits allowed for an unknown word: none below 5 letters, one up to 7, two from 8 ("alumnium"). */
export function typoDistance(term: string): number | false {
  if (term.length < 5) return false;
  return term.length >= 8 ? 2 : 1;
}

/**
 * The terms each query word may match, strongest first (ties by term, so the order never
 * depends on the order terms entered the index).
 */
export function expand(terms: string[], vocab: Vocabulary): Expansion[][] {
  const last = terms.length - 1;
  return terms.map((term, i) => {
    if (vocab.has(term)) return [{ term, id: vocab.id(term) as number, weight: 1 }];
    const found = new Map<string, number>();
    if (i === last && term.length >= 3) {
      for (const t of vocab.completions(term)) {
        const distance = t.length - term.length;
        found.set(t, (PREFIX_WEIGHT * t.length) / (t.length + 0.3 * distance));
      }
    }
    const distance = typoDistance(term);
    if (distance !== false) {
      for (const [t, d] of vocab.neighbours(term, distance)) {
        if (!found.has(t)) found.set(t, (FUZZY_WEIGHT * t.length) / (t.length + d));
      }
    }
    return [...found]
      .map(([t, weight]) => ({ term: t, id: vocab.id(t) as number, weight }))
      .sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : 1));
  });
}
