/**
 * Sends digests through Slack's Web API, retrying what is safe to retry: rate limits after the
 * Retry-After Slack gives, server errors and refused connections with exponential backoff. An
 * uncertain failure (sent, no answer) is not retried: it may have posted, and a second post is
 * the one thing a digest must never do.
 */
import { type types, webApi } from "@slack/bolt";
import type { SlackMessage } from "../render/block-kit.ts";
import type { Clock } from "./clock.ts";
import { classifyFailure, type Failure } from "./slack-failure.ts";

type KnownBlock = types.KnownBlock;

export interface DigestPoster {
  /** Posts to a channel and returns the message ts; throws PostFailure. */
  post(channel: string, message: SlackMessage): Promise<string>;
  /** A private message from the app to a user (its DM); throws PostFailure. */
  tell(user: string, text: string): Promise<void>;
}

export class PostFailure extends Error {
  override name = "PostFailure";
  constructor(
    readonly failure: Failure,
    readonly attempts: number,
  ) {
    super(`${failure.code} after ${attempts} attempt${attempts === 1 ? "" : "s"}`);
  }
}

export interface RetryPolicy {
  attempts: number;
  /** First backoff; doubled each time up to `maxMs`. */
  baseMs: number;
  maxMs: number;
  /** A Retry-After longer than this is not waited out: the scheduler tries again later. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 5,
  baseMs: 2_000,
  maxMs: 60_000,
  maxRetryAfterMs: 15 * 60_000,
};

/** A Web API client that reports failures instead of retrying them itself (we do, above). */
export function digestClient(token: string, apiUrl?: string): webApi.WebClient {
  return new webApi.WebClient(token, {
    ...(apiUrl ? { slackApiUrl: apiUrl } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 15_000,
    logLevel: webApi.LogLevel.ERROR,
  });
}

export function slackPoster(
  client: webApi.WebClient,
  clock: Clock,
  onRetry: (what: string, failure: Failure, waitMs: number) => void = () => {},
  policy: RetryPolicy = DEFAULT_RETRY,
): DigestPoster {
  async function withRetries<T>(what: string, call: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      let failure: Failure;
      try {
        return await call();
      } catch (e) {
        failure = classifyFailure(e);
      }
      const wait =
        failure.kind === "ratelimited"
          ? Math.max(1, failure.retryAfter) * 1000
          : Math.min(policy.baseMs * 2 ** (attempt - 1), policy.maxMs);
      const retryable = failure.kind === "ratelimited" || failure.kind === "transient";
      if (!retryable || attempt >= policy.attempts || wait > policy.maxRetryAfterMs) {
        throw new PostFailure(failure, attempt);
      }
      onRetry(what, failure, wait);
      await clock.sleep(wait);
    }
  }
  return {
    async post(channel, message) {
      const res = await withRetries(`chat.postMessage to ${channel}`, () =>
        client.chat.postMessage({
          channel,
          text: message.text,
          blocks: message.blocks as unknown as KnownBlock[],
          unfurl_links: false,
          unfurl_media: false,
        }),
      );
      return res.ts ?? "";
    },
    async tell(user, text) {
      // Posting to a user id lands in the app's DM with that user (chat:write is enough).
      await withRetries(`chat.postMessage to ${user}`, () =>
        client.chat.postMessage({ channel: user, text }),
      );
    },
  };
}
