/**
 * Requests exactly as Slack sends them to a Request URL: slash commands and block actions
 * form-encoded, Events API callbacks as JSON, all signed with HMAC-SHA256 over
 * "v0:{timestamp}:{raw body}" in x-slack-signature / x-slack-request-timestamp.
 */
import { createHmac } from "node:crypto";
import { BOT_USER_ID } from "./fake-slack.ts";

export const TEAM = "T0NEWS";
export const APP_ID = "A0TARIFF";
export const SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

export interface SlackRequest {
  body: string;
  contentType: string;
  headers?: Record<string, string>;
}

export function signature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

/** POSTs a Slack request, signed with `secret` at `timestamp` (seconds; default now). */
export async function send(
  url: string,
  req: SlackRequest,
  opts: { secret?: string; timestamp?: number } = {},
): Promise<{ status: number; body: string }> {
  const ts = opts.timestamp ?? Math.floor(Date.now() / 1000);
  const res = await fetch(url, {
    method: "POST",
    headers: {
      "Content-Type": req.contentType,
      "X-Slack-Request-Timestamp": String(ts),
      "X-Slack-Signature": signature(opts.secret ?? SIGNING_SECRET, ts, req.body),
      ...req.headers,
    },
    body: req.body,
  });
  return { status: res.status, body: await res.text() };
}

export function slashCommand(
  text: string,
  responseUrl: string,
  user = "U0REPORTER",
  channel = "C0TRADEDESK",
): SlackRequest {
  const form = new URLSearchParams({
    token: "gIkuvaNzQIHg97ATvDxqgjtO",
    team_id: TEAM,
    team_domain: "newsroom",
    channel_id: channel,
    channel_name: "trade-desk",
    user_id: user,
    user_name: "reporter",
    command: "/tariffs",
    text,
    api_app_id: APP_ID,
    is_enterprise_install: "false",
    response_url: responseUrl,
    trigger_id: "13345224609.738474920.8088930838d88f008e0",
  });
  return { body: form.toString(), contentType: "application/x-www-form-urlencoded" };
}

/** A click on a button in an ephemeral message (the answer to a slash command). */
export function buttonClick(
  button: { action_id: string; value: string; text: { text: string } },
  responseUrl: string,
  user = "U0REPORTER",
  channel = "C0TRADEDESK",
): SlackRequest {
  const payload = {
    type: "block_actions",
    user: { id: user, username: "reporter", name: "reporter", team_id: TEAM },
    api_app_id: APP_ID,
    token: "gIkuvaNzQIHg97ATvDxqgjtO",
    container: {
      type: "message",
      message_ts: "1763700001.000200",
      channel_id: channel,
      is_ephemeral: true,
    },
    trigger_id: "13345224609.738474920.8088930838d88f008e1",
    team: { id: TEAM, domain: "newsroom" },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: channel, name: "trade-desk" },
    state: { values: {} },
    response_url: responseUrl,
    actions: [
      {
        action_id: button.action_id,
        block_id: "b1",
        text: { type: "plain_text", text: button.text.text, emoji: true },
        value: button.value,
        type: "button",
        action_ts: "1763700002.123456",
      },
    ],
  };
  return {
    body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
    contentType: "application/x-www-form-urlencoded",
  };
}

let eventCounter = 0;

/** An Events API callback envelope around `event`, with a fresh event_id unless given. */
export function eventCallback(
  event: Record<string, unknown>,
  eventId?: string,
): { request: SlackRequest; envelope: Record<string, unknown> } {
  eventCounter += 1;
  const envelope = {
    token: "gIkuvaNzQIHg97ATvDxqgjtO",
    team_id: TEAM,
    context_team_id: TEAM,
    api_app_id: APP_ID,
    event,
    type: "event_callback",
    event_id: eventId ?? `Ev0TARIFF${String(eventCounter).padStart(4, "0")}`,
    event_time: 1_763_700_000 + eventCounter,
    authorizations: [
      {
        enterprise_id: null,
        team_id: TEAM,
        user_id: BOT_USER_ID,
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    authed_users: [BOT_USER_ID],
    is_ext_shared_channel: false,
    event_context: `4-eyJldCI6ImFwcF9tZW50aW9uIn0-${eventCounter}`,
  };
  return { request: { body: JSON.stringify(envelope), contentType: "application/json" }, envelope };
}

export function mention(
  text: string,
  ts: string,
  channel = "C0TRADEDESK",
  user = "U0EDITOR",
): Record<string, unknown> {
  return {
    type: "app_mention",
    user,
    text: `<@${BOT_USER_ID}> ${text}`,
    ts,
    channel,
    event_ts: ts,
    team: TEAM,
  };
}

export function directMessage(
  text: string,
  ts: string,
  channel = "D0REPORTER",
  user = "U0REPORTER",
): Record<string, unknown> {
  return { type: "message", channel_type: "im", user, text, ts, channel, event_ts: ts, team: TEAM };
}
