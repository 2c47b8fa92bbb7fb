/**
 * The digest wired together for a running bot or the CLI: the store under TARIFF_DESK_STATE,
 * a poster on the Web API, and (for the bot) the scheduler. One place builds it, so the slash
 * command, the scheduler and `digest --post` all post through the same once-a-day path.
 */
import type { KnowledgeBase } from "../knowledge/base.ts";
import { type Clock, systemClock } from "./clock.ts";
import { type DigestLog, deliverDigest, type Outcome, type Target } from "./deliver.ts";
import type { DigestConfig } from "./env.ts";
import { JsonDigestStore } from "./json-store.ts";
import { type DigestPoster, digestClient, slackPoster } from "./poster.ts";
import { DigestScheduler } from "./scheduler.ts";
import type { DigestStore } from "./store.ts";

export interface DigestService {
  kb: KnowledgeBase;
  config: DigestConfig;
  store: DigestStore;
  scheduler: DigestScheduler;
  clock: Clock;
  /** Posts `target`'s digest for its local date now, unless that day is already done. */
  postNow(target: Target, by: string, since?: Date): Promise<Outcome>;
}

export interface DigestServiceOptions {
  kb: KnowledgeBase;
  config: DigestConfig;
  log: DigestLog;
  /** The bot token and Web API base URL, or a ready poster (tests). */
  slack: { token: string; apiUrl?: string } | { poster: DigestPoster };
  clock?: Clock;
  store?: DigestStore;
}

export function createDigestService(opts: DigestServiceOptions): DigestService {
  const clock = opts.clock ?? systemClock;
  const store = opts.store ?? new JsonDigestStore(opts.config.stateDir, (m) => opts.log.warn(m));
  const poster =
    "poster" in opts.slack
      ? opts.slack.poster
      : slackPoster(digestClient(opts.slack.token, opts.slack.apiUrl), clock, (what, f, ms) =>
          opts.log.warn(`${what}: ${f.code}; retrying in ${Math.round(ms / 1000)} s`),
        );
  const delivery = { kb: opts.kb, store, poster, log: opts.log };
  const scheduler = new DigestScheduler({
    store,
    fixed: opts.config.channels,
    clock,
    log: opts.log,
    deliver: (sub, now) => deliverDigest(delivery, sub, now, { by: "scheduler" }),
  });
  return {
    kb: opts.kb,
    config: opts.config,
    store,
    scheduler,
    clock,
    postNow: (target, by, since) =>
      deliverDigest(delivery, target, clock.now(), { by, ...(since ? { since } : {}) }),
  };
}
