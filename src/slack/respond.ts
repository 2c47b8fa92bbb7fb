/**
 * Posting to a response_url (slash commands, button clicks). Bolt's own `respond` reports only
 * the HTTP status; this reads Slack's error code from the reply ("expired_url", "invalid_blocks")
 * so a failure can be logged with it.
 */
import { ResponseUrlError } from "./errors.ts";

export interface ResponseMessage {
  text?: string;
  blocks?: unknown[];
  response_type?: "ephemeral" | "in_channel";
  replace_original?: boolean;
  delete_original?: boolean;
  thread_ts?: string;
}

export async function postToResponseUrl(url: string, message: ResponseMessage): Promise<void> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json; charset=utf-8" },
    body: JSON.stringify(message),
    signal: AbortSignal.timeout(10_000),
  });
  const body = (await res.text()).trim();
  let error: string | undefined;
  try {
    const json = JSON.parse(body) as { ok?: boolean; error?: string };
    if (json.ok === false) error = json.error ?? "not_ok";
  } catch {
    // Slack answers "ok" in plain text, and plain-text codes ("expired_url") on failure.
  }
  if (!res.ok && !error) error = /^[a-z_]{2,40}$/.test(body) ? body : `http_${res.status}`;
  if (error) throw new ResponseUrlError(error, res.status);
}
