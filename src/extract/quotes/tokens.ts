/**
 * Tokens of the text around quotations. A quoted span is one token, so the rules that look for a
 * speaker never read words inside a quotation ("the prime minister will have…" inside a quote is
 * not a speaker). Offsets point into the article body.
 */
import { sentences } from "../../text/passages.ts";
import type { QuoteMark } from "./marks.ts";

export interface Token {
  text: string;
  /** Lower case, curly apostrophes made straight. */
  lower: string;
  start: number;
  end: number;
  kind: "word" | "punct" | "quote";
  /** For a quote token: its index in the article's quote marks. */
  quote?: number;
}

export interface OuterSentence {
  start: number;
  end: number;
  paragraph: number;
  tokens: Token[];
}

const PIECE =
  /[\p{L}\p{N}][\p{L}\p{M}\p{N}’'\-%]*(?:\.(?=[\p{L}\p{N}])[\p{L}\p{M}\p{N}’'-]*)*\.?|[^\s\p{L}\p{N}]/gu;
const KEEPS_PERIOD =
  /(?:^|[-–])(?:\p{L}\.)+$|^(?:mr|mrs|ms|dr|prof|jr|sr|st|gen|gov|sen|rep|lt|col|capt|hon)\.$/iu;

// Regexes with \p{…} are module constants: tsx (esbuild) turns such a literal into
// `new RegExp(…)`, which inside a function is compiled again on every call.
const STARTS_WORD = /^[\p{L}\p{N}]/u;

export const lowerOf = (s: string): string => {
  const lower = s.toLowerCase();
  return lower.includes("’") ? lower.replace(/’/g, "'") : lower;
};

function words(body: string, from: number, to: number, out: Token[]): void {
  const re = PIECE; // one shared, stateful regex: every call starts it afresh and runs it to the end
  re.lastIndex = 0;
  const text = body.slice(from, to);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let piece = m[0];
    const start = from + m.index;
    const isWord = STARTS_WORD.test(piece);
    if (isWord && piece.endsWith(".") && !KEEPS_PERIOD.test(piece)) {
      piece = piece.slice(0, -1);
      out.push({
        text: piece,
        lower: lowerOf(piece),
        start,
        end: start + piece.length,
        kind: "word",
      });
      out.push({
        text: ".",
        lower: ".",
        start: start + piece.length,
        end: start + piece.length + 1,
        kind: "punct",
      });
      continue;
    }
    out.push({
      text: piece,
      lower: lowerOf(piece),
      start,
      end: start + piece.length,
      kind: isWord ? "word" : "punct",
    });
  }
}

/** Tokens of body[from, to), with each quotation (by its marks) as a single token. */
export function tokenize(body: string, from: number, to: number, marks: QuoteMark[]): Token[] {
  const out: Token[] = [];
  let pos = from;
  marks.forEach((q, i) => {
    if (q.open < from || q.open >= to) return;
    words(body, pos, q.open, out);
    const end = Math.min(q.close, to);
    out.push({
      text: body.slice(q.open, end),
      lower: "",
      start: q.open,
      end,
      kind: "quote",
      quote: i,
    });
    pos = end;
  });
  words(body, pos, to, out);
  return out;
}

/**
 * The body's sentences, except that a sentence boundary inside a quotation does not count: a
 * quoted passage of two sentences and its "…,” she said." form one sentence around it.
 */
export function outerSentences(body: string, marks: QuoteMark[]): OuterSentence[] {
  const inside = (pos: number) => marks.some((q) => q.open < pos && pos < q.close);
  const out: OuterSentence[] = [];
  let current: OuterSentence | undefined;
  for (const s of sentences(body)) {
    if (current && current.paragraph === s.paragraph && inside(s.start)) current.end = s.end;
    else {
      if (current) out.push(current);
      current = { start: s.start, end: s.end, paragraph: s.paragraph, tokens: [] };
    }
  }
  if (current) out.push(current);
  for (const s of out) s.tokens = tokenize(body, s.start, s.end, marks);
  return out;
}
