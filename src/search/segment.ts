/**
 * A segment: the packed, immutable index of one shard's articles. Postings live in typed arrays
 * (a passage number and a term count per posting) instead of MiniSearch's nested Maps, which
 * cost about ten times the memory and take seconds to rebuild from JSON at archive scale.
 * A segment is built once from analyzed articles, or decoded from a snapshot, never edited:
 * a change to one of its articles rebuilds the segment.
 */
import type { Article } from "../knowledge/article.ts";
import { pubDateMidpoint, pubDateRange } from "../knowledge/pubdate.ts";
import type { AnalyzedArticle } from "./analyze.ts";

/**
 * A field's local term numbers ordered by their ids in the index's vocabulary, for a binary
 * search per query term.
 */
export interface TermDirectory {
  ids: Uint32Array;
  local: Uint32Array;
}

/** One field's postings: for local term i, entries off[i]..off[i+1] of `doc` and `tf`. */
export interface Postings {
  /** Local term i, for a segment built from articles; emptied once a Shard attaches it. */
  terms: string[];
  /**
   * For a segment read from a snapshot, instead of `terms`: its terms as the snapshot's
   * vocabulary numbers them, which is how the index numbers them after a restart (store.ts).
   */
  dir: TermDirectory | null;
  off: Uint32Array;
  /** Passage number (text) or article number (headline), ascending within a term. */
  doc: Uint32Array;
  tf: Uint8Array;
}

export interface SegmentData {
  /** Article ids, in segment order. */
  ids: string[];
  /** Passages of article a are firstPassage[a]..firstPassage[a+1]. */
  firstPassage: Uint32Array;
  /** Day numbers (days since 1970-01-01) of the first and last day each date can stand for. */
  firstDay: Int32Array;
  lastDay: Int32Array;
  /** Midpoint of each date, in ms since the epoch: what recency is measured from. */
  midpoint: Float64Array;
  headlineLength: Uint16Array;
  passageStart: Uint32Array;
  passageEnd: Uint32Array;
  passageLength: Uint16Array;
  passageArticle: Uint32Array;
  text: Postings;
  headline: Postings;
}

const DAY_MS = 86_400_000;

export function dayNumber(isoDay: string): number {
  return Math.round(Date.parse(`${isoDay}T00:00:00Z`) / DAY_MS);
}

/** Collects (term, doc, tf) triples in doc order, then packs them term by term. */
class PostingsBuilder {
  private readonly ids = new Map<string, number>();
  private readonly termOf: number[] = [];
  private readonly docOf: number[] = [];
  private readonly tfOf: number[] = [];

  add(doc: number, terms: Map<string, number>): void {
    for (const [term, tf] of terms) {
      let id = this.ids.get(term);
      if (id === undefined) {
        id = this.ids.size;
        this.ids.set(term, id);
      }
      this.termOf.push(id);
      this.docOf.push(doc);
      this.tfOf.push(Math.min(tf, 255));
    }
  }

  /** Counting sort by term keeps each term's docs in ascending order. */
  build(): Postings {
    const n = this.termOf.length;
    const off = new Uint32Array(this.ids.size + 1);
    for (const t of this.termOf) (off[t + 1] as number)++;
    for (let i = 1; i < off.length; i++) off[i] = (off[i] as number) + (off[i - 1] as number);
    const next = off.slice(0, -1);
    const doc = new Uint32Array(n);
    const tf = new Uint8Array(n);
    for (let j = 0; j < n; j++) {
      const t = this.termOf[j] as number;
      const at = (next[t] as number)++;
      doc[at] = this.docOf[j] as number;
      tf[at] = this.tfOf[j] as number;
    }
    return { terms: [...this.ids.keys()], dir: null, off, doc, tf };
  }
}

export function buildSegment(articles: Article[], analyzed: AnalyzedArticle[]): SegmentData {
  const total = analyzed.reduce((s, a) => s + a.passages.length, 0);
  const seg: SegmentData = {
    ids: articles.map((a) => a.id),
    firstPassage: new Uint32Array(articles.length + 1),
    firstDay: new Int32Array(articles.length),
    lastDay: new Int32Array(articles.length),
    midpoint: new Float64Array(articles.length),
    headlineLength: new Uint16Array(articles.length),
    passageStart: new Uint32Array(total),
    passageEnd: new Uint32Array(total),
    passageLength: new Uint16Array(total),
    passageArticle: new Uint32Array(total),
    text: {
      terms: [],
      dir: null,
      off: new Uint32Array(1),
      doc: new Uint32Array(0),
      tf: new Uint8Array(0),
    },
    headline: {
      terms: [],
      dir: null,
      off: new Uint32Array(1),
      doc: new Uint32Array(0),
      tf: new Uint8Array(0),
    },
  };
  const text = new PostingsBuilder();
  const headline = new PostingsBuilder();
  let p = 0;
  articles.forEach((article, a) => {
    const an = analyzed[a] as AnalyzedArticle;
    const range = pubDateRange(article.published);
    seg.firstPassage[a] = p;
    seg.firstDay[a] = dayNumber(range.first);
    seg.lastDay[a] = dayNumber(range.last);
    seg.midpoint[a] = pubDateMidpoint(article.published);
    seg.headlineLength[a] = Math.min(an.headlineLength, 65_535);
    headline.add(a, an.headlineTerms);
    for (const passage of an.passages) {
      seg.passageStart[p] = passage.start;
      seg.passageEnd[p] = passage.end;
      seg.passageLength[p] = Math.min(passage.length, 65_535);
      seg.passageArticle[p] = a;
      text.add(p, passage.terms);
      p++;
    }
  });
  seg.firstPassage[articles.length] = p;
  seg.text = text.build();
  seg.headline = headline.build();
  return seg;
}

/**
 * The same segment as one object literal in buildSegment's field order. A segment decoded from a
 * snapshot or cloned from a worker thread would otherwise have another hidden class than a built
 * one, and the scorer's hot loops, tuned to one shape, ran three times slower on a mix of both.
 */
export function sameShape(s: SegmentData): SegmentData {
  const postings = (p: Postings): Postings => ({
    terms: p.terms,
    dir: p.dir,
    off: p.off,
    doc: p.doc,
    tf: p.tf,
  });
  return {
    ids: s.ids,
    firstPassage: s.firstPassage,
    firstDay: s.firstDay,
    lastDay: s.lastDay,
    midpoint: s.midpoint,
    headlineLength: s.headlineLength,
    passageStart: s.passageStart,
    passageEnd: s.passageEnd,
    passageLength: s.passageLength,
    passageArticle: s.passageArticle,
    text: postings(s.text),
    headline: postings(s.headline),
  };
}

/** Passages per article, for the headline statistics (a headline counts once per sentence). */
export function passagesOf(seg: SegmentData, a: number): number {
  return (seg.firstPassage[a + 1] as number) - (seg.firstPassage[a] as number);
}
