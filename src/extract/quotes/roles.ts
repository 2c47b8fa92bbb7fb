/**
 * Roles written next to a name, besides the title before it (which phrases.ts reads):
 * an apposition after it ("Peter Hoekstra, U.S. Ambassador to Canada") and a title phrase set off
 * before it ("Canada’s Minister of Intergovernmental Affairs, Infrastructure, and Communities,
 * Dominic LeBlanc"). Coordinated roles ("an expert on … and the executive director of …") are
 * kept as separate roles. Roles are the article's words, less a leading article.
 */
import { isCap, isTitle } from "./phrases.ts";
import type { Token } from "./tokens.ts";
import { speechVerb } from "./verbs.ts";
import { CONNECTORS, DETERMINERS, PREPOSITIONS } from "./vocab.ts";

const STOP = new Set([",", ".", ";", ":", ")", "(", "—", "–", "?", "!"]);

/** Roles in an apposition right after the name that ends at token `last`. */
export function rolesAfter(body: string, tokens: Token[], last: number): string[] {
  if (tokens[last + 1]?.text !== ",") return [];
  const from = last + 2;
  let to = from;
  while (to < tokens.length && tokens[to]?.kind === "word" && !STOP.has((tokens[to] as Token).text))
    to++;
  if (to === from) return [];
  const first = tokens[from] as Token;
  const opensLikeRole = DETERMINERS.has(first.lower) || isCap(first) || isTitle(first.lower);
  const slice = tokens.slice(from, to);
  if (!opensLikeRole || slice.some((t) => speechVerb(t.text)?.weak === false)) return [];
  // "Jane Okonjo, a customs broker": an article-led phrase after a name describes the person.
  const described = ["a", "an", "the"].includes(first.lower) && slice.length <= 12;
  if (!described && !slice.slice(0, 5).some((t) => isTitle(t.lower))) return [];
  const text = body.slice(first.start, (tokens[to - 1] as Token).end);
  return text
    .split(/\s+and\s+(?=(?:the|a|an)\s)/)
    .map(stripArticle)
    .filter(
      (r, i) =>
        i === 0 ||
        r
          .split(/\s+/)
          .slice(0, 5)
          .some((w) => isTitle(w.toLowerCase())),
    );
}

/** A title phrase set off by a comma right before the name that starts at token `first`. */
export function roleBefore(body: string, tokens: Token[], first: number): string | undefined {
  if (tokens[first - 1]?.text !== ",") return undefined;
  let k = first - 2;
  while (k >= 0) {
    const t = tokens[k] as Token;
    if (t.kind === "quote") break;
    const joins = t.text === "," || CONNECTORS.has(t.lower) || t.lower === "and";
    if (!(isCap(t) || (t.kind === "word" && joins) || t.text === ",")) break;
    k--;
  }
  const seg = tokens.slice(k + 1, first - 1);
  while (seg.length && (seg[0]?.text === "," || PREPOSITIONS.has((seg[0] as Token).lower)))
    seg.shift();
  const t0 = seg[0];
  if (!t0 || !isCap(t0)) return undefined;
  const titleAt = seg.findIndex((t) => isCap(t) && isTitle(t.lower));
  if (titleAt < 0) return undefined;
  // After the title only its complement may follow ("of Intergovernmental Affairs, …"), not a name.
  const next = seg[titleAt + 1];
  if (next && !CONNECTORS.has(next.lower)) return undefined;
  return body.slice(t0.start, (seg[seg.length - 1] as Token).end);
}

function stripArticle(s: string): string {
  return s.replace(/^(?:the|a|an)\s+/i, "").trim();
}
