/**
 * Splits an article body into paragraphs and sentences, keeping character offsets into the
 * body so any passage can be cited verbatim later.
 */

export interface Span {
  start: number;
  end: number;
}

export interface Sentence extends Span {
  /** Index of the paragraph that holds it. */
  paragraph: number;
}

/** Paragraphs are separated by one or more blank lines; offsets exclude surrounding white space. */
export function paragraphs(body: string): Span[] {
  const out: Span[] = [];
  const re = /\S[\s\S]*?(?=\n[ \t]*\n|\s*$)/g;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    out.push({ start: m.index, end: m.index + m[0].trimEnd().length });
  }
  return out;
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
export function sentencesOf(body: string, para: Span, paragraphIndex: number): Sentence[] {
  const out: Sentence[] = [];
  let start = para.start;
  for (let i = para.start; i < para.end; i++) {
    const ch = body[i];
    if (ch !== "." && ch !== "?" && ch !== "!") continue;
    let j = i + 1;
    while (j < para.end && CLOSERS.includes(body[j] as string)) j++;
    if (j >= para.end) break;
    if (!/\s/.test(body[j] as string)) continue;
    let k = j;
    while (k < para.end && /\s/.test(body[k] as string)) k++;
    const next = body[k] ?? "";
    if (!(/[A-Z0-9]/.test(next) || OPENERS.includes(next))) continue;
    if (ch === "." && j === i + 1 && !endsSentence(body, start, i)) continue;
    out.push({ start, end: j, paragraph: paragraphIndex });
    start = k;
    i = k - 1;
  }
  if (start < para.end) out.push({ start, end: para.end, paragraph: paragraphIndex });
  return out;
}

/** Whether the period at `dot` closes a sentence rather than an abbreviation or an initial. */
function endsSentence(body: string, from: number, dot: number): boolean {
  let w = dot;
  while (w > from && /[A-Za-z.]/.test(body[w - 1] as string)) w--;
  const word = body.slice(w, dot);
  if (/^([A-Za-z]\.)+[A-Za-z]$/.test(word)) return false; // U.S, D.C, e.g
  if (/^[A-Z]$/.test(word)) return false; // a middle initial
  return !ABBREVIATIONS.has(word.toLowerCase());
}

/** Every sentence of the body, in order. */
export function sentences(body: string): Sentence[] {
  return paragraphs(body).flatMap((p, i) => sentencesOf(body, p, i));
}
