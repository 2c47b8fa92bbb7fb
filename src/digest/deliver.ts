/**
 * Posts one channel's digest for its local date, at most once, and records it. Shared by the
 * scheduler and the CLI's `digest --post`.
 *
 * Order: build → claim (durable, exclusive) → post → record the outcome.
 * - Dies after the claim and before Slack answers: the claim stands and counts as posted. The
 *   day's digest may be lost, but it is never posted twice (the restart logs it).
 * - Slack answers with an error (nothing posted): the claim is given back so a later try can post.
 * - The request went out and no answer came (timeout): the claim stands, as above.
 */
import { answerViewsReady } from "../answer/views/warm.ts";
import type { KnowledgeBase } from "../knowledge/base.ts";
import { renderDigestBlocks } from "./blocks.ts";
import { buildDigest } from "./build.ts";
import { type DigestPoster, PostFailure } from "./poster.ts";
import type { DigestStore, PostRecord } from "./store.ts";
import type { Subscription } from "./subscriptions.ts";
import type { Digest } from "./types.ts";
import { localDate } from "./zoned.ts";

export interface DeliveryDeps {
  kb: KnowledgeBase;
  store: DigestStore;
  poster: DigestPoster;
  log: DigestLog;
}

export interface DigestLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export type Outcome =
  | { status: "posted"; channel: string; localDate: string; ts: string; digest: Digest }
  /** Nothing new, and the channel skips empty days: recorded, nothing sent. */
  | { status: "skipped"; channel: string; localDate: string; digest: Digest }
  | { status: "already"; channel: string; localDate: string; record: PostRecord }
  | { status: "failed"; channel: string; localDate: string; error: string; maybePosted: boolean };

/** A window never reaches back further than this, however long the bot was away. */
const MAX_WINDOW_MS = 7 * 86_400_000;
const DAY_MS = 86_400_000;

/** Errors that mean the channel is gone for good: the subscription is paused. */
const GONE = new Set(["channel_not_found", "is_archived"]);

export type Target = Pick<Subscription, "channel" | "timeZone" | "skipEmpty" | "by">;

export async function deliverDigest(
  deps: DeliveryDeps,
  target: Target,
  now: Date,
  opts: { by: string; since?: Date },
): Promise<Outcome> {
  const { store, log } = deps;
  const { channel } = target;
  const day = localDate(now, target.timeZone);
  const existing = await store.wasPosted(channel, day);
  if (existing) return { status: "already", channel, localDate: day, record: existing };

  const { digest } = await plannedDigest(deps, target, now, opts.since);
  const claim: PostRecord = {
    channel,
    localDate: day,
    state: "claimed",
    at: now.toISOString(),
    articleIds: digest.articleIds,
    by: opts.by,
  };
  if (!(await store.claim(claim))) {
    const record = (await store.wasPosted(channel, day)) as PostRecord;
    return { status: "already", channel, localDate: day, record };
  }
  if (digest.empty && target.skipEmpty) {
    await store.recordPosted({ ...claim, state: "skipped" });
    log.info(`digest ${channel} ${day}: no new coverage; the channel skips empty days`);
    return { status: "skipped", channel, localDate: day, digest };
  }
  try {
    const ts = await deps.poster.post(channel, renderDigestBlocks(digest));
    await store.recordPosted({ ...claim, state: "posted", ts });
    log.info(`digest ${channel} ${day}: posted (${digest.articleIds.length} new articles)`);
    return { status: "posted", channel, localDate: day, ts, digest };
  } catch (e) {
    if (!(e instanceof PostFailure)) {
      await store.release(channel, day);
      throw e;
    }
    return failed(deps, target, day, e, now);
  }
}

/**
 * The digest the channel would get at `now`: since its last digest (skipping what that one
 * listed), or since `since` when given. `/tariffs digest preview` shows exactly this.
 */
export async function plannedDigest(
  deps: Pick<DeliveryDeps, "kb" | "store">,
  target: Pick<Target, "channel" | "timeZone">,
  now: Date,
  since?: Date,
): Promise<{ digest: Digest; last: PostRecord | undefined }> {
  const last = await deps.store.lastPosted(target.channel);
  await answerViewsReady(deps.kb);
  const digest = buildDigest(deps.kb, {
    since: since ?? windowStart(last, now),
    now,
    timeZone: target.timeZone,
    exclude: new Set(last && !since ? last.articleIds : []),
  });
  return { digest, last };
}

/** Since the last digest (its claim time), at most a week back; the first one covers a day. */
function windowStart(last: PostRecord | undefined, now: Date): Date {
  const floor = now.getTime() - MAX_WINDOW_MS;
  if (!last) return new Date(now.getTime() - DAY_MS);
  const at = Date.parse(last.at);
  return new Date(Math.min(Math.max(at, floor), now.getTime() - 1));
}

async function failed(
  deps: DeliveryDeps,
  target: Target,
  day: string,
  e: PostFailure,
  now: Date,
): Promise<Outcome> {
  const { store, log } = deps;
  const { channel } = target;
  const error = e.failure.code;
  const base = { status: "failed" as const, channel, localDate: day, error };
  if (e.failure.kind === "uncertain") {
    // Keep the claim: it may have been posted, and a second post is worse than a missed one.
    log.error(
      `digest ${channel} ${day}: ${error} while posting; it may have been posted, so it is not retried today`,
    );
    return { ...base, maybePosted: true };
  }
  await store.release(channel, day);
  if (error === "not_in_channel") {
    log.warn(
      `digest ${channel} ${day}: not_in_channel; the subscription stays, the bot must be invited`,
    );
    await tellOnce(deps, target, day, error, now);
  } else if (GONE.has(error)) {
    const record = (await store.getChannel(channel)) ?? { channel };
    await store.putChannel({ ...record, paused: { reason: error, at: now.toISOString() } });
    log.warn(
      `digest ${channel} ${day}: ${error}; the subscription is paused (\`/tariffs digest on\` in the channel resumes it)`,
    );
  } else {
    log.error(`digest ${channel} ${day}: ${e.message}; will try again later`);
  }
  return { ...base, maybePosted: false };
}

/** Tells the subscriber to invite the bot, once per local date however often it is retried. */
async function tellOnce(
  deps: DeliveryDeps,
  target: Target,
  day: string,
  error: string,
  now: Date,
): Promise<void> {
  if (!target.by) return;
  const record = (await deps.store.getChannel(target.channel)) ?? { channel: target.channel };
  if (record.told?.localDate === day && record.told.error === error) return;
  try {
    await deps.poster.tell(
      target.by,
      `Tariff Desk could not post today's digest in <#${target.channel}>: the bot is not a member of that channel. Invite it with \`/invite @Tariff Desk\` there; the digest stays on and will be posted once it can.`,
    );
    await deps.store.putChannel({ ...record, told: { localDate: day, error } });
  } catch (e2) {
    deps.log.error(
      `digest ${target.channel}: could not tell ${target.by} about ${error}: ${(e2 as Error).message} (at ${now.toISOString()})`,
    );
  }
}
