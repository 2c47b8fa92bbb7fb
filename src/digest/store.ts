/**
 * What the digest remembers between restarts, behind an interface so that several replicas on a
 * shared database only need another implementation (json-store.ts is the embedded one).
 *
 * "Posted once a day" rests on `claim`: it succeeds for exactly one caller per channel and local
 * date, across processes, and is made durable BEFORE the message is sent. See post.ts for what
 * a claim left behind by a crash means.
 */

export interface Pause {
  /** The Slack error that paused it ("channel_not_found"). */
  reason: string;
  at: string;
}

/** A channel's own settings, as `/tariffs digest on` stores them. */
export interface StoredSubscription {
  /** HH:MM, 24-hour, in `timeZone`. */
  time: string;
  timeZone: string;
  /** Post nothing on a day without new coverage (instead of "no new coverage since …"). */
  skipEmpty: boolean;
  /** Slack user id of who subscribed: told when the bot cannot post. */
  by?: string;
  /** ISO instant it was set: a fire time before it is not owed a digest (no surprise post). */
  since: string;
}

export interface ChannelRecord {
  channel: string;
  subscription?: StoredSubscription;
  /** Set when posting failed for good (the channel is gone); `/tariffs digest on` clears it. */
  paused?: Pause;
  /** The last failure the subscriber was told about, so they are told once a day, not per retry. */
  told?: { localDate: string; error: string };
}

export interface PostRecord {
  channel: string;
  /** The channel's local date the digest is for, YYYY-MM-DD. */
  localDate: string;
  /**
   * "claimed": about to post, or the process stopped while posting (counted as posted);
   * "posted": Slack accepted it; "skipped": nothing new and the channel skips empty days.
   */
  state: "claimed" | "posted" | "skipped";
  /** ISO instant of the claim: the next digest's window starts here. */
  at: string;
  /** Slack's message ts when posted. */
  ts?: string;
  /** Articles the digest listed; the next digest skips them. */
  articleIds: string[];
  /** "scheduler" or "cli". */
  by: string;
}

export interface DigestStore {
  getChannel(channel: string): Promise<ChannelRecord | undefined>;
  /** Replaces the channel's record; a record with nothing in it is removed. */
  putChannel(record: ChannelRecord): Promise<void>;
  listChannels(): Promise<ChannelRecord[]>;
  /** Takes the day's slot for the channel; false when anyone already holds it. */
  claim(record: PostRecord): Promise<boolean>;
  /** Replaces a held claim with its outcome ("posted" with the ts, or "skipped"). */
  recordPosted(record: PostRecord): Promise<void>;
  /** Gives a claim back after a failure in which nothing was posted, so a retry may post. */
  release(channel: string, localDate: string): Promise<void>;
  wasPosted(channel: string, localDate: string): Promise<PostRecord | undefined>;
  /** The latest day's record, or undefined when the channel never had a digest. */
  lastPosted(channel: string): Promise<PostRecord | undefined>;
}

/** Slack conversation ids (C…, G…, D…) are upper-case letters and digits; anything else is refused. */
export const CHANNEL_ID = /^[CGD][A-Z0-9]{2,}$/;

export function assertChannelId(channel: string): void {
  if (!CHANNEL_ID.test(channel)) {
    throw new RangeError(`"${channel}" is not a Slack channel id (like C0123ABCD)`);
  }
}
