/**
 * A citation as Slack shows it: one context element "headline · outlet · date", the headline
 * linked when the article has a URL. The date keeps its precision (formatPubDate).
 */
import type { Citation } from "../answer/types.ts";
import { formatPubDate, parsePubDate } from "../knowledge/pubdate.ts";
import { type ContextBlock, LIMITS, type MrkdwnText } from "./block-kit.ts";
import { clip, escapeMrkdwn, link } from "./mrkdwn.ts";
import { sourcesOf } from "./sources.ts";

/** Headlines are ours to shorten in a context line (the snippet above is what is quoted). */
const HEADLINE_MAX = 300;

export function citationText(
  c: Pick<Citation, "headline" | "outlet" | "published" | "url">,
): string {
  const headline = clip(c.headline, HEADLINE_MAX);
  const d = parsePubDate(c.published);
  const date = d ? formatPubDate(d) : c.published;
  const head = c.url ? link(c.url, headline) : escapeMrkdwn(headline);
  return `${head} · ${escapeMrkdwn(clip(c.outlet, 100))} · ${escapeMrkdwn(date)}`;
}

/**
 * The context block under an item: one element per article cited (sources.ts), at most Slack's
 * 10; an item with more sources says how many more there are in the last element.
 */
export function citationsBlock(cited: readonly Citation[]): ContextBlock {
  const citations = sourcesOf(cited);
  const max = LIMITS.contextElements;
  const shown = citations.length > max ? citations.slice(0, max - 1) : citations;
  const elements: MrkdwnText[] = shown.map((c) => ({ type: "mrkdwn", text: citationText(c) }));
  if (citations.length > shown.length) {
    elements.push({ type: "mrkdwn", text: `and ${citations.length - shown.length} more sources` });
  }
  return { type: "context", elements };
}
