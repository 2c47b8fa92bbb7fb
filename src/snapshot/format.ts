/**
 * One shard file: a small JSON header (versions, articles with their content hashes and file
 * stats, term lists, the extraction results' string and shape tables), then the segment's typed
 * arrays, the packed extraction results (compact.ts) and the articles' bodies as raw bytes, and a
 * CRC-32 of all that. Typed arrays load as views on the file's bytes, with no parsing, and
 * nothing passes through one huge string, so no shard nears V8's string limit.
 *
 * The bodies are here so that a restart need not read 100,000 article files (issue 9): a file
 * whose stat is unchanged is not opened (folder.ts). Every snippet the bot shows is cut from
 * them, so the whole file is checksummed: a damaged byte must cost a rebuild, never a word in an
 * article that its file does not hold. Bodies that are Latin-1 throughout are stored one byte a
 * character and the others as UTF-8, each group decoded as one string that the bodies are
 * slices of: one string per article file took 100,000 young objects for the collector to copy,
 * and a single UTF-8 string per shard would have stored every Latin-1 body two bytes a character.
 */
import { crc32 } from "node:zlib";
import type { Article } from "../knowledge/article.ts";
import { type Postings, type SegmentData, sameShape } from "../search/segment.ts";
import type { PackedResults } from "./compact.ts";
import type { FileStat } from "./folder.ts";
import { FORMAT, type Versions } from "./version.ts";

const MAGIC = "TDSHARD\n";

export type ArticleMeta = Omit<Article, "body" | "file">;

export interface ShardArticle {
  /** Content hash of the file it was read from: the key everything cached hangs on. */
  hash: string;
  file: string;
  meta: ArticleMeta;
  /** The file's stat when it held that content, or null when none could stand for it (folder.ts). */
  stat: FileStat | null;
}

export interface ShardFile {
  key: string;
  versions: Versions;
  articles: ShardArticle[];
  segment: SegmentData;
  /** Per article (same order), its memoized per-article values by key, packed. */
  extractions: PackedResults;
  /** Per article (same order), its body. */
  bodies: string[];
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

type Typed = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array;
const KINDS = { Uint8Array, Uint16Array, Uint32Array, Int32Array, Float64Array };
type Kind = keyof typeof KINDS;

interface Section {
  name: string;
  kind: Kind;
  offset: number;
  length: number;
}

export function encodeShard(shard: ShardFile): Buffer {
  const typed: [string, Typed][] = [
    ...ARRAYS.map((n) => [n, shard.segment[n]] as [string, Typed]),
    ...POSTINGS.map((n) => [`text.${n}`, shard.segment.text[n]] as [string, Typed]),
    ...POSTINGS.map((n) => [`headline.${n}`, shard.segment.headline[n]] as [string, Typed]),
  ];
  const { starts, tokens, floats, strings, shapes } = shard.extractions;
  const bodies = packBodies(shard.bodies);
  const packed: [string, Typed][] = [
    ["extractions.starts", starts],
    ["extractions.tokens", tokens],
    ["extractions.floats", floats],
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
      articles: shard.articles,
      ids: shard.segment.ids,
      textTerms: shard.segment.text.terms,
      headlineTerms: shard.segment.headline.terms,
      extractionStrings: strings,
      extractionShapes: shapes,
      sections,
    }),
  );
  const start = align(MAGIC.length + 4 + header.length);
  const out = Buffer.alloc(start + offset + 4);
  out.write(MAGIC, 0, "latin1");
  out.writeUInt32LE(header.length, MAGIC.length);
  header.copy(out, MAGIC.length + 4);
  [...typed, ...packed].forEach(([, arr], i) => {
    Buffer.from(arr.buffer, arr.byteOffset, arr.byteLength).copy(
      out,
      start + (sections[i] as Section).offset,
    );
  });
  out.writeUInt32LE(crc32(out.subarray(0, out.length - 4)), out.length - 4);
  return out;
}

/**
 * Decodes a shard file; throws an Error saying what is wrong with a damaged one. The packed
 * extraction results may be views on `buf`: unpack them before `buf` is reused.
 */
export function decodeShard(buf: Buffer): ShardFile {
  if (buf.length < MAGIC.length + 4 || buf.toString("latin1", 0, MAGIC.length) !== MAGIC) {
    throw new Error("not a shard file (bad magic)");
  }
  const headerLength = buf.readUInt32LE(MAGIC.length);
  if (MAGIC.length + 4 + headerLength > buf.length) throw new Error("truncated header");
  const h = JSON.parse(buf.toString("utf8", MAGIC.length + 4, MAGIC.length + 4 + headerLength));
  if (h.format !== FORMAT) throw new OtherFormatError(`format ${h.format}, expected ${FORMAT}`);
  const start = align(MAGIC.length + 4 + headerLength);
  const sections = h.sections as Section[];
  const last = sections.at(-1);
  const end = last
    ? align(last.offset + last.length * (KINDS[last.kind]?.BYTES_PER_ELEMENT ?? 0))
    : 0;
  if (start + end + 4 !== buf.length) throw new Error("truncated or padded file");
  if (crc32(buf.subarray(0, buf.length - 4)) !== buf.readUInt32LE(buf.length - 4))
    throw new Error("checksum mismatch");
  // The segment's arrays stay in service: they get their own copy, which is also aligned memory
  // whatever the file buffer's offset. The packed results and bodies are read once, so they are
  // views on `buf` itself when it is aligned (a copy of 2 MB a shard was external memory that
  // made V8 mark the whole heap every 64 MB of it).
  const firstPacked = sections.find((s) => s.name.startsWith("extractions."))?.offset ?? end;
  const index = new Uint8Array(firstPacked);
  index.set(buf.subarray(start, start + firstPacked));
  const packedAt = buf.byteOffset + start + firstPacked;
  const results =
    packedAt % 8 === 0
      ? new Uint8Array(buf.buffer, packedAt, end - firstPacked)
      : Uint8Array.from(buf.subarray(start + firstPacked, start + end));
  const arrays = new Map<string, Typed>();
  for (const s of sections) {
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
  const postings = (field: string, terms: string[]): Postings => ({
    terms,
    off: get(`${field}.off`),
    doc: get(`${field}.doc`),
    tf: get(`${field}.tf`),
  });
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
    text: postings("text", h.textTerms),
    headline: postings("headline", h.headlineTerms),
  });
  const extractions: PackedResults = {
    starts: get("extractions.starts"),
    tokens: get("extractions.tokens"),
    floats: get("extractions.floats"),
    strings: h.extractionStrings,
    shapes: h.extractionShapes,
  };
  const bodies = unpackBodies(
    get("bodies.at"),
    get("bodies.latin1"),
    get("bodies.utf8"),
    h.articles.length,
  );
  return { key: h.key, versions: h.versions, articles: h.articles, segment, extractions, bodies };
}

/** A character beyond Latin-1 (surrogates included): the body needs more than one byte a character. */
const BEYOND_LATIN1 = /[\u0100-\uffff]/;

/** Each body's group (0 Latin-1, 1 UTF-8) and its start and end in that group's text. */
function packBodies(bodies: readonly string[]): {
  at: Uint32Array;
  latin1: Uint8Array;
  utf8: Uint8Array;
} {
  const at = new Uint32Array(bodies.length * 3);
  const groups: [string[], string[]] = [[], []];
  const lengths = [0, 0];
  bodies.forEach((body, i) => {
    const g = BEYOND_LATIN1.test(body) ? 1 : 0;
    // A lone surrogate would come back from UTF-8 as U+FFFD: not the body any more.
    if (g === 1 && !body.isWellFormed()) throw new Error(`body ${i} is not well-formed UTF-16`);
    at[i * 3] = g;
    at[i * 3 + 1] = lengths[g] as number;
    lengths[g] = (lengths[g] as number) + body.length;
    at[i * 3 + 2] = lengths[g] as number;
    groups[g].push(body);
  });
  // Plain Uint8Arrays: a section's kind is its constructor's name.
  const bytes = (b: Buffer) => new Uint8Array(b.buffer, b.byteOffset, b.length);
  return {
    at,
    latin1: bytes(Buffer.from(groups[0].join(""), "latin1")),
    utf8: bytes(Buffer.from(groups[1].join(""), "utf8")),
  };
}

function unpackBodies(
  at: Uint32Array,
  latin1: Uint8Array,
  utf8: Uint8Array,
  count: number,
): string[] {
  if (at.length !== count * 3) throw new Error("bodies do not match the articles");
  const bytes = Buffer.from(latin1.buffer, latin1.byteOffset, latin1.length);
  const text = Buffer.from(utf8.buffer, utf8.byteOffset, utf8.length).toString("utf8");
  let chunk = "";
  let chunkStart = 0;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const start = at[i * 3 + 1] as number;
    const end = at[i * 3 + 2] as number;
    const group = at[i * 3] as number;
    if (start > end || end > (group === 0 ? bytes.length : text.length) || group > 1)
      throw new Error(`bad body ${i}`);
    if (group === 1) {
      out.push(text.slice(start, end));
      continue;
    }
    if (start < chunkStart || end > chunkStart + chunk.length) {
      chunkStart = start;
      chunk = bytes.toString("latin1", start, Math.min(bytes.length, Math.max(end, start + CHUNK)));
    }
    out.push(chunk.slice(start - chunkStart, end - chunkStart));
  }
  return out;
}

/**
 * Latin-1 text is decoded in pieces of this many bytes at most: Node makes a longer one an
 * external string, which V8 counts as external memory, and every 64 MB of that growth brought a
 * collection of the whole heap.
 */
const CHUNK = 512 * 1024;

/** A shard written by code with another file layout: once per upgrade, not a damaged file. */
export class OtherFormatError extends Error {}

function align(n: number): number {
  return (n + 7) & ~7;
}
