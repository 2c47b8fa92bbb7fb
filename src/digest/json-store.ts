/**
 * The embedded DigestStore: small JSON files under TARIFF_DESK_STATE, each written atomically
 * (temp file, fsync, rename), so a crash leaves the old file or the new one, never half of one.
 *
 *   digest/channels/<CHANNEL>.json             settings, pause, last failure told
 *   digest/posts/<CHANNEL>/<YYYY-MM-DD>.json   the day's claim, then its outcome
 *
 * A day's file is created with an exclusive link, which only one process can win: that is the
 * claim, and it holds across the bot and the CLI running side by side. Files that cannot be read
 * (truncated by a disk fault or a hand edit) are reported; an unreadable channel file is moved
 * aside, an unreadable day file still counts as posted (never post twice).
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
} from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { writeFileAtomic } from "../knowledge/atomic.ts";
import { assertChannelId, type ChannelRecord, type DigestStore, type PostRecord } from "./store.ts";

const DAY_FILE = /^\d{4}-\d{2}-\d{2}\.json$/;
/** Days of post records kept per channel (a month of "posted" days is plenty to look back on). */
const KEEP_DAYS = 60;
/** A temp file older than this is a leftover from a crash, not a write in progress. */
const STALE_TEMP_MS = 10 * 60_000;

const pauseSchema = z.object({ reason: z.string(), at: z.string() });
const channelSchema = z.object({
  channel: z.string(),
  subscription: z
    .object({
      time: z.string(),
      timeZone: z.string(),
      skipEmpty: z.boolean(),
      by: z.string().optional(),
      since: z.string(),
    })
    .optional(),
  paused: pauseSchema.optional(),
  told: z.object({ localDate: z.string(), error: z.string() }).optional(),
});
const postSchema = z.object({
  channel: z.string(),
  localDate: z.string(),
  state: z.enum(["claimed", "posted", "skipped"]),
  at: z.string(),
  ts: z.string().optional(),
  articleIds: z.array(z.string()),
  by: z.string(),
});

export class JsonDigestStore implements DigestStore {
  private readonly channelsDir: string;
  private readonly postsDir: string;

  /** `onProblem` hears about unreadable files (the bot logs it, the CLI prints it). */
  constructor(
    stateDir: string,
    private readonly onProblem: (message: string) => void = () => {},
  ) {
    // Folders are made on the first write: a bot that never subscribes leaves no trace.
    this.channelsDir = join(stateDir, "digest", "channels");
    this.postsDir = join(stateDir, "digest", "posts");
    sweepTemps(this.channelsDir);
  }

  async getChannel(channel: string): Promise<ChannelRecord | undefined> {
    assertChannelId(channel);
    return this.readChannel(join(this.channelsDir, `${channel}.json`));
  }

  async putChannel(record: ChannelRecord): Promise<void> {
    assertChannelId(record.channel);
    const path = join(this.channelsDir, `${record.channel}.json`);
    if (!record.subscription && !record.paused && !record.told) {
      rmIfThere(path);
      return;
    }
    mkdirSync(this.channelsDir, { recursive: true });
    writeFileAtomic(path, `${JSON.stringify(channelSchema.parse(record), null, 2)}\n`);
  }

  async listChannels(): Promise<ChannelRecord[]> {
    const out: ChannelRecord[] = [];
    if (!existsSync(this.channelsDir)) return out;
    for (const name of readdirSync(this.channelsDir).sort()) {
      if (name.startsWith(".") || !name.endsWith(".json")) continue;
      const r = this.readChannel(join(this.channelsDir, name));
      if (r) out.push(r);
    }
    return out;
  }

  async claim(record: PostRecord): Promise<boolean> {
    const path = this.dayPath(record.channel, record.localDate);
    mkdirSync(join(this.postsDir, record.channel), { recursive: true });
    try {
      writeFileAtomic(path, serialize(record), { exclusive: true });
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "EEXIST") return false;
      throw e;
    }
  }

  async recordPosted(record: PostRecord): Promise<void> {
    writeFileAtomic(this.dayPath(record.channel, record.localDate), serialize(record));
    this.prune(record.channel);
  }

  async release(channel: string, localDate: string): Promise<void> {
    rmIfThere(this.dayPath(channel, localDate));
  }

  async wasPosted(channel: string, localDate: string): Promise<PostRecord | undefined> {
    const path = this.dayPath(channel, localDate);
    return existsSync(path) ? this.readPost(path, channel, localDate) : undefined;
  }

  async lastPosted(channel: string): Promise<PostRecord | undefined> {
    const last = this.days(channel).at(-1);
    return last ? this.wasPosted(channel, last) : undefined;
  }

  private dayPath(channel: string, localDate: string): string {
    assertChannelId(channel);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(localDate))
      throw new RangeError(`bad local date "${localDate}"`);
    return join(this.postsDir, channel, `${localDate}.json`);
  }

  /** The channel's recorded days, oldest first. */
  private days(channel: string): string[] {
    assertChannelId(channel);
    const dir = join(this.postsDir, channel);
    if (!existsSync(dir)) return [];
    sweepTemps(dir);
    return readdirSync(dir)
      .filter((n) => DAY_FILE.test(n))
      .map((n) => n.slice(0, 10))
      .sort();
  }

  private prune(channel: string): void {
    const days = this.days(channel);
    for (const d of days.slice(0, Math.max(0, days.length - KEEP_DAYS)))
      rmIfThere(this.dayPath(channel, d));
  }

  private readChannel(path: string): ChannelRecord | undefined {
    let text: string;
    try {
      text = readFileSync(path, "utf8");
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw e;
    }
    const parsed = parseJson(text, channelSchema);
    if (parsed) return parsed;
    const aside = `${path}.unreadable-${Date.now()}`;
    renameSync(path, aside);
    this.onProblem(
      `digest state ${path} was unreadable; moved it to ${aside}. That channel's digest setting is lost: run /tariffs digest on there again.`,
    );
    return undefined;
  }

  private readPost(path: string, channel: string, localDate: string): PostRecord {
    const parsed = parseJson(readFileSync(path, "utf8"), postSchema);
    if (parsed) return parsed;
    this.onProblem(
      `digest state ${path} is unreadable; counting ${localDate} as posted in ${channel} so it is never posted twice.`,
    );
    return {
      channel,
      localDate,
      state: "claimed",
      at: `${localDate}T00:00:00.000Z`,
      articleIds: [],
      by: "unknown",
    };
  }
}

function serialize(record: PostRecord): string {
  return `${JSON.stringify(postSchema.parse(record), null, 2)}\n`;
}

function parseJson<T>(text: string, schema: z.ZodType<T>): T | undefined {
  try {
    const r = schema.safeParse(JSON.parse(text));
    return r.success ? r.data : undefined;
  } catch {
    return undefined;
  }
}

function rmIfThere(path: string): void {
  try {
    unlinkSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
  }
}

/** Removes temp files a crash left behind (writeFileAtomic names them ".<file>.<pid>.<hex>.tmp"). */
function sweepTemps(dir: string): void {
  if (!existsSync(dir)) return;
  const now = Date.now();
  for (const name of readdirSync(dir)) {
    if (!(name.startsWith(".") && name.endsWith(".tmp"))) continue;
    const path = join(dir, name);
    try {
      if (now - statSync(path).mtimeMs > STALE_TEMP_MS) unlinkSync(path);
    } catch {
      // Renamed or removed by its writer meanwhile: nothing to sweep.
    }
  }
}
