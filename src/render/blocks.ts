/**
 * Answer → Slack message: pure functions, so every intent renders without the Slack layer
 * knowing it. A page holds whole items within Slack's limits; when more remain it offers
 * "More results", and the answer can offer "Share in channel". Buttons carry the question
 * (AnswerRef), not the answer.
 */
import type { Answer } from "../answer/types.ts";
import { formatPubDate, parsePubDate } from "../knowledge/pubdate.ts";
import { encodeRef } from "./answer-ref.ts";
import { type Block, type ButtonElement, LIMITS, type SlackMessage } from "./block-kit.ts";
import { renderItems } from "./items.ts";
import { clip, escapeMrkdwn, splitEscaped, userMention } from "./mrkdwn.ts";

export const ACTION_SHARE = "share_answer";
export const ACTION_MORE = "more_results";

export interface RenderOptions {
  /** Index of the first item to show (a "More results" page). */
  from?: number;
  /** Offer "Share in channel" (ephemeral answers only). */
  share?: boolean;
  /** The Slack user id who shared the answer, named above it. */
  sharedBy?: string;
  maxBlocks?: number;
  /** Characters of item text per page. */
  maxChars?: number;
}

export interface RenderedAnswer extends SlackMessage {
  /** Where the next page starts, or null when this page shows the rest. */
  next: number | null;
}

/** Text per page: a long answer reads better as pages, and a page stays one screen or two. */
const PAGE_CHARS = 12_000;

export function renderAnswer(answer: Answer, opts: RenderOptions = {}): RenderedAnswer {
  const total = answer.items.length;
  const from = Math.min(Math.max(opts.from ?? 0, 0), total);
  const head: Block[] = [];
  if (opts.sharedBy) head.push(context(`Shared by ${userMention(opts.sharedBy)}`));
  if (answer.title) head.push(section(`*${escapeMrkdwn(clip(answer.title, 500))}*`));

  const notice = answer.notice
    ? splitEscaped(answer.notice, LIMITS.sectionText).map((p) => section(escapeMrkdwn(p)))
    : [];
  // The footer: freshness (and position) in one context block, then at most one actions block.
  const reserved = head.length + notice.length + 2;
  const maxBlocks = opts.maxBlocks ?? LIMITS.messageBlocks;
  const page = renderItems(answer.items, {
    from,
    maxBlocks: maxBlocks - reserved,
    maxChars: opts.maxChars ?? PAGE_CHARS,
  });
  const end = page.next ?? total;

  const buttons: ButtonElement[] = [];
  const moreValue = page.next !== null ? encodeRef({ query: answer.query, from: page.next }) : null;
  const shareValue = opts.share ? encodeRef({ query: answer.query, from }) : null;
  if (shareValue) buttons.push(button(ACTION_SHARE, "Share in channel", shareValue, true));
  if (moreValue) buttons.push(button(ACTION_MORE, "More results", moreValue));

  const position =
    from > 0 || page.next !== null
      ? `Showing ${from + 1}–${end} of ${total}${page.next !== null && !moreValue ? "; ask a narrower question for the rest" : ""}`
      : null;
  const footer = context(
    [position, escapeMrkdwn(freshnessText(answer))].filter(Boolean).join(" · "),
  );

  const blocks: Block[] = [...head, ...page.blocks, ...notice, footer];
  if (buttons.length) blocks.push({ type: "actions", elements: buttons });
  return { text: fallbackText(answer, from, end), blocks, next: page.next };
}

/** "5 articles in the knowledge, newest Oct. 6, 2025". */
export function freshnessText(answer: Pick<Answer, "freshness">): string {
  const { articles, newest } = answer.freshness;
  const d = newest ? parsePubDate(newest) : null;
  return `${articles} article${articles === 1 ? "" : "s"} in the knowledge, newest ${d ? formatPubDate(d) : "none"}`;
}

/**
 * The notification line and screen-reader text: the title and the first item shown, or the
 * notice when there is nothing to cite. Escaped like everything else.
 */
function fallbackText(answer: Answer, from: number, end: number): string {
  const first = answer.items[from];
  const body = first ? `“${clip(first.text, 200)}”` : (answer.notice ?? "");
  const more = end - from > 1 ? ` (+${end - from - 1} more)` : "";
  const text = [answer.title, body].filter(Boolean).join(": ") + more;
  return escapeMrkdwn(clip(text || "Tariff Desk", 1000));
}

export function section(mrkdwn: string): Block {
  return { type: "section", text: { type: "mrkdwn", text: mrkdwn } };
}

export function context(mrkdwn: string): Block {
  return { type: "context", elements: [{ type: "mrkdwn", text: mrkdwn }] };
}

function button(actionId: string, label: string, value: string, primary = false): ButtonElement {
  const b: ButtonElement = {
    type: "button",
    action_id: actionId,
    text: { type: "plain_text", text: label },
    value,
  };
  if (primary) b.style = "primary";
  return b;
}
