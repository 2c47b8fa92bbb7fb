/**
 * A digest as one Slack message. Unlike an answer it cannot page ("More results" re-asks a
 * question; a morning post has none), so it must fit in one message whatever the day brings:
 * the small sections (tariff changes, upcoming, quotes) are shown whole, the first new articles
 * with their lede, and the rest of a busy day as a list of linked headlines.
 */
import type { AnswerItem } from "../answer/types.ts";
import { groupBy } from "../lists.ts";
import type { Block, SlackMessage } from "../render/block-kit.ts";
import { LIMITS } from "../render/block-kit.ts";
import { context, freshnessText, section } from "../render/blocks.ts";
import { citationText } from "../render/citation.ts";
import { itemBlocks } from "../render/items.ts";
import { clip, escapeMrkdwn } from "../render/mrkdwn.ts";
import { type Digest, SECTION } from "./types.ts";
import { formatLocal } from "./zoned.ts";

/** Articles shown with their lede; more than this reads as a wall. */
const LEDES_SHOWN = 8;
/** Most blocks the small sections may take, so the new articles always keep room. */
const OTHER_BLOCKS = 26;
/** Room kept for the header, the window line and the freshness footer. */
const FRAME_BLOCKS = 3;

export function renderDigestBlocks(digest: Digest): SlackMessage {
  const groups = groupBySection(digest.items);
  const articles = groups.get(SECTION.articles) ?? [];
  const others = otherBlocks(groups);
  const notice = digest.notice ? [section(escapeMrkdwn(clip(digest.notice, 2900)))] : [];
  const room = LIMITS.messageBlocks - FRAME_BLOCKS - others.length - notice.length;
  const blocks: Block[] = [
    {
      type: "header",
      text: { type: "plain_text", text: clip(digest.title ?? "Tariff Desk digest", 150) },
    },
    context(escapeMrkdwn(windowLine(digest))),
    ...articleBlocks(articles, room),
    ...notice,
    ...others,
    context(escapeMrkdwn(freshnessText(digest))),
  ];
  return { text: fallbackText(digest), blocks };
}

/**
 * Tariff changes, upcoming events and quotes: a handful of items each (the builder caps them),
 * but a few very long sentences could still crowd the articles out, so they get at most
 * OTHER_BLOCKS blocks and say how many items did not fit.
 */
function otherBlocks(groups: Map<string, AnswerItem[]>): Block[] {
  const out: Block[] = [];
  let dropped = 0;
  for (const [heading, items] of groups) {
    if (heading === SECTION.articles) continue;
    let first = true;
    for (const item of items) {
      const own = itemBlocks(item, first ? heading : undefined);
      if (out.length + own.length > OTHER_BLOCKS - 1) {
        dropped++;
        continue;
      }
      out.push(...own);
      first = false;
    }
  }
  if (dropped)
    out.push(context(`_${dropped} more item${dropped === 1 ? "" : "s"} did not fit in this post_`));
  return out;
}

function groupBySection(items: readonly AnswerItem[]): Map<string, AnswerItem[]> {
  return groupBy(items, (item) => item.section ?? "");
}

/**
 * The first articles with their lede and citation (two blocks each), then the rest as linked
 * headline lines packed into sections; what still does not fit is counted, not dropped silently.
 */
function articleBlocks(items: readonly AnswerItem[], room: number): Block[] {
  if (!items.length || room <= 0) return [];
  const full: Block[] = [];
  let shown = 0;
  for (const item of items.slice(0, LEDES_SHOWN)) {
    const own = itemBlocks(item, shown === 0 ? `${SECTION.articles} (${items.length})` : undefined);
    // Keep two blocks for the list of the rest, if there is a rest.
    const reserve = shown + 1 < items.length ? 2 : 0;
    if (full.length + own.length + reserve > room) break;
    full.push(...own);
    shown++;
  }
  const rest = items.slice(shown);
  if (!rest.length) return full;
  const lines = rest.map((item) => {
    const c = item.citations[0];
    return c ? `• ${citationText(c)}` : `• ${escapeMrkdwn(clip(item.text, 200))}`;
  });
  const listBlocks: Block[] = [];
  let text = shown ? "*Also new*" : `*${SECTION.articles} (${items.length})*`;
  let listed = 0;
  const budget = room - full.length;
  for (const line of lines) {
    if (text.length + 1 + line.length <= LIMITS.sectionText - 100) {
      text += `\n${line}`;
      listed++;
      continue;
    }
    if (listBlocks.length + 2 > budget) break;
    listBlocks.push(section(text));
    text = line;
    listed++;
  }
  const left = rest.length - listed;
  if (left > 0)
    text += `\n_…and ${left} more, not listed here (the CLI's \`digest\` lists them all)_`;
  listBlocks.push(section(text));
  return [...full, ...listBlocks];
}

function windowLine(d: Digest): string {
  const since = formatLocal(new Date(d.window.since), d.window.timeZone);
  return `New since ${since} · times in ${d.window.timeZone}`;
}

/** The notification line: the title and what the digest holds, counted. */
function fallbackText(d: Digest): string {
  const counts = [...groupBySection(d.items)].map(
    ([heading, items]) => `${heading}: ${items.length}`,
  );
  const body = d.empty ? (d.notice ?? "") : counts.join(" · ");
  return escapeMrkdwn(clip(`${d.title ?? "Tariff Desk digest"}. ${body}`, 1000));
}
