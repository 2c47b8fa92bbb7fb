/**
 * The people directory kept beside the shards (issue 9). Building it reads every quote of every
 * article: 1.3–1.6 s of a restart at 100,000 articles, plus unpacking the quotes themselves,
 * 32 of the 50 objects an article's results make. A restart that finds this file current takes
 * the directory as it is and leaves the quotes packed until a question needs one.
 *
 * Current means made by the same extraction code and data files (which include the alias
 * file) over the same articles: their ids and content hashes, in the order of kb.articles().
 * Anything else, and the directory is built again from the quotes, as without the file.
 */

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { crc32 } from "node:zlib";
import type { Article } from "../knowledge/article.ts";
import type { Person, QuoteColumns } from "../people/directory.ts";
import { writeAtomic } from "./store.ts";
import { FORMAT } from "./version.ts";

const FILE = "directory.bin";
const MAGIC = "TDPEOPLE";

/** What a kept directory was made from. */
export interface DirectoryStamp {
  /** Versions.extract: the extraction code and the knowledge folder's data files. */
  extract: string;
  /** articlesDigest of the articles it was built over. */
  articles: string;
}

export interface KeptDirectory {
  stamp: DirectoryStamp;
  people: Person[];
  columns: QuoteColumns;
}

/** The articles' ids and content hashes in order, as one digest; null when one has no known hash. */
export function articlesDigest(
  articles: readonly Article[],
  hashOf: (a: Article) => string | undefined,
): string | null {
  const hash = createHash("sha256");
  for (const a of articles) {
    const h = hashOf(a);
    if (h === undefined) return null;
    hash.update(`${a.id}\t${h}\n`);
  }
  return hash.digest("hex");
}

/** The kept directory, or why there is none to use. */
export function readKeptDirectory(cacheDir: string): KeptDirectory | string {
  let buf: Buffer;
  try {
    buf = readFileSync(join(cacheDir, FILE));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return `${FILE} ${code === "ENOENT" ? "missing" : "unreadable"}: the people directory is built again`;
  }
  try {
    return decode(buf);
  } catch (e) {
    return `${FILE} corrupt (${(e as Error).message}): the people directory is built again`;
  }
}

export function writeKeptDirectory(cacheDir: string, kept: KeptDirectory): number {
  const bytes = encode(kept);
  writeAtomic(join(cacheDir, FILE), bytes);
  return bytes.length;
}

function encode({ stamp, people, columns }: KeptDirectory): Buffer {
  const n = columns.article.length;
  const header = Buffer.from(JSON.stringify({ format: FORMAT, stamp, people, quotes: n }));
  const start = align(MAGIC.length + 4 + header.length);
  const size = start + align(n * 12 + n) + 4;
  const out = Buffer.alloc(size);
  out.write(MAGIC, 0, "latin1");
  out.writeUInt32LE(header.length, MAGIC.length);
  header.copy(out, MAGIC.length + 4);
  let at = start;
  for (const arr of [columns.article, columns.index, columns.person, columns.attributed]) {
    Buffer.from(arr.buffer, arr.byteOffset, arr.byteLength).copy(out, at);
    at += arr.byteLength;
  }
  out.writeUInt32LE(crc32(out.subarray(0, size - 4)), size - 4);
  return out;
}

function decode(buf: Buffer): KeptDirectory {
  if (buf.length < MAGIC.length + 8 || buf.toString("latin1", 0, MAGIC.length) !== MAGIC)
    throw new Error("not a directory file");
  if (crc32(buf.subarray(0, buf.length - 4)) !== buf.readUInt32LE(buf.length - 4))
    throw new Error("checksum mismatch");
  const length = buf.readUInt32LE(MAGIC.length);
  const h = JSON.parse(buf.toString("utf8", MAGIC.length + 4, MAGIC.length + 4 + length));
  if (h.format !== FORMAT) throw new Error(`format ${h.format}, expected ${FORMAT}`);
  const n = h.quotes;
  const start = align(MAGIC.length + 4 + length);
  if (!Number.isInteger(n) || start + align(n * 13) + 4 !== buf.length)
    throw new Error("truncated or padded file");
  if (typeof h.stamp?.extract !== "string" || typeof h.stamp?.articles !== "string")
    throw new Error("no stamp");
  if (!Array.isArray(h.people)) throw new Error("no people");
  // Copies: aligned, and not views on a buffer the collector could otherwise not free.
  const ints = (k: number) =>
    new Int32Array(
      buf.buffer.slice(
        buf.byteOffset + start + k * n * 4,
        buf.byteOffset + start + (k + 1) * n * 4,
      ),
    );
  const columns: QuoteColumns = {
    article: ints(0),
    index: ints(1),
    person: ints(2),
    attributed: Uint8Array.from(buf.subarray(start + 12 * n, start + 13 * n)),
  };
  if (columns.person.some((p) => p < -1 || p >= h.people.length))
    throw new Error("a quote's person is not in the list");
  if (columns.article.some((a, i) => a < 0 || (i > 0 && a < (columns.article[i - 1] as number))))
    throw new Error("quotes out of article order");
  return { stamp: h.stamp, people: h.people, columns };
}

function align(n: number): number {
  return (n + 7) & ~7;
}
