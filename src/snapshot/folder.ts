/**
 * The knowledge folder as the snapshot sees it: each article file's name, size and times, and,
 * for a file read, its content hash. The hash is what the snapshot is keyed by, so a file whose
 * bytes did not change is recognised whatever its date or name, and one changed byte is enough
 * to re-read and re-extract it. Reading and hashing every file took 2.2 s at 100,000 articles
 * (issue 9), so a file whose size, times and inode are those the snapshot recorded is taken for
 * the content recorded with them, as git takes its index: any write changes the ctime, which
 * ordinary tools cannot set back.
 */
import { createHash } from "node:crypto";
import { closeSync, fstatSync, openSync, readSync, type Stats, statSync } from "node:fs";
import { join, sep } from "node:path";
import type { Problem } from "../knowledge/article.ts";
import { listArticleFiles } from "../knowledge/load.ts";
import type { Pace } from "../knowledge/pace.ts";

/** Size, mtime, ctime (ms) and inode: what the file system changes on any write or replacement. */
export type FileStat = [number, number, number, number];

export interface FolderEntry {
  file: string;
  /** Null when the file cannot be stat'ed (it is then read, and its error reported). */
  stat: FileStat | null;
}

/**
 * A change made within the file system's timestamp granularity of a read could leave size and
 * times as they were, so a file changed this recently is always read again (git's "racy clean").
 */
export const SETTLED_MS = 2000;

export function contentHash(bytes: Uint8Array): string {
  return createHash("sha1").update(bytes).digest("base64url");
}

export function sameStat(a: FileStat | null | undefined, b: FileStat | null | undefined): boolean {
  return !!a && sameStatAt(a, 0, b);
}

/**
 * Whether the four numbers of `stats` from `at` are the stat `b` (never when `b` is missing): a
 * shard keeps its articles' stats in one typed array (article-columns.ts).
 */
export function sameStatAt(
  stats: ArrayLike<number>,
  at: number,
  b: FileStat | null | undefined,
): boolean {
  return (
    !!b &&
    stats[at] === b[0] &&
    stats[at + 1] === b[1] &&
    stats[at + 2] === b[2] &&
    stats[at + 3] === b[3]
  );
}

/**
 * Lists the folder's article files with their stat, taking a turn of the event loop whenever
 * `pace` says so. `listing`: the folder's names, when the caller read them already.
 */
export async function statFolder(
  dir: string,
  pace?: Pace,
  listing?: readonly string[],
): Promise<{ entries: FolderEntry[]; problems: Problem[] }> {
  let names: string[];
  try {
    names = listArticleFiles(dir, listing);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return {
      entries: [],
      problems: [
        { file: dir, field: "knowledge", message: `cannot read the folder (${code ?? String(e)})` },
      ],
    };
  }
  const entries: FolderEntry[] = [];
  // The folder's path once, each name added to it: join() normalized the whole path again for
  // every file (95 ms at 100,000 in a profile of a restart: issue 9). A name from the listing
  // holds no separator.
  const prefix = join(dir, sep);
  for (const file of names) {
    if (pace?.due()) await pace.turn();
    let stat: FileStat | null = null;
    try {
      const s = statSync(prefix + file, { throwIfNoEntry: false });
      // Gone since the listing: not an article any more.
      if (!s) continue;
      if (s.isFile()) stat = statOf(s);
    } catch {
      // Reading it will say what is wrong.
    }
    entries.push({ file, stat });
  }
  return { entries, problems: [] };
}

export interface ReadFile {
  text: string;
  hash: string;
  /** The stat that stands for this content, or null when it cannot (changed during the read, or too recently). */
  stat: FileStat | null;
}

/** Reads and hashes one file; a Problem naming the file when it cannot be read. */
export function readArticleFile(
  dir: string,
  file: string,
  settledMs = SETTLED_MS,
): ReadFile | Problem {
  let fd: number;
  try {
    fd = openSync(join(dir, file), "r");
  } catch (e) {
    return unreadable(file, e);
  }
  try {
    const before = fstatSync(fd);
    if (!before.isFile()) {
      const why = before.isDirectory() ? "EISDIR" : "not a regular file";
      return { file, field: "file", message: `unreadable (${why})` };
    }
    const content = readToEnd(fd, Buffer.allocUnsafe(before.size + 1));
    const after = statOf(fstatSync(fd));
    const stat = statOf(before);
    const settled = Date.now() - Math.max(stat[1], stat[2]) >= settledMs;
    return {
      text: content.toString("utf8"),
      hash: contentHash(content),
      stat: settled && sameStat(stat, after) && stat[0] === content.length ? stat : null,
    };
  } catch (e) {
    return unreadable(file, e);
  } finally {
    closeSync(fd);
  }
}

/** Fills `bytes` from the open file at `position`; false when the file ends first. */
export function readFully(fd: number, bytes: Uint8Array, position: number): boolean {
  for (let n = 0; n < bytes.length; ) {
    const r = readSync(fd, bytes, n, bytes.length - n, position + n);
    if (r === 0) return false;
    n += r;
  }
  return true;
}

/**
 * Reads an open file to its end into `buffer`, or into a larger one when the file outgrows it;
 * returns the bytes read, a view at the start of the buffer used.
 */
function readToEnd(fd: number, buffer: Buffer): Buffer {
  let bytes = buffer;
  let n = 0;
  for (;;) {
    if (n === bytes.length) {
      const grown = Buffer.allocUnsafeSlow(Math.max(1, bytes.length * 2));
      bytes.copy(grown);
      bytes = grown;
    }
    const r = readSync(fd, bytes, n, bytes.length - n, null);
    if (r === 0) return bytes.subarray(0, n);
    n += r;
  }
}

function statOf(s: Stats): FileStat {
  return [s.size, s.mtimeMs, s.ctimeMs, s.ino];
}

function unreadable(file: string, e: unknown): Problem {
  return {
    file,
    field: "file",
    message: `unreadable (${(e as NodeJS.ErrnoException).code ?? String(e)})`,
  };
}
