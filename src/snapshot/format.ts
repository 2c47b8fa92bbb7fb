/**
 * One shard file: a small JSON header (versions, articles with their content hashes, term
 * lists, the extraction results' string and shape tables), then the segment's typed arrays and
 * the packed extraction results (compact.ts) as raw bytes. Typed arrays load as views on the
 * file's bytes, with no parsing, and nothing passes through one huge string, so no shard nears
 * V8's string limit.
 */
import type { Article } from "../knowledge/article.ts";
import { type Postings, type SegmentData, sameShape } from "../search/segment.ts";
import type { PackedResults } from "./compact.ts";
import { FORMAT, type Versions } from "./version.ts";

const MAGIC = "TDSHARD\n";

export type ArticleMeta = Omit<Article, "body" | "file">;

export interface ShardArticle {
  /** Content hash of the file it was read from: the key everything cached hangs on. */
  hash: string;
  file: string;
  meta: ArticleMeta;
  /** The body is `text.slice(bodyStart, bodyEnd)` of that file; it is not stored twice. */
  bodyStart: number;
  bodyEnd: number;
}

export interface ShardFile {
  key: string;
  versions: Versions;
  articles: ShardArticle[];
  segment: SegmentData;
  /** Per article (same order), its memoized per-article values by key, packed. */
  extractions: PackedResults;
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
  const packed: [string, Typed][] = [
    ["extractions.starts", starts],
    ["extractions.tokens", tokens],
    ["extractions.floats", floats],
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
  const out = Buffer.alloc(start + offset);
  out.write(MAGIC, 0, "latin1");
  out.writeUInt32LE(header.length, MAGIC.length);
  header.copy(out, MAGIC.length + 4);
  [...typed, ...packed].forEach(([, arr], i) => {
    Buffer.from(arr.buffer, arr.byteOffset, arr.byteLength).copy(
      out,
      start + (sections[i] as Section).offset,
    );
  });
  return out;
}

/** Decodes a shard file; throws an Error saying what is wrong with a damaged one. */
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
  if (start + end !== buf.length) throw new Error("truncated or padded file");
  // Views need aligned memory; a copy gives it, whatever the file buffer's offset. The segment's
  // arrays stay in service, the packed results are dropped once unpacked: each has its own copy.
  const firstPacked = sections.find((s) => s.name.startsWith("extractions."))?.offset ?? end;
  const index = new Uint8Array(firstPacked);
  index.set(buf.subarray(start, start + firstPacked));
  const results = new Uint8Array(end - firstPacked);
  results.set(buf.subarray(start + firstPacked, start + end));
  const arrays = new Map<string, Typed>();
  for (const s of sections) {
    const Ctor = KINDS[s.kind];
    const own = s.offset < firstPacked ? index : results;
    const at = s.offset < firstPacked ? s.offset : s.offset - firstPacked;
    if (!Ctor || at + s.length * Ctor.BYTES_PER_ELEMENT > own.length) {
      throw new Error(`bad section ${s.name}`);
    }
    arrays.set(s.name, new Ctor(own.buffer, at, s.length));
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
  return { key: h.key, versions: h.versions, articles: h.articles, segment, extractions };
}

/** A shard written by code with another file layout: once per upgrade, not a damaged file. */
export class OtherFormatError extends Error {}

function align(n: number): number {
  return (n + 7) & ~7;
}
