/**
 * Brings the knowledge in service in step with one file of the folder at a time. It remembers,
 * per file, the stat and content hash last seen (so an unchanged file is never re-read or
 * re-parsed), which article id the file serves, and the file's current problems.
 *
 * The rules an editor can rely on:
 * - a valid file is put in service (added, or replacing its last version);
 * - an invalid file is reported, and its last good version STAYS in service;
 * - a removed file takes its article out of service;
 * - a file whose id another file already holds is reported and waits; it is put in service
 *   when that other file goes (the loader's rule: the first file keeps the id).
 */
import { createHash } from "node:crypto";
import { readFileSync, type Stats, statSync } from "node:fs";
import { join } from "node:path";
import { type Article, type Problem, parseArticle } from "../knowledge/article.ts";
import type { KnowledgeBase } from "../knowledge/base.ts";
import { formatProblem } from "../knowledge/load.ts";
import { type Steps, stepDone } from "../knowledge/steps.ts";
import { groupBy } from "../lists.ts";
import { sameArticle } from "./same-article.ts";

export interface LiveLog {
  info(message: string): void;
  warn(message: string): void;
}

interface FileState {
  mtimeMs: number;
  size: number;
  /** Content hash; unknown for files only stat'ed at start-up. */
  hash?: string;
  /** The id under which this file's (last good) article is in service. */
  servedId?: string;
  /** A valid article refused because another file holds its id. */
  waiting?: Article;
  problems: Problem[];
}

/** What `sync(file)` found: the caller re-checks a file that was still being written. */
export type SyncOutcome = "unchanged" | "applied" | "unstable";

export class FolderSync {
  private readonly files = new Map<string, FileState>();
  /** Problems about things other than article files (synonyms.yml, the folder), kept as loaded. */
  private readonly otherProblems: Problem[];
  private readonly notices = new Map<string, Problem>();

  constructor(
    private readonly kb: KnowledgeBase,
    private readonly dir: string,
    private readonly log: LiveLog,
    private readonly articleFiles: readonly string[],
  ) {
    const listed = new Set(articleFiles);
    this.otherProblems = kb.problems.filter((p) => !listed.has(p.file));
  }

  /**
   * Takes stock of the article files listed at construction: each one's stat, the id it serves
   * and its problems as loaded. In steps of `every` files, so that the watcher can let other
   * work in between: at 100,000 articles the stats held the event loop 0.61 s right after the
   * load (issue 9). Nothing else may be asked of this object until it is done.
   */
  *stockInSteps(every: number): Steps<void> {
    const served = new Map(this.kb.articles().map((a) => [a.file, a.id]));
    const problems = groupBy(this.kb.problems, (p) => p.file);
    for (let i = 0; i < this.articleFiles.length; i++) {
      const file = this.articleFiles[i] as string;
      const st = statOrNull(join(this.dir, file));
      if (st)
        this.files.set(file, {
          mtimeMs: st.mtimeMs,
          size: st.size,
          servedId: served.get(file),
          problems: problems.get(file) ?? [],
        });
      if (stepDone(i, every)) yield;
    }
  }

  /** Files whose modification time is at or after `ms` (epoch milliseconds). */
  modifiedSince(ms: number): string[] {
    return [...this.files].filter(([, s]) => s.mtimeMs >= ms).map(([f]) => f);
  }

  /** The files the folder had, as last seen. */
  known(): string[] {
    return [...this.files.keys()];
  }

  /**
   * Re-reads, without logging, the files the loader refused for a duplicate id, to learn which
   * article each one waits to put in service.
   */
  learnWaiting(): void {
    for (const [file, state] of this.files) {
      if (!state.problems.some((p) => p.field === "id")) continue;
      let text: string;
      try {
        text = readFileSync(join(this.dir, file), "utf8");
      } catch {
        continue;
      }
      const { article } = parseArticle(file, text);
      if (article && this.kb.get(article.id)?.file !== file) state.waiting = article;
    }
  }

  /** Current problems: other files' as loaded, restart notices, then each article file's. */
  problems(): Problem[] {
    const perFile = [...this.files.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .flatMap(([, s]) => s.problems);
    return [...this.otherProblems, ...this.notices.values(), ...perFile];
  }

  /** A data file that is read only at start-up changed: say so until the restart. */
  notice(file: string, message: string | undefined): void {
    if (message === undefined) {
      this.notices.delete(file);
    } else if (this.notices.get(file)?.message !== message) {
      this.notices.set(file, { file, field: "file", message });
      this.log.warn(`knowledge: ${file}: ${message}`);
    }
    this.publish();
  }

  /** Reads `file` if it changed since last seen and applies it. `force` re-reads regardless. */
  sync(file: string, force = false): SyncOutcome {
    const path = join(this.dir, file);
    const st = statOrNull(path);
    if (!st?.isFile()) return this.remove(file) ? "applied" : "unchanged";
    const prev = this.files.get(file);
    if (!force && prev && prev.mtimeMs === st.mtimeMs && prev.size === st.size) return "unchanged";
    let text: string;
    try {
      text = readFileSync(path, "utf8");
    } catch {
      return this.remove(file) ? "applied" : "unchanged";
    }
    const after = statOrNull(path);
    // Written to while we read (an editor saving in place): read again once it settles.
    if (!after || after.mtimeMs !== st.mtimeMs || after.size !== st.size) return "unstable";
    const hash = createHash("sha256").update(text).digest("hex");
    if (!force && prev?.hash === hash) {
      this.files.set(file, { ...prev, mtimeMs: st.mtimeMs, size: st.size });
      return "unchanged";
    }
    const state: FileState = { mtimeMs: st.mtimeMs, size: st.size, hash, problems: [] };
    state.servedId = prev?.servedId;
    this.files.set(file, state);
    this.apply(file, state, parseArticle(file, text));
    this.publish();
    return "applied";
  }

  /** Forgets a file that is gone; its article leaves service. True when anything changed. */
  remove(file: string): boolean {
    const prev = this.files.get(file);
    if (!prev) return false;
    this.files.delete(file);
    if (prev.servedId && this.kb.get(prev.servedId)?.file === file) {
      this.kb.remove(prev.servedId);
      this.log.info(`knowledge: removed ${prev.servedId} (${file} is gone)`);
      this.promoteWaiting(prev.servedId);
    }
    this.publish();
    return true;
  }

  private apply(file: string, state: FileState, parsed: ReturnType<typeof parseArticle>): void {
    const keeping = state.servedId ? `; keeping the last good version of ${state.servedId}` : "";
    const article = parsed.article;
    if (!article) {
      state.problems = parsed.problems;
      for (const p of parsed.problems) this.log.warn(`knowledge: ${formatProblem(p)}${keeping}`);
      return;
    }
    const holder = this.kb.get(article.id);
    if (holder && holder.file !== file) {
      state.waiting = article;
      state.problems = [
        {
          file,
          field: "id",
          message: `duplicate id "${article.id}", already used by ${holder.file}`,
        },
      ];
      this.log.warn(`knowledge: ${formatProblem(state.problems[0] as Problem)}${keeping}`);
      return;
    }
    this.serve(file, state, article);
  }

  /** Puts `article` in service as this file's, retiring the id the file served before. */
  private serve(file: string, state: FileState, article: Article): void {
    const formerId = state.servedId;
    state.servedId = article.id;
    state.waiting = undefined;
    state.problems = [];
    if (formerId && formerId !== article.id && this.kb.get(formerId)?.file === file) {
      this.kb.remove(formerId);
      this.log.info(`knowledge: removed ${formerId} (${file} now holds ${article.id})`);
      this.promoteWaiting(formerId);
    }
    const current = this.kb.get(article.id);
    if (current && sameArticle(current, article)) return;
    this.kb.upsert(article);
    this.log.info(`knowledge: ${current ? "updated" : "added"} ${article.id} from ${file}`);
  }

  /** The first file (by name, as at load) waiting for `id` takes it. */
  private promoteWaiting(id: string): void {
    const next = [...this.files.entries()]
      .filter(([, s]) => s.waiting?.id === id)
      .sort(([a], [b]) => a.localeCompare(b))[0];
    if (next) this.serve(next[0], next[1], next[1].waiting as Article);
  }

  private publish(): void {
    this.kb.problems = this.problems();
  }
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}
