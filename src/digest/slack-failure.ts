/**
 * What a failed Web API call means for a digest: was anything posted, and is it worth trying
 * again? Slack's error codes say "not posted" for certain; a connection refused never sent the
 * request; a timeout or a reset after sending may or may not have posted, and retrying it
 * could post twice.
 */
import { webApi } from "@slack/bolt";

export type Failure =
  /** Slack answered with an error code: nothing was posted. */
  | { kind: "slack"; code: string }
  /** HTTP 429 with Retry-After (seconds). */
  | { kind: "ratelimited"; code: "ratelimited"; retryAfter: number }
  /** Slack's servers failed (HTTP 5xx) or could not be reached: nothing was posted; retry. */
  | { kind: "transient"; code: string }
  /** The request went out and no answer came back: it may have been posted. */
  | { kind: "uncertain"; code: string };

/** Connection errors raised before a request is sent. */
const NOT_SENT = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
]);

export function classifyFailure(e: unknown): Failure {
  if (e instanceof webApi.WebAPIPlatformError) return { kind: "slack", code: e.data.error };
  if (e instanceof webApi.WebAPIRateLimitedError) {
    return { kind: "ratelimited", code: "ratelimited", retryAfter: e.retryAfter };
  }
  if (e instanceof webApi.WebAPIHTTPError) {
    return e.statusCode >= 500
      ? { kind: "transient", code: `http_${e.statusCode}` }
      : { kind: "slack", code: `http_${e.statusCode}` };
  }
  if (e instanceof webApi.WebAPIRequestError) {
    const original = e.original as Error & { cause?: { code?: string; message?: string } };
    // fetch refuses some ports outright (SLACK_API_URL on :9, say): nothing sent, and no retry helps.
    if (original.cause?.message === "bad port") return { kind: "slack", code: "bad_port" };
    const code = original.cause?.code ?? (original as NodeJS.ErrnoException).code;
    if (code && NOT_SENT.has(code)) return { kind: "transient", code };
    return { kind: "uncertain", code: code ?? "request_failed" };
  }
  throw e;
}
