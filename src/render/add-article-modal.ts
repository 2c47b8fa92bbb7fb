/**
 * The "Add article" modal and the views that follow it (added, not an editor), as Block Kit.
 * Pure data: the Slack layer opens them and reads the submitted values by the block ids below.
 * The text field is a rich text input because a plain-text input holds at most 3,000
 * characters, less than a typical article.
 */
import type { AnswerItem } from "../answer/types.ts";
import type { RichText } from "../live/slack-text.ts";
import type { Block, PlainText } from "./block-kit.ts";
import { context, section } from "./blocks.ts";
import { renderItems } from "./items.ts";
import { clip, escapeMrkdwn } from "./mrkdwn.ts";

export const ADD_ARTICLE_VIEW = "add_article";
/** Every input's action id; the block id names the field. */
export const FIELD_ACTION = "value";

/** Block ids of the modal's inputs, which are also the keys of `response_action: "errors"`. */
export const FIELDS = {
  headline: "headline",
  outlet: "outlet",
  author: "author",
  published: "published",
  url: "url",
  text: "text",
} as const;
export type Field = keyof typeof FIELDS;

interface InputElement {
  type: "plain_text_input" | "url_text_input" | "rich_text_input";
  action_id: string;
  initial_value?: string | RichText;
  max_length?: number;
  placeholder?: PlainText;
  focus_on_load?: boolean;
}

export interface InputBlock {
  type: "input";
  block_id: string;
  label: PlainText;
  element: InputElement;
  hint?: PlainText;
  optional?: boolean;
}

export interface ModalView {
  type: "modal";
  callback_id?: string;
  title: PlainText;
  submit?: PlainText;
  close: PlainText;
  blocks: (Block | InputBlock)[];
}

const plain = (text: string): PlainText => ({ type: "plain_text", text });

function input(
  field: Field,
  label: string,
  element: Omit<InputElement, "action_id">,
  extra: { hint?: string; optional?: boolean } = {},
): InputBlock {
  const block: InputBlock = {
    type: "input",
    block_id: FIELDS[field],
    label: plain(label),
    element: { action_id: FIELD_ACTION, ...element },
  };
  if (extra.hint) block.hint = plain(extra.hint);
  if (extra.optional) block.optional = true;
  return block;
}

export interface AddArticlePrefill {
  /** Today as YYYY-MM-DD, the usual publication date of an article added on the day. */
  today: string;
  /** The text to start from (a message shortcut's message). */
  text?: RichText;
}

export function addArticleModal(prefill: AddArticlePrefill): ModalView {
  const text: Omit<InputElement, "action_id"> = { type: "rich_text_input" };
  if (prefill.text) text.initial_value = prefill.text;
  else text.placeholder = plain("Paste the article's text");
  return {
    type: "modal",
    callback_id: ADD_ARTICLE_VIEW,
    title: plain("Add article"),
    submit: plain("Add"),
    close: plain("Cancel"),
    blocks: [
      input("headline", "Headline", {
        type: "plain_text_input",
        max_length: 300,
        focus_on_load: true,
      }),
      input("outlet", "Outlet", { type: "plain_text_input", max_length: 150 }),
      input("author", "Author", { type: "plain_text_input", max_length: 150 }, { optional: true }),
      input(
        "published",
        "Published",
        { type: "plain_text_input", initial_value: prefill.today, max_length: 10 },
        { hint: "YYYY-MM-DD; YYYY-MM or YYYY when the day is not known" },
      ),
      input("url", "Link", { type: "url_text_input" }, { optional: true }),
      input("text", "Article text", text, {
        hint: "Paragraphs are kept as they are; a first line repeating the headline is dropped.",
      }),
    ],
  };
}

export interface AddedArticle {
  id: string;
  file: string;
  headline: string;
}

/** What replaces the modal once the article is in: its id, and the first facts found in it. */
export function addedModal(article: AddedArticle, facts: readonly AnswerItem[]): ModalView {
  const blocks: (Block | InputBlock)[] = [
    section(
      `*${escapeMrkdwn(clip(article.headline, 300))}* is in the knowledge and answering now.\nId: \`${escapeMrkdwn(article.id)}\` · file \`${escapeMrkdwn(article.file)}\``,
    ),
  ];
  if (facts.length) {
    blocks.push(section("*First facts found in it*"));
    blocks.push(...renderItems(facts, { from: 0, maxBlocks: 40, maxChars: 6000 }).blocks);
  } else {
    blocks.push(
      context("No tariff rates, quotes or dates were recognized in it; its text is searchable."),
    );
  }
  return { type: "modal", title: plain("Article added"), close: plain("Done"), blocks };
}

/** What someone who is not an editor sees instead of the form. */
export function notEditorModal(userId: string): ModalView {
  return {
    type: "modal",
    title: plain("Tariff Desk"),
    close: plain("OK"),
    blocks: [
      section(
        `Thanks for offering an article! Only the desk's editors can add articles to Tariff Desk. If you should be one, ask whoever runs the bot to add your member ID \`${escapeMrkdwn(userId)}\` to EDITOR_USER_IDS.`,
      ),
    ],
  };
}
