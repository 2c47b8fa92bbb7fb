/**
 * One shard file: a small JSON header (versions, the articles' front matter and content hashes
 * as columns, the vocabulary its term ids are of, the extraction results' string and shape
 * tables), then the segment's typed arrays (its terms as those ids, store.ts), the packed extraction
 * results (compact.ts) and the articles' bodies as raw bytes, and two CRC-32s: of all before the
 * bodies' bytes (a restart that leaves the values cut from the bodies packed reads only that
 * part), and of all. Typed arrays load as views on the file's bytes, with no parsing, and nothing
 * passes through one huge string, so no shard nears V8's string limit.
 *
 * The bodies are here so that a restart need not read 100,000 article files (issue 9): a file
 * whose stat is unchanged is not opened (folder.ts). They are not decoded on load: an article
 * restored from a shard reads its body from the file when it is needed (bodies.ts), since
 * holding every body took 566 of the 1,403 MB of heap at 100,000 articles. So each body has its
 * own place and CRC-32, besides the file's, and every snippet the bot shows is checked against
 * it. Bodies that are Latin-1 throughout are stored one byte a character, the others as UTF-8.
 */
import { crc32 } from "node:zlib";
import type { Article } from "../knowledge/article.ts";
import {
  type Postings,
  type SegmentData,
  sameShape,
  type TermDirectory,
} from "../search/segment.ts";
import { ArticleTable, articleColumns } from "./article-columns.ts";
import type { PackedResults } from "./compact.ts";
import type { FileStat } from "./folder.ts";
import { FORMAT, type Versions } from "./version.ts";

const MAGIC = "TDSHARD\n";
/** The magic, the header's length, and where the bodies' bytes start in the file. */
export const SHARD_PRELUDE = MAGIC.length + 8;
/** A CRC-32 of the file up to its bodies' bytes, then one of all before it. */
export const SHARD_TRAILER = 8;
/** The first section of the bodies' bytes (the Latin-1 group, then the UTF-8 one, end the file). */
const BODY_BYTES = "bodies.latin1";

/**
 * A shard file as read: all of it, or (a restart that leaves the values cut from the bodies
 * packed) only up to its bodies' bytes, which are half the file and each checked by its own CRC-32
 * when read (bodies.ts). `length` is the file's, `trailer` its last SHARD_TRAILER bytes.
 */
export interface ShardRead {
  bytes: Buffer;
  length: number;
  trailer: Buffer;
}

/**
 * The header's length and where the bodies' bytes start, from a file's first SHARD_PRELUDE bytes.
 * Before format 9 the header itself came where the bodies' start now is: its "{" cannot be the
 * first byte of that start, a multiple of 8.
 */
export function shardPrelude(buf: Buffer): { headerLength: number; bodiesFrom: number } {
  if (buf.length < SHARD_PRELUDE || buf.toString("latin1", 0, MAGIC.length) !== MAGIC)
    throw new Error("not a shard file (bad magic)");
  if (buf[MAGIC.length + 4] === 0x7b)
    throw new OtherFormatError(`a format before 9, expected ${FORMAT}`);
  return {
    headerLength: buf.readUInt32LE(MAGIC.length),
    bodiesFrom: buf.readUInt32LE(MAGIC.length + 4),
  };
}

export type ArticleMeta = Omit<Article, "body" | "file">;

export interface ShardArticle {
  /** Content hash of the file it was read from: the key everything cached hangs on. */
  hash: string;
  file: string;
  meta: ArticleMeta;
  /** The file's stat when it held that content, or null when none could stand for it (folder.ts). */
  stat: FileStat | null;
}

/** Which vocabulary file a shard's term ids are of, and how many terms it held then (store.ts). */
export interface VocabularyStamp {
  id: string;
  size: number;
}

export interface ShardFile {
  key: string;
  versions: Versions;
  articles: ShardArticle[];
  /** Its term lists are not saved: `terms` gives the terms by id. */
  segment: SegmentData;
  /** Both fields' terms by the ids of the vocabulary `vocabulary` (Shard.directories()). */
  terms: { text: TermDirectory; headline: TermDirectory };
  vocabulary: VocabularyStamp;
  /** Per article (same order), its memoized per-article values by key, packed. */
  extractions: PackedResults;
  /** Per article (same order), its body. */
  bodies: string[];
}

/**
 * A shard file as read: the articles stay columns (ArticleTable), the bodies stay bytes
 * (bodies.ts decodes the one asked for), and the terms by id are in the segment (`Postings.dir`).
 */
export interface DecodedShard extends Omit<ShardFile, "articles" | "bodies" | "terms"> {
  articles: ArticleTable;
  bodies: StoredBodies;
}

/** Body i is group `at[4i]` (0 Latin-1, 1 UTF-8), file bytes `at[4i+1]` to `at[4i+2]`, CRC-32 `at[4i+3]`. */
export interface StoredBodies {
  at: Uint32Array;
  /**
   * The file's bytes as read: valid until the buffer they were read into is reused. Null when
   * the file was read only up to its bodies (ShardRead): each is then read when cut from.
   */
  bytes: Uint8Array | null;
}

type ArrayName = Exclude<keyof SegmentData, "ids" | "text" | "headline">;
const ARRAYS: ArrayName[] = [
  "firstPassage",
  "firstDay",
  "lastDay",
  "midpoint",
  "headlineLength",
  "passageStart",
  "passageEnd",
  "passageLength",
  "passageArticle",
];
const POSTINGS = ["off", "doc", "tf"] as const;
const DIRECTORY = ["ids", "local"] as const;

type Typed = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array;
const KINDS = { Uint8Array, Uint16Array, Uint32Array, Int32Array, Float64Array };
type Kind = keyof typeof KINDS;

interface Section {
  name: string;
  kind: Kind;
  offset: number;
  length: number;
}

/** The file's bytes, and where each body is in them (StoredBodies.at). */
export function encodeShard(shard: ShardFile): { bytes: Buffer; bodies: Uint32Array } {
  const typed: [string, Typed][] = [
    ...ARRAYS.map((n) => [n, shard.segment[n]] as [string, Typed]),
    ...POSTINGS.map((n) => [`text.${n}`, shard.segment.text[n]] as [string, Typed]),
    ...POSTINGS.map((n) => [`headline.${n}`, shard.segment.headline[n]] as [string, Typed]),
    ...DIRECTORY.map((n) => [`text.${n}`, shard.terms.text[n]] as [string, Typed]),
    ...DIRECTORY.map((n) => [`headline.${n}`, shard.terms.headline[n]] as [string, Typed]),
  ];
  const { starts, tokens, floats, strings, shapes } = shard.extractions;
  const bodies = packBodies(shard.bodies);
  const columns = articleColumns(shard.articles, shard.segment.ids);
  const packed: [string, Typed][] = [
    ["extractions.starts", starts],
    ["extractions.tokens", tokens],
    ["extractions.floats", floats],
    ["articles.stat", columns.stat],
    ["bodies.at", bodies.at],
    ["bodies.latin1", bodies.latin1],
    ["bodies.utf8", bodies.utf8],
  ];
  const sections: Section[] = [];
  let offset = 0;
  for (const [name, arr] of [...typed, ...packed]) {
    sections.push({ name, kind: arr.constructor.name as Kind, offset, length: arr.length });
    offset = align(offset + arr.byteLength);
  }
  const header = Buffer.from(
    JSON.stringify({
      format: FORMAT,
      key: shard.key,
      versions: shard.versions,
      articles: columns.json,
      ids: shard.segment.ids,
      vocabulary: shard.vocabulary,
      extractionStrings: strings,
      extractionShapes: shapes,
      sections,
    }),
  );
  const start = align(SHARD_PRELUDE + header.length);
  const out = Buffer.alloc(start + offset + SHARD_TRAILER);
  out.write(MAGIC, 0, "latin1");
  out.writeUInt32LE(header.length, MAGIC.length);
  const bodiesFrom = start + (sections.find((s) => s.name === BODY_BYTES)?.offset ?? offset);
  out.writeUInt32LE(bodiesFrom, MAGIC.length + 4);
  header.copy(out, SHARD_PRELUDE);
  [...typed, ...packed].forEach(([, arr], i) => {
    Buffer.from(arr.buffer, arr.byteOffset, arr.byteLength).copy(
      out,
      start + (sections[i] as Section).offset,
    );
  });
  out.writeUInt32LE(crc32(out.subarray(0, bodiesFrom)), out.length - 8);
  out.writeUInt32LE(crc32(out.subarray(0, out.length - 4)), out.length - 4);
  const stored = storedBodies(bodies.at, sections, start, shard.bodies.length, out, true);
  return { bytes: out, bodies: stored.at };
}

/**
 * The bytes a shard's index takes in its file and in memory once decoded (the sections before
 * the packed results), from the segment alone: its term directories hold one id and one local
 * number per term. The manifest records it so a restart can allocate every shard's index at once
 * (store.ts).
 */
export function indexByteLength(segment: SegmentData): number {
  let bytes = 0;
  for (const n of ARRAYS) bytes += align(segment[n].byteLength);
  for (const field of [segment.text, segment.headline]) {
    for (const n of POSTINGS) bytes += align(field[n].byteLength);
    bytes += DIRECTORY.length * align((field.off.length - 1) * Uint32Array.BYTES_PER_ELEMENT);
  }
  return bytes;
}

/**
 * Decodes a shard file; throws an Error saying what is wrong with a damaged one. The packed
 * extraction results may be views on `buf`: unpack them before `buf` is reused. The index is
 * copied into memory from `alloc` (8-byte aligned; default a new array of its own).
 */
export function decodeShard(
  file: ShardRead | Buffer,
  alloc: (bytes: number) => Uint8Array = (bytes) => new Uint8Array(bytes),
): DecodedShard {
  const read = Buffer.isBuffer(file)
    ? { bytes: file, length: file.length, trailer: file.subarray(-SHARD_TRAILER) }
    : file;
  const whole = read.bytes.length === read.length;
  const buf = read.bytes;
  const { headerLength, bodiesFrom } = shardPrelude(buf);
  if (SHARD_PRELUDE + headerLength > buf.length) throw new Error("truncated header");
  const h = JSON.parse(buf.toString("utf8", SHARD_PRELUDE, SHARD_PRELUDE + headerLength));
  if (h.format !== FORMAT) throw new OtherFormatError(`format ${h.format}, expected ${FORMAT}`);
  const start = align(SHARD_PRELUDE + headerLength);
  const sections = h.sections as Section[];
  const last = sections.at(-1);
  const end = last
    ? align(last.offset + last.length * (KINDS[last.kind]?.BYTES_PER_ELEMENT ?? 0))
    : 0;
  if (start + end + SHARD_TRAILER !== read.length) throw new Error("truncated or padded file");
  const bodyBytes = sections.find((s) => s.name === BODY_BYTES);
  if (!bodyBytes || start + bodyBytes.offset !== bodiesFrom) throw new Error("bad body start");
  if (!whole && buf.length !== bodiesFrom) throw new Error("read up to the wrong place");
  const checked = whole
    ? crc32(buf.subarray(0, buf.length - 4)) === buf.readUInt32LE(buf.length - 4)
    : crc32(buf) === read.trailer.readUInt32LE(0);
  if (!checked) throw new Error("checksum mismatch");
  // The segment's arrays stay in service: they get their own copy, which is also aligned memory
  // whatever the file buffer's offset. The packed results and bodies are read once, so they are
  // views on `buf` itself when it is aligned (a copy of 2 MB a shard was external memory that
  // made V8 mark the whole heap every 64 MB of it).
  const firstPacked = sections.find((s) => s.name.startsWith("extractions."))?.offset ?? end;
  const index = alloc(firstPacked);
  index.set(buf.subarray(start, start + firstPacked));
  const packedAt = buf.byteOffset + start + firstPacked;
  // What was read of the data: all of it, or up to the bodies' bytes.
  const dataEnd = whole ? end : bodiesFrom - start;
  const results =
    packedAt % 8 === 0
      ? new Uint8Array(buf.buffer, packedAt, dataEnd - firstPacked)
      : Uint8Array.from(buf.subarray(start + firstPacked, start + dataEnd));
  const arrays = new Map<string, Typed>();
  for (const s of sections) {
    // Without the bodies' bytes, only their table (bodies.at) is read.
    if (!whole && start + s.offset >= bodiesFrom) continue;
    const Ctor = KINDS[s.kind];
    const own = s.offset < firstPacked ? index : results;
    const at = s.offset < firstPacked ? s.offset : s.offset - firstPacked;
    if (!Ctor || at + s.length * Ctor.BYTES_PER_ELEMENT > own.length) {
      throw new Error(`bad section ${s.name}`);
    }
    arrays.set(s.name, new Ctor(own.buffer as ArrayBuffer, own.byteOffset + at, s.length));
  }
  const get = <T extends Typed>(name: string): T => {
    const a = arrays.get(name);
    if (!a) throw new Error(`missing section ${name}`);
    return a as T;
  };
  const postings = (field: string): Postings => {
    const off = get<Uint32Array>(`${field}.off`);
    const dir = {
      ids: get<Uint32Array>(`${field}.ids`),
      local: get<Uint32Array>(`${field}.local`),
    };
    const terms = off.length - 1;
    if (dir.ids.length !== terms || dir.local.length !== terms || dir.local.some((l) => l >= terms))
      throw new Error(`${field} terms do not match its postings`);
    return { terms: [], dir, off, doc: get(`${field}.doc`), tf: get(`${field}.tf`) };
  };
  const segment = sameShape({
    ids: h.ids,
    firstPassage: get("firstPassage"),
    firstDay: get("firstDay"),
    lastDay: get("lastDay"),
    midpoint: get("midpoint"),
    headlineLength: get("headlineLength"),
    passageStart: get("passageStart"),
    passageEnd: get("passageEnd"),
    passageLength: get("passageLength"),
    passageArticle: get("passageArticle"),
    text: postings("text"),
    headline: postings("headline"),
  });
  const extractions: PackedResults = {
    starts: get("extractions.starts"),
    tokens: get("extractions.tokens"),
    floats: get("extractions.floats"),
    strings: h.extractionStrings,
    shapes: h.extractionShapes,
  };
  const articles = ArticleTable.read(h.articles, segment.ids, get("articles.stat"));
  const bodies = storedBodies(get("bodies.at"), sections, start, articles.hash.length, buf, whole);
  const vocabulary = h.vocabulary as VocabularyStamp;
  if (typeof vocabulary?.id !== "string" || !Number.isInteger(vocabulary.size))
    throw new Error("no vocabulary stamp");
  return {
    key: h.key,
    versions: h.versions,
    articles,
    segment,
    vocabulary,
    extractions,
    bodies,
  };
}

/** A character beyond Latin-1 (surrogates included): the body needs more than one byte a character. */
export const BEYOND_LATIN1 = /[\u0100-\uffff]/;

/** Each body's group (0 Latin-1, 1 UTF-8), its start and end in that group's bytes, and its CRC-32. */
function packBodies(bodies: readonly string[]): {
  at: Uint32Array;
  latin1: Uint8Array;
  utf8: Uint8Array;
} {
  const at = new Uint32Array(bodies.length * 4);
  const encoded = bodies.map((body, i) => {
    const g = BEYOND_LATIN1.test(body) ? 1 : 0;
    // A lone surrogate would come back from UTF-8 as U+FFFD: not the body any more.
    if (g === 1 && !body.isWellFormed()) throw new Error(`body ${i} is not well-formed UTF-16`);
    return { g, bytes: Buffer.from(body, g === 0 ? "latin1" : "utf8") };
  });
  const lengths = [0, 0];
  encoded.forEach(({ g, bytes }, i) => {
    at[i * 4] = g;
    at[i * 4 + 1] = lengths[g] as number;
    lengths[g] = (lengths[g] as number) + bytes.length;
    at[i * 4 + 2] = lengths[g] as number;
    at[i * 4 + 3] = crc32(bytes);
  });
  // Plain Uint8Arrays: a section's kind is its constructor's name.
  const group = (g: number) => {
    const b = Buffer.concat(encoded.filter((e) => e.g === g).map((e) => e.bytes));
    return new Uint8Array(b.buffer, b.byteOffset, b.length);
  };
  return { at, latin1: group(0), utf8: group(1) };
}

/**
 * The body table with file offsets (its own copy: the file's bytes are a reused buffer), the
 * groups' places taken from the sections of the file whose data starts at `start`.
 */
function storedBodies(
  table: Uint32Array,
  sections: readonly Section[],
  start: number,
  count: number,
  bytes: Uint8Array,
  whole: boolean,
): StoredBodies {
  if (table.length !== count * 4) throw new Error("bodies do not match the articles");
  const group = (name: string) => {
    const s = sections.find((x) => x.name === name);
    if (!s) throw new Error(`missing section ${name}`);
    return s;
  };
  const groups = [group("bodies.latin1"), group("bodies.utf8")];
  const groupAt = groups.map((s) => start + s.offset);
  const groupLength = groups.map((s) => s.length);
  const at = Uint32Array.from(table);
  for (let i = 0; i < count; i++) {
    const g = at[i * 4] as number;
    const from = at[i * 4 + 1] as number;
    const to = at[i * 4 + 2] as number;
    if (g > 1 || from > to || to > (groupLength[g] as number)) throw new Error(`bad body ${i}`);
    at[i * 4 + 1] = (groupAt[g] as number) + from;
    at[i * 4 + 2] = (groupAt[g] as number) + to;
  }
  return { at, bytes: whole ? bytes : null };
}

/** A shard written by code with another file layout: once per upgrade, not a damaged file. */
export class OtherFormatError extends Error {}

/**
 * Rounded up to a multiple of 8, for typed views. Arithmetic, not bitwise: store.ts sums the
 * indexes of a whole snapshot, which can pass 2 GiB.
 */
export function align(n: number): number {
  return Math.ceil(n / 8) * 8;
}
