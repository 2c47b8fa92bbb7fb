/**
 * Article text as it arrives from Slack, made plain. A message's `text` is Slack mrkdwn with
 * `&`, `<`, `>` escaped and links as <url|label>; a rich text input (the modal's text field) and
 * a message's rich_text block are trees of sections, lists and quotes. An article keeps only the
 * words: labels of links, names of emoji, paragraphs as lines.
 */

/** The subset of Slack's rich text we read; unknown element types keep whatever text they carry. */
export interface RichText {
  type: "rich_text";
  elements: RichTextBlock[];
}

export interface RichTextBlock {
  type: string;
  elements?: (RichTextBlock | RichTextInline)[];
  style?: string;
  indent?: number;
}

export interface RichTextInline {
  type: string;
  text?: string;
  url?: string;
  name?: string;
  unicode?: string;
  user_id?: string;
  channel_id?: string;
  usergroup_id?: string;
  range?: string;
  fallback?: string;
  value?: string;
}

/** Plain text of a rich text value: one line per paragraph, list items as "- item". */
export function richTextToPlain(rich: RichText): string {
  return rich.elements
    .map((block) => blockText(block))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

function blockText(block: RichTextBlock): string {
  const children = block.elements ?? [];
  if (block.type === "rich_text_list") {
    return `${children.map((item) => `- ${blockText(item as RichTextBlock).trim()}`).join("\n")}\n`;
  }
  return children.map((c) => ("elements" in c ? blockText(c) : inlineText(c))).join("");
}

function inlineText(el: RichTextInline): string {
  switch (el.type) {
    case "link":
      return el.text || el.url || "";
    case "emoji":
      return el.unicode ? fromCodePoints(el.unicode) : `:${el.name ?? ""}:`;
    case "user":
      return `@${el.user_id ?? ""}`;
    case "usergroup":
      return `@${el.usergroup_id ?? ""}`;
    case "channel":
      return `#${el.channel_id ?? ""}`;
    case "broadcast":
      return `@${el.range ?? ""}`;
    case "date":
      return el.fallback ?? "";
    default:
      return el.text ?? el.value ?? "";
  }
}

/** "1f1e8-1f1e6" → 🇨🇦; a malformed value gives nothing rather than throwing. */
function fromCodePoints(hex: string): string {
  const points = hex.split("-").map((h) => Number.parseInt(h, 16));
  return points.every((p) => Number.isInteger(p) && p >= 0 && p <= 0x10ffff)
    ? String.fromCodePoint(...points)
    : "";
}

/** A rich text value holding `text` as it is (newlines kept), to prefill the modal's text field. */
export function plainToRichText(text: string): RichText {
  return {
    type: "rich_text",
    elements: [{ type: "rich_text_section", elements: [{ type: "text", text }] }],
  };
}

/** Plain text of a message's mrkdwn `text`: links to their labels, entities unescaped. */
export function mrkdwnToPlain(text: string): string {
  return text
    .replace(/<([^<>|]*)(?:\|([^<>]*))?>/g, (_m, target: string, label?: string) => {
      const sigil = target[0];
      if (sigil === "@" || sigil === "#")
        return label ? `${sigil}${label.replace(/^[@#]/, "")}` : target;
      if (sigil === "!") return label || `@${target.slice(1).split("^")[0]}`;
      return label || target;
    })
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** The words of a Slack message: its rich text when it has one (what the author typed), else its text. */
export function messageToPlain(message: { text?: string; blocks?: unknown[] }): string {
  const rich = (message.blocks ?? []).filter(
    (b): b is RichText => (b as { type?: string }).type === "rich_text",
  );
  if (rich.length) return rich.map(richTextToPlain).join("\n\n");
  return mrkdwnToPlain(message.text ?? "");
}
