/**
 * The few Block Kit shapes Tariff Desk sends, typed here so the render layer stays free of
 * @slack/* (it is pure data; the Slack layer hands these to Bolt as they are) — and the limits
 * Slack enforces on them, from Slack's Block Kit reference and the @slack/types comments.
 */

export interface MrkdwnText {
  type: "mrkdwn";
  text: string;
}

export interface PlainText {
  type: "plain_text";
  text: string;
  emoji?: boolean;
}

export interface HeaderBlock {
  type: "header";
  text: PlainText;
}

export interface SectionBlock {
  type: "section";
  text: MrkdwnText;
}

export interface ContextBlock {
  type: "context";
  elements: MrkdwnText[];
}

export interface DividerBlock {
  type: "divider";
}

export interface ButtonElement {
  type: "button";
  action_id: string;
  text: PlainText;
  value: string;
  style?: "primary";
}

export interface ActionsBlock {
  type: "actions";
  elements: ButtonElement[];
}

export type Block = HeaderBlock | SectionBlock | ContextBlock | DividerBlock | ActionsBlock;

/** A message as Slack takes it: `text` is the fallback for notifications and screen readers. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

export const LIMITS = {
  /** Blocks in a message; a modal or the Home tab takes 100. */
  messageBlocks: 50,
  homeBlocks: 100,
  sectionText: 3000,
  headerText: 150,
  contextElements: 10,
  /** A context element's text, like any text object in a context block. */
  contextText: 3000,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
} as const;
