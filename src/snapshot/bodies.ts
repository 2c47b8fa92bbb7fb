/**
 * An article restored from the snapshot keeps its body in the shard file, not in memory: its
 * `body` reads it from there when a snippet, a digest or a save needs it. Holding every body
 * took 566 of the 1,403 MB of heap at 100,000 articles (issue 9), and a question shows a dozen.
 *
 * What is read must be what the article file held. The shard file is opened again only when it
 * is the very file checked on load (same inode and size), and each body has its own CRC-32; a
 * body that fails either check is read from the article file instead, which must still have the
 * content hash it was restored by. Failing both, reading the body throws, naming both reasons:
 * the bot says it cannot show the article rather than show words it cannot vouch for.
 */
import { closeSync, fstatSync, openSync } from "node:fs";
import { crc32 } from "node:zlib";
import { type Article, parseArticle } from "../knowledge/article.ts";
import { keep } from "../lists.ts";
import { type Cutter, cutFrom, utf8Range } from "./compact.ts";
import { readArticleFile, readFully } from "./folder.ts";
import { type ArticleMeta, BEYOND_LATIN1, type StoredBodies } from "./format.ts";

/** One shard file as it was read and checked, and where in it each body is. */
export interface ShardBodies {
  path: string;
  ino: number;
  size: number;
  /** Per body: group (0 Latin-1, 1 UTF-8), first and end byte in the file, CRC-32. */
  at: Uint32Array;
  /** Per body: the content hash of the article file it came from. */
  hashes: readonly string[];
  /** The knowledge folder, for the article files themselves. */
  knowledgeDir: string;
}

interface Place {
  shard: ShardBodies;
  i: number;
}

const places = new WeakMap<object, Place>();

/**
 * The bodies read last, newest last, up to RECENT_CHARS characters in all (about 2,000 articles
 * of 600 words, 8 to 16 MB). Counted in characters, not bodies: one answer can cite hundreds of
 * articles ("when do Dunsmore and Kowalczyk meet" cites 315 at 10,000), and the questions asked
 * next, or the same one asked again, cite many of them again. With 64 bodies kept, reading them
 * back was about half of that question's time (median 4.4 ms, 2.0 ms with them kept: issue 9).
 */
const recent = new Map<object, string>();
const RECENT_CHARS = 8_000_000;
let recentChars = 0;

/** Open shard files, least recently used first. */
const open = new Map<ShardBodies, number>();
const OPEN = 8;
/** Shard files found replaced: their bodies come from the article files from then on. */
const replaced = new WeakSet<ShardBodies>();

/** An article whose body stays in the shard file, as body `i` of `shard`; `meta` becomes it. */
export function storedArticle(
  meta: ArticleMeta,
  file: string,
  shard: ShardBodies,
  i: number,
): Article {
  const article = meta as Article;
  article.file = file;
  // One getter for all, so these objects still share one hidden class.
  Object.defineProperty(article, "body", { get: bodyGetter, enumerable: true, configurable: true });
  places.set(article, { shard, i });
  return article;
}

/** After a shard file is written again: a stored article's body is now body `i` of `shard`, read from there from now on. */
export function moveBody(article: Article, shard: ShardBodies, i: number): void {
  if (!places.has(article)) return;
  places.set(article, { shard, i });
  forget(article);
}

function bodyGetter(this: Article): string {
  const hit = used(recent, this);
  if (hit !== undefined) return hit;
  const place = places.get(this);
  if (!place) throw new Error(`${this.file}: no stored body`);
  let body: string;
  try {
    body = fromShard(place);
  } catch (e) {
    body = fromArticleFile(this.file, place, (e as Error).message);
  }
  remember(this, body);
  return body;
}

function remember(article: Article, body: string): void {
  recent.set(article, body);
  recentChars += body.length;
  for (const [oldest, old] of recent) {
    if (recentChars <= RECENT_CHARS) break;
    recent.delete(oldest);
    recentChars -= old.length;
  }
}

function forget(article: Article): void {
  const body = recent.get(article);
  if (body === undefined) return;
  recent.delete(article);
  recentChars -= body.length;
}

function fromShard({ shard, i }: Place): string {
  return bodyBytes(shard, i).toString(shard.at[i * 4] === 0 ? "latin1" : "utf8");
}

/** Body `i`'s bytes, read from the shard file and checked by its CRC-32; throws saying why not. */
function bodyBytes(shard: ShardBodies, i: number): Buffer {
  const { at } = shard;
  const from = at[i * 4 + 1] as number;
  const length = (at[i * 4 + 2] as number) - from;
  const bytes = Buffer.allocUnsafe(length);
  if (!readFully(fdOf(shard), bytes, from)) throw new Error("the shard file ends early");
  if (crc32(bytes) !== at[i * 4 + 3]) throw new Error("checksum mismatch");
  return bytes;
}

function fdOf(shard: ShardBodies): number {
  let fd = used(open, shard);
  if (fd !== undefined) return fd;
  const gone = "the shard file was replaced since it was read";
  if (replaced.has(shard)) throw new Error(gone);
  fd = openSync(shard.path, "r");
  const s = fstatSync(fd);
  if (s.ino !== shard.ino || s.size !== shard.size) {
    closeSync(fd);
    replaced.add(shard);
    throw new Error(gone);
  }
  const evicted = keep(open, shard, fd, OPEN);
  if (evicted) closeSync(evicted[1]);
  return fd;
}

/** `map`'s value for `key`, which becomes its newest entry (the maps above are kept in use order). */
function used<K, V>(map: Map<K, V>, key: K): V | undefined {
  const value = map.get(key);
  if (value !== undefined) {
    map.delete(key);
    map.set(key, value);
  }
  return value;
}

function fromArticleFile(file: string, { shard, i }: Place, why: string): string {
  const read = readArticleFile(shard.knowledgeDir, file);
  const problem =
    "text" in read ? (read.hash !== shard.hashes[i] ? "has changed since" : null) : read.message;
  const body =
    problem === null && "text" in read ? parseArticle(file, read.text).article?.body : undefined;
  if (body === undefined)
    throw new Error(
      `${file}: the article's text is not available (snapshot copy: ${why}; article file: ${problem ?? "does not parse"})`,
    );
  return body;
}

/**
 * Cuts sentences from an article's body for results extracted on a worker thread: slices of a
 * body held in memory anyway, copies from a stored article's, which a slice would keep in memory
 * (a restart after the extraction code changed re-extracts every stored article).
 */
export function cutterFor(article: Article): Cutter {
  const cut = cutFrom(article.body);
  return places.has(article)
    ? Object.assign((start: number, end: number) => copy(cut(start, end)), { bytes: cut.bytes })
    : cut;
}

/**
 * A shard file read whole, when it is still the very file checked on load (same inode and
 * size), else null: to read every value the shard left packed at once (open.ts), one read
 * instead of one per body. Its bytes are valid until the next call.
 */
export function readShardFile(shard: ShardBodies): StoredBodies | null {
  let fd: number;
  try {
    fd = openSync(shard.path, "r");
  } catch {
    return null;
  }
  try {
    const s = fstatSync(fd);
    if (s.ino !== shard.ino || s.size !== shard.size) return null;
    if (whole.length < s.size) whole = Buffer.allocUnsafeSlow(s.size);
    const bytes = whole.subarray(0, s.size);
    return readFully(fd, bytes, 0) ? { at: shard.at, bytes } : null;
  } finally {
    closeSync(fd);
  }
}

let whole = Buffer.alloc(0);

/** storedCutter for body `i` of a shard file read whole, once its bytes pass its own CRC-32 (else null). */
export function checkedCutter(stored: StoredBodies, i: number): Cutter | null {
  const from = stored.at[i * 4 + 1] as number;
  const to = stored.at[i * 4 + 2] as number;
  const { bytes } = stored;
  if (!bytes || to > bytes.length || crc32(bytes.subarray(from, to)) !== stored.at[i * 4 + 3])
    return null;
  return storedCutter(stored, i);
}

/**
 * Cuts sentences from body `i` of a shard file as read, each its own string: a slice would keep
 * the whole body in memory. Spans cut twice (a quote that is also an event's sentence) are one
 * string. A restart makes one for each of 100,000 articles and cuts from few of them (the values
 * it leaves packed are cut later): what cutting needs is made at the first cut (issue 9). When the
 * file was read only up to its bodies (`bytes` null), the body is read from `shard`'s file then,
 * and checked by its own CRC-32.
 */
export function storedCutter({ at, bytes }: StoredBodies, i: number, shard?: ShardBodies): Cutter {
  let file: Buffer | undefined;
  let from = at[i * 4 + 1] as number;
  let to = at[i * 4 + 2] as number;
  const latin1 = at[i * 4] === 0;
  let text: string | undefined;
  let spans: Map<number, string> | undefined;
  const open = (): Buffer => {
    if (bytes) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
    if (!shard) throw new Error("no bytes and no file to read a body from");
    const own = bodyBytes(shard, i);
    [from, to] = [0, own.length];
    return own;
  };
  const cut = (start: number, end: number) => {
    file ??= open();
    spans ??= new Map();
    if (!latin1) text ??= file.toString("utf8", from, to);
    const length = text === undefined ? to - from : text.length;
    if (!(0 <= start && start <= end && end <= length)) throw new RangeError("outside the body");
    // Exact as long as a body is shorter than SPAN_KEY (a bigger one is not deduplicated).
    const key = length < SPAN_KEY ? start * SPAN_KEY + end : -1;
    let s = key < 0 ? undefined : spans.get(key);
    if (s === undefined) {
      s = latin1
        ? file.toString("latin1", from + start, from + end)
        : copy((text as string).slice(start, end));
      if (key >= 0) spans.set(key, s);
    }
    return s;
  };
  // A Latin-1 body's bytes are not its UTF-8 form: its sentences are packed as characters (compact.ts).
  const cutBytes = latin1
    ? (start: number, end: number) => cutFrom(cut(0, to - from)).bytes(start, end)
    : (start: number, end: number) => {
        // Keyed apart from the characters' spans (negative), deduplicated alike.
        file ??= open();
        spans ??= new Map();
        const key = to - from < SPAN_KEY ? -(start * SPAN_KEY + end) - 1 : 0;
        let s = key < 0 ? spans.get(key) : undefined;
        if (s === undefined) {
          s = utf8Range(file, from, to, start, end);
          if (key < 0) spans.set(key, s);
        }
        return s;
      };
  return Object.assign(cut, { bytes: cutBytes });
}

/** Start and end as one exact integer key. */
const SPAN_KEY = 2 ** 26;

let scratch = Buffer.allocUnsafeSlow(1 << 16);

/** `s` as a string of its own (not a slice keeping a longer one alive), one byte a character when it can be. */
function copy(s: string): string {
  if (scratch.length < s.length * 2) scratch = Buffer.allocUnsafeSlow(s.length * 2);
  const encoding = BEYOND_LATIN1.test(s) ? "utf16le" : "latin1";
  return scratch.toString(encoding, 0, scratch.write(s, 0, encoding));
}
