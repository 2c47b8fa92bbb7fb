/**
 * Slack failures, reduced to the code Slack gave (not_in_channel, expired_url, invalid_auth…)
 * so logs say what went wrong without dumping error objects, which can carry request headers
 * and with them the bot token.
 */
import type { Logger } from "@slack/bolt";
import { webApi } from "@slack/bolt";

/** A response_url Slack refused: expired (30 minutes, 5 uses), or a malformed message. */
export class ResponseUrlError extends Error {
  override name = "ResponseUrlError";
  constructor(
    readonly slackError: string,
    readonly status: number,
  ) {
    super(`response_url refused: ${slackError} (HTTP ${status})`);
  }
}

/** The Slack error code of a failure, or a short description when Slack gave none. */
export function slackErrorCode(e: unknown): string {
  if (e instanceof ResponseUrlError) return e.slackError;
  if (e instanceof webApi.WebAPIPlatformError) return e.data.error;
  if (e instanceof webApi.WebAPIHTTPError) return `http_${e.statusCode}`;
  if (e instanceof webApi.WebAPIRateLimitedError)
    return `ratelimited (retry after ${e.retryAfter}s)`;
  if (e instanceof webApi.WebAPIRequestError) {
    // fetch reports the network cause (ECONNREFUSED, ENOTFOUND) one level down.
    const original = e.original as NodeJS.ErrnoException & { cause?: { code?: string } };
    const code = original.cause?.code ?? original.code;
    return `request_failed${code ? ` (${code})` : ""}`;
  }
  const code = (e as { code?: unknown })?.code;
  return typeof code === "string" ? code : "internal_error";
}

/** Logs `what failed` with the Slack error code, and for our own bugs the message and stack. */
export function logFailure(logger: Logger, what: string, e: unknown): void {
  const code = slackErrorCode(e);
  if (code === "internal_error" && e instanceof Error) {
    logger.error(`${what}: ${e.message}\n${e.stack ?? ""}`);
  } else {
    logger.error(`${what}: ${code}`);
  }
}

/** What a user sees when answering failed: a short apology and what to try. */
export const APOLOGY =
  "Sorry, Tariff Desk could not answer that just now. Try again in a minute, or try `/tariffs help` for what I can answer.";
