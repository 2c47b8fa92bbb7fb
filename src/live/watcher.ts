/**
 * Watches the knowledge folder while the bot runs, so an added, corrected or removed article is
 * in service within moments, without a restart and without re-reading unchanged files.
 *
 * fs.watch on Linux is inotify: one save can arrive as a burst of rename/change events, and the
 * file may still be half written when the first arrives. So events only mark a file dirty; it is
 * read once no event has come for `debounceMs`, and read again if it changed while being read.
 * A slow periodic re-stat of the folder catches anything inotify dropped (its queue can overflow
 * when thousands of files land at once).
 */
import { createHash } from "node:crypto";
import { type FSWatcher, readdirSync, readFileSync, watch } from "node:fs";
import { join } from "node:path";
import type { Problem } from "../knowledge/article.ts";
import type { KnowledgeBase } from "../knowledge/base.ts";
import { SYNONYMS_FILE } from "../search/synonyms.ts";
import { isArticleFile } from "./files.ts";
import { FolderSync, type LiveLog } from "./folder-sync.ts";

export type { LiveLog } from "./folder-sync.ts";

export interface WatchOptions {
  log?: LiveLog;
  /** Quiet time after a file's last event before it is read. */
  debounceMs?: number;
  /** How often the whole folder is re-stat'ed as a safety net; 0 turns it off. */
  rescanMs?: number;
  /**
   * When the knowledge was loaded (epoch ms): files modified since then are re-read at once,
   * since they may have changed after the loader read them and before the watch began.
   */
  loadedAt?: number;
}

/**
 * Data files read only at start-up: a change is reported as needing a restart. (sectors.yml is
 * not here: its reader re-reads it when it changes.) The synonyms are applied to every indexed
 * word, so changing them means rebuilding the whole index, which is what a restart does.
 */
const RESTART_FILES = [SYNONYMS_FILE];

export const RESTART_MESSAGE = "changed on disk; restart Tariff Desk to apply it";

export interface KnowledgeWatcher {
  /** Problems with the folder's files right now (also published as `kb.problems`). */
  problems(): Problem[];
  /**
   * Re-stats every file and applies what changed (what the periodic safety net runs), a few
   * hundred files per turn of the event loop so a large folder never stalls a Slack request.
   */
  rescan(): Promise<void>;
  /**
   * Resolves once the watcher has taken stock of the folder and applied the files changed since
   * the load. A folder of more than SCAN_CHUNK files is taken stock of in turns of the event
   * loop; changes seen meanwhile are applied then, and `problems()` is the load's until then.
   */
  ready: Promise<void>;
  close(): void;
}

const NO_LOG: LiveLog = { info() {}, warn() {} };
/**
 * File times come from the kernel's coarse clock, which can trail Date.now() by a few
 * milliseconds: a file saved just after the load began may carry a time just before it.
 */
const CLOCK_SLACK_MS = 1000;
/** Files re-stat'ed per turn of the event loop during a rescan. */
const SCAN_CHUNK = 250;

/** Starts watching `dir`, the folder `kb` was loaded from. Never keeps the process alive by itself. */
export function watchKnowledge(
  kb: KnowledgeBase,
  dir: string,
  options: WatchOptions = {},
): KnowledgeWatcher {
  const log = options.log ?? NO_LOG;
  const debounceMs = options.debounceMs ?? 100;
  const timers = new Map<string, NodeJS.Timeout>();
  let closed = false;

  // Watch first, then take stock, so no change falls between the two.
  const watcher: FSWatcher = watch(dir, { persistent: false }, (_event, name) => {
    if (closed) return;
    if (!name) void rescan();
    else if (isArticleFile(name)) schedule(name);
    else if (RESTART_FILES.includes(name)) schedule(name);
  });
  watcher.on("error", (e) => {
    log.warn(`knowledge: stopped watching ${dir} (${(e as NodeJS.ErrnoException).code ?? e})`);
    close();
  });

  const sync = new FolderSync(kb, dir, log, listArticles());
  const dataHashes = new Map(RESTART_FILES.map((f) => [f, hashOf(join(dir, f))]));
  /** Files with events before the stock was taken: read again, whatever their stat, once it is. */
  let early: Set<string> | null = new Set();
  const stock = sync.stockInSteps(SCAN_CHUNK);
  // A folder of one chunk is taken stock of at once, before this returns; a larger one in turns.
  const ready = stock.next().done ? Promise.resolve(stockTaken()) : stockInTurns();

  async function stockInTurns(): Promise<void> {
    do {
      await new Promise((r) => setImmediate(r));
      if (closed) return;
    } while (!stock.next().done);
    stockTaken();
  }

  function stockTaken(): void {
    sync.learnWaiting();
    const seen = early ?? new Set<string>();
    early = null;
    if (options.loadedAt !== undefined) {
      for (const name of sync.modifiedSince(options.loadedAt - CLOCK_SLACK_MS)) apply(name, true);
    }
    for (const name of seen) apply(name, true);
  }

  function listArticles(): string[] {
    try {
      return readdirSync(dir).filter(isArticleFile);
    } catch {
      return [];
    }
  }

  function schedule(name: string): void {
    clearTimeout(timers.get(name));
    const timer = setTimeout(() => {
      timers.delete(name);
      if (!closed) apply(name);
    }, debounceMs);
    timer.unref();
    timers.set(name, timer);
  }

  function apply(name: string, force = false): void {
    if (early) {
      early.add(name);
      return;
    }
    if (RESTART_FILES.includes(name)) {
      const changed = hashOf(join(dir, name)) !== dataHashes.get(name);
      sync.notice(name, changed ? RESTART_MESSAGE : undefined);
      return;
    }
    try {
      if (sync.sync(name, force) === "unstable") schedule(name);
    } catch (e) {
      // One unreadable file must never stop the watcher serving the others.
      log.warn(`knowledge: ${name}: could not be read (${(e as Error).message})`);
    }
  }

  let scanning: Promise<void> | undefined;
  function rescan(): Promise<void> {
    scanning ??= ready.then(scanAll).finally(() => {
      scanning = undefined;
    });
    return scanning;
  }

  async function scanAll(): Promise<void> {
    const present = new Set(listArticles());
    const names = [...sync.known().filter((n) => !present.has(n)), ...present, ...RESTART_FILES];
    for (let i = 0; i < names.length && !closed; i += SCAN_CHUNK) {
      for (const name of names.slice(i, i + SCAN_CHUNK)) apply(name);
      await new Promise((r) => setImmediate(r));
    }
  }

  const interval =
    options.rescanMs === 0 ? undefined : setInterval(rescan, options.rescanMs ?? 60_000);
  interval?.unref();

  function close(): void {
    if (closed) return;
    closed = true;
    watcher.close();
    clearInterval(interval);
    for (const t of timers.values()) clearTimeout(t);
    timers.clear();
  }

  return { problems: () => (early ? kb.problems : sync.problems()), rescan, ready, close };
}

/** The content hash of a data file, or "" when it is absent or unreadable. */
function hashOf(path: string): string {
  try {
    return createHash("sha256").update(readFileSync(path)).digest("hex");
  } catch {
    return "";
  }
}
