/**
 * Anchors: the words in a sentence that name a tariff ("tariffs", "levy", "duties", "surtax",
 * "counter-tariffs", a measure sector such as "the digital services tax"). Rates, sectors,
 * bases, status words and dates each attach to an anchor, so one sentence about two measures
 * ("lift retaliatory tariffs … to align with U.S. tariff exemptions") yields two separate facts.
 */
import type { SectorMention } from "./sectors.ts";

export interface Anchor {
  start: number;
  end: number;
  /** Canada's retaliation: "counter-tariffs", "retaliatory duties". */
  counter: boolean;
  /** The measure sector this anchor is ("the digital services tax"), when it is one. */
  measure?: SectorMention;
}

// "duty-free" and "tariff-free" name the absence of a tariff, so they are not anchors.
const TARIFF_WORD =
  /(?<![\p{L}-])(?:counter[-\s]?tariffs?|tariffs?|levies|levy|duties|duty|surtax(?:es)?)(?![\p{L}]|[-‑](?:free|exempt))/giu;
const RATE_WORD = /(?<![\p{L}-])rates?(?![\p{L}])/giu;
/** "interest rate", "unemployment rate": a rate that is not a tariff's. */
const OTHER_RATE =
  /(?:interest|unemployment|jobless|inflation|exchange|mortgage|policy|growth|tax|vacancy|participation|birth)\s*$/i;
const COUNTER = /(?:counter|retaliat\w*)[\s-]*$/i;

/** The anchors of one sentence, left to right; measure mentions merge with the tariff word they contain. */
export function findAnchors(text: string, measures: SectorMention[]): Anchor[] {
  const words: Anchor[] = [];
  for (const m of text.matchAll(TARIFF_WORD)) {
    const start = m.index;
    const counter =
      /counter/i.test(m[0]) || COUNTER.test(text.slice(Math.max(0, start - 16), start));
    words.push({ start, end: start + m[0].length, counter });
  }
  // A bare "rate" is a tariff's only next to a real tariff word in the same sentence.
  if (words.length) {
    for (const m of text.matchAll(RATE_WORD)) {
      if (!OTHER_RATE.test(text.slice(Math.max(0, m.index - 16), m.index))) {
        words.push({ start: m.index, end: m.index + m[0].length, counter: false });
      }
    }
  }
  const out: Anchor[] = [];
  for (const mention of measures) {
    const inside = words.filter((w) => w.start < mention.end && w.end > mention.start);
    const start = Math.min(mention.start, ...inside.map((w) => w.start));
    const end = Math.max(mention.end, ...inside.map((w) => w.end));
    out.push({ start, end, counter: inside.some((w) => w.counter), measure: mention });
  }
  for (const w of words) if (!out.some((a) => a.start < w.end && a.end > w.start)) out.push(w);
  return out.sort((a, b) => a.start - b.start);
}

/** Character distance between two spans (0 when they overlap). */
export function gap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  if (a.end <= b.start) return b.start - a.end;
  if (b.end <= a.start) return a.start - b.end;
  return 0;
}

/** The anchor nearest a span, by character distance; ties go to the earlier anchor. */
export function nearestAnchor(anchors: Anchor[], span: { start: number; end: number }): number {
  let best = -1;
  let bestGap = Number.POSITIVE_INFINITY;
  anchors.forEach((a, i) => {
    const g = gap(a, span);
    if (g < bestGap) {
      best = i;
      bestGap = g;
    }
  });
  return best;
}
