/**
 * THE ORACLE: the lead's MiniSearch engine exactly as it was before issue 9 (commit 7f9abb0),
 * kept unchanged so the benchmark and test/bench can check that the tuned engine in src/search
 * returns the same passages, in the same order, with the same scores. Do not tune this file.
 *
 * Sentence-level full-text search over the knowledge with MiniSearch. Sentences are the unit
 * because a sentence is what the bot quotes; the headline is indexed beside each so a topic
 * named in the headline lifts the whole article a little.
 *
 * Query planning (why not MiniSearch's defaults): stop-words never reach the index; fuzzy
 * matching is used only for query words the vocabulary lacks (a typo), never for known words,
 * and prefix matching only on the last word; all words must match (AND) before any OR
 * fallback, and the fallback still needs half the words, so a weak match is not passed off as
 * an answer.
 */
import MiniSearch, { type SearchResult } from "minisearch";
import type { Article } from "../../src/knowledge/article.ts";
import type { KnowledgeBase, KnowledgeChange } from "../../src/knowledge/base.ts";
import { pubDateMidpoint } from "../../src/knowledge/pubdate.ts";
import { foldTerm, STOP_WORDS, tokenize } from "../../src/search/normalize.ts";
import { sentences } from "../../src/text/passages.ts";

interface PassageDoc {
  id: string;
  articleId: string;
  start: number;
  end: number;
  text: string;
  headline: string;
}

export interface Hit {
  articleId: string;
  start: number;
  end: number;
  score: number;
  /** Query words (normalized) that this passage matched. */
  matched: string[];
  /** Indexed words matched in place of a query word the index lacks (a typo's correction, a prefix's completion). */
  corrections: string[];
}

export interface SearchOptions {
  limit?: number;
  /** Only passages of these articles. */
  articleIds?: ReadonlySet<string>;
}

/** How much the newest coverage is lifted over year-old coverage of equal relevance. */
const RECENCY_WEIGHT = 0.25;
const RECENCY_HALF_LIFE_DAYS = 180;
/** Edits allowed for an unknown word: none below 5 letters, one up to 7, two from 8 ("alumnium"). */
function typoDistance(term: string): number | false {
  if (term.length < 5) return false;
  return term.length >= 8 ? 2 : 1;
}
const HEADLINE_BOOST = 0.3;

export class ReferencePassageIndex {
  private readonly mini: MiniSearch<PassageDoc>;
  /** Document frequency of every indexed term, so a query word's presence is known without a search. */
  private readonly vocabulary = new Map<string, number>();
  private readonly docIds = new Map<string, string[]>();

  constructor(
    private readonly kb: KnowledgeBase,
    private readonly synonyms: ReadonlyMap<string, string> = kb.options.synonyms ?? new Map(),
  ) {
    this.mini = new MiniSearch<PassageDoc>({
      fields: ["text", "headline"],
      storeFields: ["articleId", "start", "end"],
      tokenize,
      processTerm: (t) => this.normalize(t),
    });
    for (const a of kb.articles()) this.add(a);
    kb.onChange((c) => this.apply(c));
  }

  /** The normalized form of a word, or null for a stop-word. */
  normalize(term: string): string | null {
    const folded = foldTerm(term);
    if (!folded || STOP_WORDS.has(folded)) return null;
    return this.synonyms.get(folded) ?? folded;
  }

  /** Normalized, de-duplicated content words of a query. */
  queryTerms(query: string): string[] {
    const out: string[] = [];
    for (const t of tokenize(query)) {
      const n = this.normalize(t);
      if (n && !out.includes(n)) out.push(n);
    }
    return out;
  }

  /** Normalized terms of words written with a capital after the first word: names, as the asker sees them. */
  private namedTerms(query: string): string[] {
    return tokenize(query)
      .slice(1)
      .filter((t) => /^\p{Lu}/u.test(t))
      .map((t) => this.normalize(t))
      .filter((t): t is string => t !== null);
  }

  has(term: string): boolean {
    return this.vocabulary.has(term);
  }

  search(query: string, options: SearchOptions = {}): Hit[] {
    const terms = this.queryTerms(query);
    if (terms.length === 0) return [];
    const last = terms.length - 1;
    const base = {
      fields: ["text", "headline"],
      boost: { text: 1, headline: HEADLINE_BOOST },
      // Terms are already normalized here; normalizing twice would be harmless but wasted.
      tokenize: () => terms,
      processTerm: (t: string) => t,
      fuzzy: (t: string) => (this.has(t) ? false : typoDistance(t)),
      prefix: (t: string, i: number) => i === last && !this.has(t) && t.length >= 3,
      filter: options.articleIds
        ? (r: SearchResult) => options.articleIds?.has(r.articleId) ?? false
        : undefined,
    };
    let results = this.mini.search(terms.join(" "), { ...base, combineWith: "AND" });
    if (results.length === 0 && terms.length > 1) {
      results = this.mini.search(terms.join(" "), { ...base, combineWith: "OR" });
      const matched = new Set(results.flatMap((r) => r.queryTerms));
      // A name the knowledge has never seen ("Ottawa Senators") means the question is about
      // something we do not cover: answering from its other words would mislead.
      if (this.namedTerms(query).some((t) => !matched.has(t))) return [];
      const need = Math.ceil(terms.length / 2);
      results = results.filter((r) => r.queryTerms.length >= need);
    }
    // The headline only lifts passages that match on their own: a sentence is not "about steel"
    // because its article's headline is.
    const hits = results
      .filter((r) => Object.values(r.match).some((f) => f.includes("text")))
      .map((r) => this.toHit(r));
    hits.sort(
      (a, b) => b.score - a.score || a.articleId.localeCompare(b.articleId) || a.start - b.start,
    );
    return options.limit ? hits.slice(0, options.limit) : hits;
  }

  private toHit(r: SearchResult): Hit {
    const article = this.kb.get(r.articleId) as Article;
    return {
      articleId: r.articleId,
      start: r.start,
      end: r.end,
      score: r.score * (1 + RECENCY_WEIGHT * this.recency(article)),
      matched: r.queryTerms,
      corrections: r.terms.filter((t) => !r.queryTerms.includes(t)),
    };
  }

  /** 1 for the newest coverage, halving every half-life back; a coarse date counts at its midpoint. */
  private recency(article: Article): number {
    const newest = this.kb.articles()[0];
    if (!newest) return 0;
    const ageDays =
      (pubDateMidpoint(newest.published) - pubDateMidpoint(article.published)) / 86_400_000;
    return 0.5 ** (Math.max(0, ageDays) / RECENCY_HALF_LIFE_DAYS);
  }

  private add(article: Article): void {
    const docs: PassageDoc[] = sentences(article.body).map((s) => ({
      id: `${article.id}#${s.start}`,
      articleId: article.id,
      start: s.start,
      end: s.end,
      text: article.body.slice(s.start, s.end),
      headline: article.headline,
    }));
    this.mini.addAll(docs);
    this.docIds.set(
      article.id,
      docs.map((d) => d.id),
    );
    for (const d of docs) this.count(d, 1);
  }

  private remove(article: Article): void {
    for (const id of this.docIds.get(article.id) ?? []) this.mini.discard(id);
    this.docIds.delete(article.id);
    for (const s of sentences(article.body)) {
      this.count({ text: article.body.slice(s.start, s.end), headline: article.headline }, -1);
    }
  }

  private count(doc: Pick<PassageDoc, "text" | "headline">, delta: number): void {
    const seen = new Set<string>();
    for (const t of tokenize(`${doc.text} ${doc.headline}`)) {
      const n = this.normalize(t);
      if (!n || seen.has(n)) continue;
      seen.add(n);
      const c = (this.vocabulary.get(n) ?? 0) + delta;
      if (c > 0) this.vocabulary.set(n, c);
      else this.vocabulary.delete(n);
    }
  }

  private apply(change: KnowledgeChange): void {
    if (change.previous) this.remove(change.previous);
    if (change.article) this.add(change.article);
  }
}
