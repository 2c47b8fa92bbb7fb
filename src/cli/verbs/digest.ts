/**
 * `digest`: the morning digest for a window, printed; or with --post, posted to a channel now
 * through the Web API and recorded in the digest state, so running it twice in a day posts once.
 */
import { ConfigError, readVariables, schema } from "../../config/env.ts";
import { buildDigest } from "../../digest/build.ts";
import { systemClock } from "../../digest/clock.ts";
import { type Outcome, plannedDigest, type Target } from "../../digest/deliver.ts";
import { digestConfigOf } from "../../digest/env.ts";
import { JsonDigestStore } from "../../digest/json-store.ts";
import { createDigestService } from "../../digest/service.ts";
import { CHANNEL_ID } from "../../digest/store.ts";
import { effectiveSubscriptions } from "../../digest/subscriptions.ts";
import { canonicalTimeZone, startOfLocalDay } from "../../digest/zoned.ts";
import { renderTerminal } from "../../render/terminal.ts";
import { UsageError, type Verb, type VerbContext } from "../verb.ts";

const DAY_MS = 86_400_000;

const VARIABLES = schema.pick({
  SLACK_BOT_TOKEN: true,
  SLACK_API_URL: true,
  DIGEST_TIME: true,
  DIGEST_TZ: true,
  DIGEST_CHANNELS: true,
  TARIFF_DESK_STATE: true,
});

export const digestVerb: Verb = {
  name: "digest",
  summary:
    "the daily digest for a window (default: the 24 hours before --now, or for --channel since its last digest); --post sends it there, once a day",
  usage: "digest [--since DATE] [--tz ZONE] [--channel ID [--post]]",
  options: { since: "value", tz: "value", channel: "value", post: "flag" },
  async run(ctx, args) {
    if (args.positionals.length) {
      throw new UsageError(`digest takes no words, only options (got "${args.positionals[0]}")`);
    }
    let env: ReturnType<typeof readVariables<typeof VARIABLES>>;
    try {
      env = readVariables(VARIABLES, process.env);
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      ctx.err(e.message);
      return 1;
    }
    const config = digestConfigOf(env);
    const channel = channelOption(args.options.channel);
    if (args.options.post && !channel) throw new UsageError("--post needs --channel ID");
    const store = channel ? storeOf(ctx, config.stateDir) : undefined;
    const sub = store
      ? effectiveSubscriptions(config.channels, await store.listChannels()).find(
          (s) => s.channel === channel,
        )
      : undefined;
    const timeZone = tzOption(args.options.tz) ?? sub?.timeZone ?? config.defaults.timeZone;
    const since = sinceOption(args.options.since, timeZone, ctx.now);

    if (!args.options.post) {
      // For a channel: what it would get now (since its last digest); otherwise the last 24 hours.
      const digest =
        store && channel
          ? (await plannedDigest({ kb: ctx.kb(), store }, { channel, timeZone }, ctx.now, since))
              .digest
          : buildDigest(ctx.kb(), {
              since: since ?? new Date(ctx.now.getTime() - DAY_MS),
              now: ctx.now,
              timeZone,
            });
      ctx.out(ctx.json ? JSON.stringify(digest, null, 2) : renderTerminal(digest));
      return 0;
    }
    if (!env.SLACK_BOT_TOKEN) {
      ctx.err("digest --post needs SLACK_BOT_TOKEN (the xoxb- bot token) in the environment");
      return 1;
    }
    const service = createDigestService({
      kb: ctx.kb(),
      config,
      log: { info: () => {}, warn: (m) => ctx.err(`warning: ${m}`), error: (m) => ctx.err(m) },
      slack: {
        token: env.SLACK_BOT_TOKEN,
        ...(env.SLACK_API_URL ? { apiUrl: env.SLACK_API_URL } : {}),
      },
      clock: { ...systemClock, now: () => ctx.now },
    });
    const target: Target = {
      channel: channel as string,
      timeZone,
      skipEmpty: sub?.skipEmpty ?? false,
      ...(sub?.by ? { by: sub.by } : {}),
    };
    const outcome = await service.postNow(target, "cli", since);
    report(ctx, outcome);
    return outcome.status === "failed" ? 1 : 0;
  },
};

function storeOf(ctx: VerbContext, stateDir: string): JsonDigestStore {
  return new JsonDigestStore(stateDir, (m) => ctx.err(`warning: ${m}`));
}

function report(ctx: VerbContext, o: Outcome): void {
  if (ctx.json) {
    const { digest, record, ...rest } = o as Outcome & { digest?: unknown; record?: unknown };
    ctx.out(
      JSON.stringify(
        { ...rest, ...(record ? { record } : {}), ...(digest ? { digest } : {}) },
        null,
        2,
      ),
    );
    return;
  }
  const where = `${o.channel} for ${o.localDate}`;
  if (o.status === "posted") ctx.out(`Posted the digest in ${where} (ts ${o.ts}).`);
  else if (o.status === "skipped")
    ctx.out(`Nothing new for ${where}; the channel skips empty days, so nothing was posted.`);
  else if (o.status === "already")
    ctx.out(
      `The digest in ${where} was already ${o.record.state === "claimed" ? "being posted (possibly posted)" : o.record.state} at ${o.record.at}; not posting it again.`,
    );
  else
    ctx.err(
      `Could not post the digest in ${where}: ${o.error}${o.maybePosted ? " (it may have been posted; not retrying today)" : ""}`,
    );
}

function channelOption(v: string | true | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== "string" || !CHANNEL_ID.test(v)) {
    throw new UsageError(`--channel must be a Slack channel id like C0123ABCD, not "${v}"`);
  }
  return v;
}

function tzOption(v: string | true | undefined): string | undefined {
  if (v === undefined) return undefined;
  const zone = typeof v === "string" ? canonicalTimeZone(v) : null;
  if (!zone)
    throw new UsageError(`--tz must be an IANA time zone such as America/Toronto, not "${v}"`);
  return zone;
}

/**
 * "2025-09-10" is the start of that day in the digest's zone; a date-time needs its offset
 * (like --now), so the window never depends on the machine's zone.
 */
function sinceOption(v: string | true | undefined, timeZone: string, now: Date): Date | undefined {
  if (v === undefined) return undefined;
  const text = String(v);
  let since: Date | undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`))) {
    since = startOfLocalDay(text, timeZone);
  } else if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(text)) {
    const d = new Date(text);
    if (!Number.isNaN(d.getTime())) since = d;
  }
  if (!since) {
    throw new UsageError(
      `--since must be a date (2025-09-10) or a date-time with offset (2025-09-10T08:00-04:00), not "${text}"`,
    );
  }
  if (since.getTime() >= now.getTime()) {
    throw new UsageError(`--since (${text}) must be before --now (${now.toISOString()})`);
  }
  return since;
}
