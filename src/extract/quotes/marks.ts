/**
 * Finds quoted spans in an article body: curly “…” and straight "…" double quotes, paired within
 * a paragraph. Single quotes are never treated as outer marks (the same character is the
 * apostrophe), so a nested ‘…’ simply stays inside its double-quoted span.
 *
 * News style lets one quotation run over several paragraphs: the paragraph ends without a
 * closing mark and the next one opens again. Such a span ends at its paragraph's end and is
 * flagged `runsOn`; an opening mark that is never closed and not continued is dropped, because
 * its extent is unknown.
 */
import { paragraphs } from "../../text/passages.ts";

export interface QuoteMark {
  /** Offset of the opening mark. */
  open: number;
  /** Offset just past the closing mark, or the paragraph's end for a span that runs on. */
  close: number;
  /**
   * The quoted words: inside the marks, without surrounding white space and without the comma
   * that news style puts before a closing mark ("…removed," said …). Periods, question and
   * exclamation marks inside the marks are kept.
   */
  start: number;
  end: number;
  /** The paragraph ended before a closing mark and the next paragraph opens the quote again. */
  runsOn: boolean;
}

const OPENING_CONTEXT = /[\s([{—–\-/:]/;

/** Whether a straight double quote at `i` opens (rather than closes) a quotation. */
function opensStraight(body: string, i: number, paraStart: number): boolean {
  const before = i > paraStart ? (body[i - 1] as string) : " ";
  const after = body[i + 1] ?? " ";
  if (/\d/.test(before)) return false; // 12" is a measurement, not a quotation
  return OPENING_CONTEXT.test(before) && !/\s/.test(after);
}

export function findQuoteMarks(body: string): QuoteMark[] {
  const out: QuoteMark[] = [];
  const paras = paragraphs(body);
  for (let p = 0; p < paras.length; p++) {
    const para = paras[p] as { start: number; end: number };
    const next = paras[p + 1];
    let open = -1;
    let straight = false;
    for (let i = para.start; i < para.end; i++) {
      const ch = body[i];
      if (open < 0) {
        if (ch === "“" || (ch === '"' && opensStraight(body, i, para.start))) {
          open = i;
          straight = ch === '"';
        }
        continue;
      }
      if ((straight && ch === '"') || (!straight && ch === "”")) {
        push(out, body, open, i + 1, i, false);
        open = -1;
      }
    }
    if (open >= 0 && next && /^["“]/.test(body.slice(next.start, next.start + 1))) {
      push(out, body, open, para.end, para.end, true);
    }
  }
  return out;
}

function push(
  out: QuoteMark[],
  body: string,
  open: number,
  close: number,
  innerEnd: number,
  runsOn: boolean,
): void {
  let start = open + 1;
  let end = innerEnd;
  while (start < end && /\s/.test(body[start] as string)) start++;
  while (end > start && /\s/.test(body[end - 1] as string)) end--;
  if (end > start && body[end - 1] === ",") end--;
  while (end > start && /\s/.test(body[end - 1] as string)) end--;
  if (end > start) out.push({ open, close, start, end, runsOn });
}
