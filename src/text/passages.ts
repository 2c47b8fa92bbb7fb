/**
 * Splits an article body into paragraphs and sentences, keeping character offsets into the
 * body so any passage can be cited verbatim later.
 */

import { keep } from "../lists.ts";

export interface Span {
  start: number;
  end: number;
}

export interface Sentence extends Span {
  /** Index of the paragraph that holds it. */
  paragraph: number;
}

/**
 * JavaScript's white space (`\s`, and what trimEnd removes), by UTF-16 code unit. Every body is
 * split several times (search passages, quotes, dates, events, tariff facts), so the splitting
 * below scans character codes instead of running a regex per character.
 */
export function isSpaceCode(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 160) return false;
  return (
    c === 160 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * Paragraphs are separated by one or more blank lines; offsets exclude surrounding white space.
 * (The regex `\S[\s\S]*?(?=\n[ \t]*\n|\s*$)`, written out: a paragraph runs from a non-space
 * character to the first line break followed by a blank line, or to trailing white space.)
 */
export function paragraphs(body: string): readonly Readonly<Span>[] {
  return splitOf(body).paragraphs;
}

function findParagraphs(body: string): Span[] {
  const out: Span[] = [];
  const n = body.length;
  let last = n - 1; // the last non-space character
  while (last >= 0 && isSpaceCode(body.charCodeAt(last))) last--;
  let pos = 0;
  for (;;) {
    let start = pos;
    while (start <= last && isSpaceCode(body.charCodeAt(start))) start++;
    if (start > last) break;
    let stop = start + 1;
    while (stop <= last && !blankLineAt(body, stop)) stop++;
    let end = stop;
    while (isSpaceCode(body.charCodeAt(end - 1))) end--;
    out.push({ start, end });
    pos = stop;
  }
  return out;
}

/** A line break, spaces or tabs, and another line break at `i`. */
function blankLineAt(body: string, i: number): boolean {
  if (body.charCodeAt(i) !== 10) return false;
  let k = i + 1;
  while (k < body.length && (body.charCodeAt(k) === 32 || body.charCodeAt(k) === 9)) k++;
  return body.charCodeAt(k) === 10;
}

/**
 * Words whose trailing period does not end a sentence. Dotted initialisms (U.S., D.C.) are
 * handled by shape, so they are not listed here.
 */
const ABBREVIATIONS = new Set(
  (
    "mr mrs ms dr st jr sr gen gov sen rep lt col capt sgt prof rev hon corp inc ltd co no vs etc approx dept est fig " +
    "jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun"
  ).split(" "),
);

const CLOSERS = "\"'”’)]";
const OPENERS = "\"'“‘([";

/** Sentences of one paragraph, as spans into the whole body. */
function sentencesOf(body: string, para: Span, paragraphIndex: number): Sentence[] {
  const out: Sentence[] = [];
  let start = para.start;
  for (let i = para.start; i < para.end; i++) {
    const c = body.charCodeAt(i);
    if (c !== 46 && c !== 63 && c !== 33) continue; // . ? !
    let j = i + 1;
    while (j < para.end && CLOSERS.includes(body[j] as string)) j++;
    if (j >= para.end) break;
    if (!isSpaceCode(body.charCodeAt(j))) continue;
    let k = j;
    while (k < para.end && isSpaceCode(body.charCodeAt(k))) k++;
    if (!startsSentence(body, k)) continue;
    if (c === 46 && j === i + 1 && !endsSentence(body, start, i)) continue;
    out.push({ start, end: j, paragraph: paragraphIndex });
    start = k;
    i = k - 1;
  }
  if (start < para.end) out.push({ start, end: para.end, paragraph: paragraphIndex });
  return out;
}

/** A capital, a digit or an opening quote or bracket at `k` (the end of the body counts too). */
function startsSentence(body: string, k: number): boolean {
  if (k >= body.length) return true;
  const c = body.charCodeAt(k);
  return (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || OPENERS.includes(body[k] as string);
}

/** Whether the period at `dot` closes a sentence rather than an abbreviation or an initial. */
function endsSentence(body: string, from: number, dot: number): boolean {
  let w = dot;
  while (w > from && isWordOrDot(body.charCodeAt(w - 1))) w--;
  const word = body.slice(w, dot);
  if (/^([A-Za-z]\.)+[A-Za-z]$/.test(word)) return false; // U.S, D.C, e.g
  if (/^[A-Z]$/.test(word)) return false; // a middle initial
  return !ABBREVIATIONS.has(word.toLowerCase());
}

/** [A-Za-z.] */
function isWordOrDot(c: number): boolean {
  return c === 46 || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Every sentence of the body, in order. */
export function sentences(body: string): readonly Readonly<Sentence>[] {
  const split = splitOf(body);
  split.sentences ??= split.paragraphs.flatMap((p, i) => sentencesOf(body, p, i));
  return split.sentences;
}

interface Split {
  paragraphs: readonly Readonly<Span>[];
  sentences?: readonly Readonly<Sentence>[];
}

/**
 * The splits of the bodies split last, by content. On a cold start each body is split seven
 * times (quote marks, quotes, dates, events, tariff facts, coverage, search passages), every
 * extractor going over a worker job's hundred articles in turn: 8% of the extraction's time in
 * a profile of 5,000 articles of the synthetic archive (issue 9). The lists are shared, hence
 * read-only.
 */
const recent = new Map<string, Split>();
const RECENT = 256;

function splitOf(body: string): Split {
  let split = recent.get(body);
  if (split === undefined) {
    split = { paragraphs: findParagraphs(body) };
    keep(recent, body, split, RECENT);
  }
  return split;
}
