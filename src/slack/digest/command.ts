/**
 * `/tariffs digest …`: a channel's morning digest, set from the channel itself. Every reply is
 * ephemeral (only the caller sees it); the digest itself is posted by the scheduler.
 *
 *   /tariffs digest                                       this channel's setting
 *   /tariffs digest on [HH:MM] [Time/Zone] [skip-empty]   subscribe (or change the setting)
 *   /tariffs digest off                                   unsubscribe
 *   /tariffs digest preview                               today's digest, to the caller only
 */
import { renderDigestBlocks } from "../../digest/blocks.ts";
import { plannedDigest } from "../../digest/deliver.ts";
import { nextFire } from "../../digest/schedule.ts";
import type { DigestService } from "../../digest/service.ts";
import {
  describeSettings,
  effectiveSubscriptions,
  parseSettings,
  type Subscription,
} from "../../digest/subscriptions.ts";
import { formatLocal, localDate } from "../../digest/zoned.ts";
import { escapeMrkdwn, userMention } from "../../render/mrkdwn.ts";
import type { ResponseMessage } from "../respond.ts";

const DIGEST = /^\s*digest(?:\s+([\s\S]*))?$/i;

const USAGE =
  "`/tariffs digest` shows this channel's setting · `/tariffs digest on [HH:MM] [Time/Zone] [skip-empty]` posts one every morning · `/tariffs digest off` stops it · `/tariffs digest preview` shows today's, to you only";

/** The words after "digest", or null when the command is not about the digest. */
export function digestWords(text: string): string[] | null {
  const m = DIGEST.exec(text);
  if (!m) return null;
  return (m[1] ?? "").trim().split(/\s+/).filter(Boolean);
}

export interface DigestRequest {
  words: string[];
  channel: string;
  user: string;
}

export async function digestReply(
  service: DigestService,
  req: DigestRequest,
): Promise<ResponseMessage> {
  const [verb = "", ...rest] = req.words;
  switch (verb.toLowerCase()) {
    case "":
      return say(await status(service, req.channel));
    case "on":
      return say(await subscribe(service, req, rest));
    case "off":
      return say(await unsubscribe(service, req.channel));
    case "preview":
      return preview(service, req.channel);
    default:
      return say(`I don't know \`digest ${escapeMrkdwn(verb)}\`. ${USAGE}`);
  }
}

function say(text: string): ResponseMessage {
  return { response_type: "ephemeral", text };
}

async function subscriptionOf(
  service: DigestService,
  channel: string,
): Promise<Subscription | undefined> {
  const all = effectiveSubscriptions(service.config.channels, await service.store.listChannels());
  return all.find((s) => s.channel === channel);
}

async function status(service: DigestService, channel: string): Promise<string> {
  const sub = await subscriptionOf(service, channel);
  if (!sub) {
    return `This channel gets no digest. ${USAGE} (default ${describeSettings(service.config.defaults)}).`;
  }
  const who =
    sub.source === "env"
      ? "set by DIGEST_CHANNELS for this Tariff Desk"
      : sub.by
        ? `set by ${userMention(sub.by)}`
        : "set in Slack";
  const lines = [`This channel gets the digest every day at ${describeSettings(sub)} (${who}).`];
  if (sub.paused) {
    lines.push(
      `It is paused since ${formatLocal(new Date(sub.paused.at), sub.timeZone)}: Slack said \`${escapeMrkdwn(sub.paused.reason)}\`. \`/tariffs digest on\` resumes it.`,
    );
  } else {
    const next = await nextPost(service, channel, sub, service.clock.now());
    lines.push(`Next: ${formatLocal(next, sub.timeZone)}.`);
  }
  const last = await service.store.lastPosted(channel);
  if (last) lines.push(`Last: ${last.localDate} (${last.state}).`);
  return lines.join("\n");
}

async function subscribe(
  service: DigestService,
  req: DigestRequest,
  words: string[],
): Promise<string> {
  const existing = await subscriptionOf(service, req.channel);
  const record = (await service.store.getChannel(req.channel)) ?? { channel: req.channel };
  if (existing?.source === "env") {
    if (!existing.paused) {
      return `This channel's digest is fixed by DIGEST_CHANNELS (${describeSettings(existing)}); whoever runs Tariff Desk can change it.`;
    }
    await service.store.putChannel({
      channel: req.channel,
      ...(record.subscription ? { subscription: record.subscription } : {}),
    });
    await service.scheduler.reschedule();
    return `Digest resumed: every day at ${describeSettings(existing)}.`;
  }
  // "on" alone keeps (or resumes) the channel's setting; with words it sets them afresh.
  const settings =
    words.length === 0 && existing ? existing : parseSettings(words, service.config.defaults);
  if (typeof settings === "string") return `${escapeMrkdwn(settings)}. ${USAGE}`;
  const now = service.clock.now();
  await service.store.putChannel({
    channel: req.channel,
    subscription: {
      time: settings.time,
      timeZone: settings.timeZone,
      skipEmpty: settings.skipEmpty,
      by: req.user,
      since: now.toISOString(),
    },
  });
  await service.scheduler.reschedule();
  const next = formatLocal(await nextPost(service, req.channel, settings, now), settings.timeZone);
  return `Digest ${existing ? "changed" : "on"}: every day at ${describeSettings(settings)} in this channel. First post: ${next}. If Tariff Desk is not a member here, add it with \`/invite @Tariff Desk\`.`;
}

async function unsubscribe(service: DigestService, channel: string): Promise<string> {
  const existing = await subscriptionOf(service, channel);
  if (!existing) return "This channel gets no digest; nothing to turn off.";
  if (existing.source === "env") {
    return `This channel's digest is fixed by DIGEST_CHANNELS; whoever runs Tariff Desk can remove it there.`;
  }
  await service.store.putChannel({ channel });
  await service.scheduler.reschedule();
  return "Digest off: this channel gets no more morning posts.";
}

/** The next fire time whose day is not done already (the time may move later after a post). */
async function nextPost(
  service: DigestService,
  channel: string,
  timing: Pick<Subscription, "time" | "timeZone">,
  now: Date,
): Promise<Date> {
  const first = nextFire(timing, now);
  const done = await service.store.wasPosted(channel, localDate(first, timing.timeZone));
  return done ? nextFire(timing, first) : first;
}

/** Exactly what the channel would get if its digest were posted now. */
async function preview(service: DigestService, channel: string): Promise<ResponseMessage> {
  const sub = await subscriptionOf(service, channel);
  const timeZone = sub?.timeZone ?? service.config.defaults.timeZone;
  const { digest } = await plannedDigest(
    { kb: service.kb, store: service.store },
    { channel, timeZone },
    service.clock.now(),
  );
  const message = renderDigestBlocks(digest);
  return {
    response_type: "ephemeral",
    text: `Preview: ${message.text}`,
    blocks: message.blocks,
  };
}
