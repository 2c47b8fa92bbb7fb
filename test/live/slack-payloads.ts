/**
 * Interactivity payloads for the add-article flow, shaped as Slack sends them to the Request URL
 * (form-encoded `payload=<json>`): a global shortcut, a message shortcut and a view_submission.
 * Signing and sending are the Slack tests' own (test/slack/slack-requests.ts).
 */
import type { RichText } from "../../src/live/slack-text.ts";
import { ADD_ARTICLE_VIEW, FIELD_ACTION, FIELDS } from "../../src/render/add-article-modal.ts";
import { APP_ID, type SlackRequest, TEAM } from "../slack/slack-requests.ts";

const TOKEN = "gIkuvaNzQIHg97ATvDxqgjtO";
let counter = 0;

function form(payload: object): SlackRequest {
  return {
    body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
    contentType: "application/x-www-form-urlencoded",
  };
}

const user = (id: string) => ({ id, username: id.toLowerCase(), team_id: TEAM });

export function triggerId(): string {
  counter += 1;
  return `13345224609.738474920.${counter.toString(16).padStart(12, "0")}`;
}

export function globalShortcut(callbackId: string, userId: string, trigger = triggerId()) {
  return form({
    type: "shortcut",
    token: TOKEN,
    action_ts: "1763700100.000001",
    team: { id: TEAM, domain: "newsroom" },
    user: user(userId),
    is_enterprise_install: false,
    enterprise: null,
    callback_id: callbackId,
    trigger_id: trigger,
  });
}

export function messageShortcut(
  callbackId: string,
  userId: string,
  message: { text: string; blocks?: unknown[] },
  trigger = triggerId(),
) {
  return form({
    type: "message_action",
    token: TOKEN,
    action_ts: "1763700200.000002",
    team: { id: TEAM, domain: "newsroom" },
    user: { ...user(userId), name: userId.toLowerCase() },
    channel: { id: "C0TRADEDESK", name: "trade-desk" },
    is_enterprise_install: false,
    enterprise: null,
    callback_id: callbackId,
    trigger_id: trigger,
    response_url: "https://hooks.slack.com/app/T0NEWS/1/abc",
    message_ts: "1763700150.000300",
    message: { type: "message", user: "U0REPORTER", ts: "1763700150.000300", ...message },
  });
}

export interface Submitted {
  headline?: string;
  outlet?: string;
  author?: string;
  published?: string;
  url?: string;
  /** Plain text, sent as a rich text value the way the modal's rich text input submits it. */
  text?: string;
  rich?: RichText;
}

/** A view_submission of the add-article form with these values (absent = left empty). */
export function viewSubmission(userId: string, v: Submitted) {
  const plain = (type: string, value: string | undefined) => ({
    [FIELD_ACTION]: { type, value: value ?? null },
  });
  const rich: RichText =
    v.rich ??
    ({
      type: "rich_text",
      elements: v.text
        ? v.text.split("\n").map((line) => ({
            type: "rich_text_section",
            elements: [{ type: "text", text: `${line}\n` }],
          }))
        : [],
    } as RichText);
  counter += 1;
  return form({
    type: "view_submission",
    team: { id: TEAM, domain: "newsroom" },
    user: { ...user(userId), name: userId.toLowerCase() },
    api_app_id: APP_ID,
    token: TOKEN,
    trigger_id: triggerId(),
    view: {
      id: `V0ADD${counter}`,
      team_id: TEAM,
      type: "modal",
      blocks: [],
      private_metadata: "",
      callback_id: ADD_ARTICLE_VIEW,
      state: {
        values: {
          [FIELDS.headline]: plain("plain_text_input", v.headline),
          [FIELDS.outlet]: plain("plain_text_input", v.outlet),
          [FIELDS.author]: plain("plain_text_input", v.author),
          [FIELDS.published]: plain("plain_text_input", v.published),
          [FIELDS.url]: plain("url_text_input", v.url),
          [FIELDS.text]: { [FIELD_ACTION]: { type: "rich_text_input", rich_text_value: rich } },
        },
      },
      hash: `1763700300.${counter}`,
      title: { type: "plain_text", text: "Add article" },
      clear_on_close: false,
      notify_on_close: false,
      close: { type: "plain_text", text: "Cancel" },
      submit: { type: "plain_text", text: "Add" },
      previous_view_id: null,
      root_view_id: `V0ADD${counter}`,
      app_id: APP_ID,
      external_id: "",
      app_installed_team_id: TEAM,
      bot_id: "BTARIFFBOT",
    },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  });
}
