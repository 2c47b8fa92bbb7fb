/**
 * Answer items as Block Kit: each item is a section (its verbatim text, under its group heading
 * when the group starts) followed by a context block with its citations. Items are whole units:
 * a page ends between two items, never inside a snippet, and says where the next page starts.
 */
import type { AnswerItem } from "../answer/types.ts";
import { type Block, LIMITS, type SectionBlock } from "./block-kit.ts";
import { citationsBlock } from "./citation.ts";
import { clip, escapeMrkdwn, splitEscaped } from "./mrkdwn.ts";

export interface ItemBudget {
  /** Index of the first item to render. */
  from: number;
  /** Blocks the items may use. */
  maxBlocks: number;
  /** Characters of section text the items may use (long pages are hard to read, and slow). */
  maxChars: number;
}

export interface RenderedItems {
  blocks: Block[];
  /** Index of the first item not rendered, or null when the rest all fit. */
  next: number | null;
}

/**
 * A passage longer than this many sections is shortened (rare: one paragraph of 9000+
 * characters); the citation still points at the whole of it.
 */
const MAX_SECTIONS_PER_ITEM = 3;

export function renderItems(items: readonly AnswerItem[], budget: ItemBudget): RenderedItems {
  const blocks: Block[] = [];
  let chars = 0;
  let previousSection: string | undefined;
  for (let i = budget.from; i < items.length; i++) {
    const item = items[i] as AnswerItem;
    const heading =
      item.section && (item.section !== previousSection || i === budget.from)
        ? item.section
        : undefined;
    const own = itemBlocks(item, heading);
    const ownChars = own.reduce((n, b) => n + (b.type === "section" ? b.text.text.length : 0), 0);
    const first = i === budget.from;
    if (
      !first &&
      (blocks.length + own.length > budget.maxBlocks || chars + ownChars > budget.maxChars)
    ) {
      return { blocks, next: i };
    }
    if (first && own.length > budget.maxBlocks) return { blocks, next: i };
    blocks.push(...own);
    chars += ownChars;
    previousSection = item.section;
  }
  return { blocks, next: null };
}

/** The blocks of one item: its text in one or more sections, then its citations. */
export function itemBlocks(item: AnswerItem, heading?: string): Block[] {
  // Headings and notes are short lines of ours; clipping them keeps room for the text.
  const head = heading ? `*${escapeMrkdwn(clip(heading, 200))}*\n` : "";
  const note = item.note ? `  _${escapeMrkdwn(clip(item.note, 300))}_` : "";
  let room = LIMITS.sectionText - head.length - note.length - 8;
  for (;;) {
    const pieces = splitEscaped(item.text, room);
    const shortened = pieces.length > MAX_SECTIONS_PER_ITEM;
    const kept = shortened ? pieces.slice(0, MAX_SECTIONS_PER_ITEM) : pieces;
    const texts = kept.map((p, k) => {
      const last = k === kept.length - 1;
      const body =
        decorate(item.kind, p, k === 0, last && !shortened) + (last && shortened ? " …" : "");
      return (k === 0 ? head : "") + body + (last ? note : "");
    });
    // Quote marks on each line can push a piece over the limit: split finer and try again.
    if (texts.every((t) => t.length <= LIMITS.sectionText)) {
      const sections: Block[] = texts.map(
        (t): SectionBlock => ({ type: "section", text: { type: "mrkdwn", text: t } }),
      );
      return item.citations.length ? [...sections, citationsBlock(item.citations)] : sections;
    }
    room = Math.floor(room * 0.8);
  }
}

/**
 * Verbatim text keeps its words; only the frame differs by kind: a snippet is block-quoted,
 * a quote sits in quotation marks, a label (our own line of cited facts) is bold.
 */
function decorate(kind: AnswerItem["kind"], raw: string, first: boolean, last: boolean): string {
  const text = escapeMrkdwn(raw);
  if (kind === "quote") return `${first ? "“" : ""}${text}${last ? "”" : ""}`;
  if (kind === "label") return `*${text}*`;
  return text
    .split("\n")
    .map((line) => `> ${line}`)
    .join("\n");
}
