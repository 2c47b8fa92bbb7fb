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
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { join } from "node:path";
import type { Problem } from "../knowledge/article.ts";
import { listArticleFiles } from "../knowledge/load.ts";
import type { Pace } from "../knowledge/pace.ts";
import {
  type FileStat,
  type FileStats,
  GONE,
  newFileStats,
  STATED,
  statFiles,
  statOf,
} from "./stat-files.ts";
import { startTsWorker } from "./threads.ts";

export type { FileStat };

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
  return !!a && !!b && a[0] === b[0] && a[1] === b[1] && a[2] === b[2] && a[3] === b[3];
}

/** Folders of at least this many article files are stat'ed on a worker thread (readFolder). */
export const STAT_THREAD_FROM = 10_000;

/** Stats taken between two checks of the pace. */
const STATS_PER_CHECK = 256;

export interface FolderRead {
  /** The article files listed, by name (empty when the folder cannot be read). */
  names: readonly string[];
  /** Each file still there with its stat, and the folder's problem if it cannot be read. */
  entries(pace?: Pace): Promise<{ entries: FolderEntry[]; problems: Problem[] }>;
}

/**
 * Lists the folder's article files now and stats them meanwhile: on a worker thread when there
 * are at least `threadFrom` of them, so that a restart decodes the snapshot while they are
 * stat'ed (its `wanted` needs only the names); else, or if the thread fails, on this thread when
 * `entries` is called, taking a turn of the event loop whenever `pace` says so.
 */
export function readFolder(dir: string, threadFrom = STAT_THREAD_FROM): FolderRead {
  let names: string[];
  try {
    names = listArticleFiles(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const problems = [
      { file: dir, field: "knowledge", message: `cannot read the folder (${code ?? String(e)})` },
    ];
    return { names: [], entries: async () => ({ entries: [], problems }) };
  }
  const onThread = names.length >= threadFrom ? statOnThread(dir, names) : null;
  return {
    names,
    entries: async (pace) => {
      let stats = onThread && (await onThread);
      if (!stats) {
        stats = newFileStats(names.length);
        for (let i = 0; i < names.length; i += STATS_PER_CHECK) {
          if (pace?.due()) await pace.turn();
          statFiles(dir, names, stats, i, Math.min(names.length, i + STATS_PER_CHECK));
        }
      }
      return { entries: folderEntries(names, stats), problems: [] };
    },
  };
}

/** The stats from a worker thread, or null if it could not give them. */
function statOnThread(dir: string, names: readonly string[]): Promise<FileStats | null> {
  return new Promise((resolve) => {
    try {
      const w = startTsWorker(new URL("./stat-worker.ts", import.meta.url), { dir, names });
      w.once("message", resolve);
      w.once("error", () => resolve(null));
      // After the message this changes nothing; without one, the stats are taken here.
      w.once("exit", () => resolve(null));
    } catch {
      resolve(null);
    }
  });
}

function folderEntries(names: readonly string[], { kind, stat }: FileStats): FolderEntry[] {
  const entries: FolderEntry[] = [];
  for (let i = 0; i < names.length; i++) {
    if (kind[i] === GONE) continue;
    const at = i * 4;
    entries.push({
      file: names[i] as string,
      stat:
        kind[i] === STATED
          ? [
              stat[at] as number,
              stat[at + 1] as number,
              stat[at + 2] as number,
              stat[at + 3] as number,
            ]
          : null,
    });
  }
  return entries;
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

/**
 * Reads an open file to its end into `buffer`, or into a larger one when the file outgrows it;
 * returns the bytes read, a view at the start of the buffer used (a grown one has its own
 * memory, so that view is aligned for typed arrays).
 */
export function readToEnd(fd: number, buffer: Buffer): Buffer {
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

function unreadable(file: string, e: unknown): Problem {
  return {
    file,
    field: "file",
    message: `unreadable (${(e as NodeJS.ErrnoException).code ?? String(e)})`,
  };
}
