/**
 * Renders an Answer for a terminal (the offline console and the CLI's `ask`): the title, then
 * each item with its note, then its sources as headline · outlet · date, indented under it, each
 * article once (sources.ts).
 */

import type { Answer, Citation } from "../answer/types.ts";
import { formatPubDate, parsePubDate } from "../knowledge/pubdate.ts";
import { sourcesOf } from "./sources.ts";

export function renderTerminal(answer: Answer): string {
  const out: string[] = [];
  if (answer.title) out.push(answer.title, "");
  let section: string | undefined;
  for (const item of answer.items) {
    if (item.section && item.section !== section) {
      out.push(`${item.section}:`);
      section = item.section;
    }
    const text = item.kind === "quote" ? `“${item.text}”` : item.text;
    out.push(`• ${text}${item.note ? `  (${item.note})` : ""}`);
    for (const c of sourcesOf(item.citations)) out.push(`    — ${citationLine(c)}`);
  }
  if (answer.notice) {
    if (answer.items.length) out.push("");
    out.push(answer.notice);
  }
  out.push("", freshnessLine(answer));
  return out.join("\n");
}

/** "Headline · Outlet · Sept. 17, 2025", plus the URL when the article has one. */
export function citationLine(c: Citation): string {
  const d = parsePubDate(c.published);
  const date = d ? formatPubDate(d) : c.published;
  return [c.headline, c.outlet, date].join(" · ") + (c.url ? ` <${c.url}>` : "");
}

export function freshnessLine(answer: Answer): string {
  const { articles, newest } = answer.freshness;
  const d = newest ? parsePubDate(newest) : null;
  return `(${articles} article${articles === 1 ? "" : "s"} in the knowledge; newest ${d ? formatPubDate(d) : "none"})`;
}
