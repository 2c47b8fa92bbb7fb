/**
 * The folder watcher, through the real fs.watch on a temp folder: added, corrected, broken,
 * duplicated, renamed and removed files, and the files it must never read as articles.
 */
import {
  appendFileSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { KnowledgeBase } from "../../src/knowledge/base.ts";
import { openKnowledge } from "../../src/knowledge/open.ts";
import { type KnowledgeWatcher, RESTART_MESSAGE, watchKnowledge } from "../../src/live/watcher.ts";
import { sentences } from "../../src/text/passages.ts";
import { turnCounter } from "../helpers/turns.ts";
import { askKb, captureLog, citedIds, liveFolder, newArticle, waitFor } from "./helpers.ts";

const DAIRY = "2026-03-02-dairy-quota-review";
const GEAR = "2026-04-fishing-gear-levy";
const CANOLA = "2026-05-07-canola-crush-plants";

let watchers: KnowledgeWatcher[] = [];
afterEach(() => {
  for (const w of watchers) w.close();
  watchers = [];
});

function start(dir = liveFolder(), debounceMs = 100) {
  const kb = openKnowledge(dir);
  const log = captureLog();
  const watcher = watchKnowledge(kb, dir, { log, rescanMs: 0, debounceMs });
  watchers.push(watcher);
  return { dir, kb, log, watcher };
}

const cites = (kb: KnowledgeBase, q: string, id: string) => citedIds(askKb(kb, q)).includes(id);

describe("the knowledge watcher", () => {
  it("puts a dropped-in article in service within 2 seconds, and ask cites it", async () => {
    const { dir, kb, log } = start();
    expect(cites(kb, "canola crushers", CANOLA)).toBe(false);
    writeFileSync(join(dir, `${CANOLA}.md`), newArticle(`${CANOLA}.md`));
    await waitFor("ask cites the new article", () => cites(kb, "canola crushers", CANOLA), 2000);
    const item = askKb(kb, "canola crushers").items.find((i) =>
      i.citations.some((c) => c.articleId === CANOLA),
    );
    const c = item?.citations[0];
    expect(c?.snippet).toBe(kb.get(CANOLA)?.body.slice(c?.start, c?.end));
    expect(log.lines).toContain(`info knowledge: added ${CANOLA} from ${CANOLA}.md`);
  });

  it("applies a correction, and only the corrected article is re-extracted", async () => {
    const { dir, kb } = start();
    let computed: string[] = [];
    const extract = () =>
      kb.articles().map((a) =>
        kb.perArticle("test-sentences", a, (x) => {
          computed.push(x.id);
          return sentences(x.body).length;
        }),
      );
    extract();
    expect(computed.sort()).toEqual([DAIRY, GEAR]);
    computed = [];
    const path = join(dir, `${GEAR}.md`);
    writeFileSync(path, readFileSync(path, "utf8").replace("doubles to 12%", "triples to 18%"));
    await waitFor("the corrected headline", () => kb.get(GEAR)?.headline.includes("18%"));
    extract();
    expect(computed).toEqual([GEAR]);
  });

  it("keeps the last good version of a broken article in service and reports the error", async () => {
    const { dir, kb, log, watcher } = start();
    const path = join(dir, `${DAIRY}.md`);
    const good = readFileSync(path, "utf8");
    const before = kb.get(DAIRY);
    writeFileSync(
      path,
      good
        .replace("published: 2026-03-02", "published: sometime in March")
        .replace("review", "rethink"),
    );
    const problem = await waitFor("the problem is reported", () =>
      watcher.problems().find((p) => p.file === `${DAIRY}.md`),
    );
    expect(problem.field).toBe("published");
    expect(problem.message).toContain('not "sometime in March"');
    expect(kb.problems).toContainEqual(problem);
    expect(log.lines.some((l) => l.startsWith(`warn knowledge: ${DAIRY}.md: published:`))).toBe(
      true,
    );
    expect(log.lines.at(-1)).toContain(`keeping the last good version of ${DAIRY}`);
    expect(kb.get(DAIRY)).toBe(before);
    expect(cites(kb, "dairy quota review Halifax", DAIRY)).toBe(true);

    writeFileSync(path, good.replace("on Monday", "on Tuesday"));
    await waitFor("the fixed file is applied", () => kb.get(DAIRY)?.body.includes("on Tuesday"));
    expect(watcher.problems()).toEqual([]);
    expect(kb.problems).toEqual([]);
  });

  it("takes a removed article out of service", async () => {
    const { dir, kb, log } = start();
    expect(cites(kb, "fishing gear levy", GEAR)).toBe(true);
    rmSync(join(dir, `${GEAR}.md`));
    await waitFor("the article is gone", () => kb.get(GEAR) === undefined);
    expect(cites(kb, "fishing gear levy", GEAR)).toBe(false);
    expect(log.lines).toContain(`info knowledge: removed ${GEAR} (${GEAR}.md is gone)`);
  });

  it("follows a renamed file without losing the article", async () => {
    const { dir, kb } = start();
    renameSync(join(dir, `${GEAR}.md`), join(dir, "gear.md"));
    await waitFor("served from the new name", () => kb.get(GEAR)?.file === "gear.md");
    expect(cites(kb, "fishing gear levy", GEAR)).toBe(true);
  });

  it("moves an article to its new id when the file's id changes", async () => {
    const { dir, kb } = start();
    const path = join(dir, `${GEAR}.md`);
    writeFileSync(path, readFileSync(path, "utf8").replace(`id: ${GEAR}`, "id: gear-levy-fixed"));
    await waitFor("the new id", () => kb.get("gear-levy-fixed"));
    expect(kb.get(GEAR)).toBeUndefined();
  });

  it("refuses a second file with a taken id, and serves it once the first file goes", async () => {
    const { dir, kb, watcher } = start();
    const copy = readFileSync(join(dir, `${GEAR}.md`), "utf8").replace("Friday", "Saturday");
    writeFileSync(join(dir, "zz-copy.md"), copy);
    const problem = await waitFor("the duplicate is reported", () =>
      watcher.problems().find((p) => p.file === "zz-copy.md"),
    );
    expect(problem).toEqual({
      file: "zz-copy.md",
      field: "id",
      message: `duplicate id "${GEAR}", already used by ${GEAR}.md`,
    });
    expect(kb.get(GEAR)?.body).toContain("Friday");
    rmSync(join(dir, `${GEAR}.md`));
    await waitFor("the waiting file takes over", () => kb.get(GEAR)?.file === "zz-copy.md");
    expect(kb.get(GEAR)?.body).toContain("Saturday");
    expect(watcher.problems()).toEqual([]);
  });

  it("learns at start-up which file waits for a taken id", async () => {
    const dir = liveFolder();
    writeFileSync(join(dir, "zz-copy.md"), readFileSync(join(dir, `${DAIRY}.md`), "utf8"));
    const { kb, watcher } = start(dir);
    expect(watcher.problems().map((p) => p.file)).toEqual(["zz-copy.md"]);
    rmSync(join(dir, `${DAIRY}.md`));
    await waitFor("the waiting file takes over", () => kb.get(DAIRY)?.file === "zz-copy.md");
  });

  it("never reads temp files, scratch files or half-written saves as articles", async () => {
    const { dir, kb, watcher } = start();
    const text = newArticle(`${CANOLA}.md`);
    // A crash mid-write leaves our atomic writer's temp file; editors leave their own.
    writeFileSync(join(dir, `.${CANOLA}.md.4242.0a1b2c3d.tmp`), text);
    writeFileSync(join(dir, `.${CANOLA}.md.swp`), text);
    writeFileSync(join(dir, `${CANOLA}.md~`), text);
    writeFileSync(join(dir, `#${CANOLA}.md#`), text);
    writeFileSync(join(dir, "canola.md"), text);
    await waitFor("the real file is in service", () => kb.get(CANOLA)?.file === "canola.md");
    await watcher.rescan();
    expect(kb.size).toBe(3);
    expect(kb.articles().map((a) => a.file)).not.toContain(expect.stringMatching(/^[.#]|~$/));
    expect(watcher.problems()).toEqual([]);
    expect(
      openKnowledge(dir)
        .articles()
        .map((a) => a.file),
    ).toEqual(kb.articles().map((a) => a.file));
  });

  it("reports a half-written file without serving it, then serves it once complete", async () => {
    const { dir, kb, watcher } = start();
    const text = newArticle(`${CANOLA}.md`);
    const path = join(dir, "canola.md");
    writeFileSync(path, text.slice(0, text.indexOf("---", 4)));
    const problem = await waitFor("the half file is reported", () =>
      watcher.problems().find((p) => p.file === "canola.md"),
    );
    expect(problem.field).toBe("front matter");
    expect(kb.get(CANOLA)).toBeUndefined();
    appendFileSync(path, text.slice(text.indexOf("---", 4)));
    await waitFor("the completed file", () => kb.get(CANOLA));
    expect(watcher.problems()).toEqual([]);
  });

  it("re-reads at start the files modified since the load, applying only real changes", async () => {
    const dir = liveFolder();
    const loadedAt = Date.now();
    const kb = openKnowledge(dir);
    const changes: string[] = [];
    kb.onChange((c) => changes.push(`${c.kind} ${(c.article ?? c.previous).id}`));
    // Saved after the loader read the folder, before the watch began.
    const path = join(dir, `${GEAR}.md`);
    writeFileSync(path, readFileSync(path, "utf8").replace("Friday", "Thursday"));
    const later = new Date(loadedAt + 1000);
    utimesSync(join(dir, `${DAIRY}.md`), later, later);
    watchers.push(watchKnowledge(kb, dir, { rescanMs: 0, loadedAt }));
    expect(kb.get(GEAR)?.body).toContain("Thursday");
    expect(changes).toEqual([`changed ${GEAR}`]);
  });

  it("does not re-apply a file that was only touched", async () => {
    const { dir, kb } = start();
    const changes: string[] = [];
    kb.onChange((c) => changes.push(`${c.kind} ${(c.article ?? c.previous).id}`));
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(dir, `${DAIRY}.md`), later, later);
    writeFileSync(join(dir, `${CANOLA}.md`), newArticle(`${CANOLA}.md`));
    await waitFor("the new article", () => kb.get(CANOLA));
    expect(changes).toEqual([`added ${CANOLA}`]);
  });

  it("applies changes on a rescan by itself, the safety net for events inotify dropped", async () => {
    // Events wait a minute here, so only the rescan can apply the changes.
    const { dir, kb, watcher } = start(liveFolder(), 60_000);
    writeFileSync(join(dir, `${CANOLA}.md`), newArticle(`${CANOLA}.md`));
    rmSync(join(dir, `${GEAR}.md`));
    await watcher.rescan();
    expect(kb.get(CANOLA)?.file).toBe(`${CANOLA}.md`);
    expect(kb.get(GEAR)).toBeUndefined();
  });

  it("reports a changed synonyms file as needing a restart", async () => {
    const { dir, watcher, log } = start();
    writeFileSync(join(dir, "synonyms.yml"), "groups:\n  - [canola, rapeseed]\n");
    const notice = await waitFor("the restart notice", () =>
      watcher.problems().find((p) => p.file === "synonyms.yml"),
    );
    expect(notice.message).toBe(RESTART_MESSAGE);
    expect(log.lines).toContain(`warn knowledge: synonyms.yml: ${RESTART_MESSAGE}`);
  });

  it("stops when closed", async () => {
    const { dir, kb, watcher } = start();
    // A second watcher on the same folder shows when the events have been delivered.
    const sentinel = start(dir);
    watcher.close();
    writeFileSync(join(dir, `${CANOLA}.md`), newArticle(`${CANOLA}.md`));
    await watcher.rescan();
    await waitFor("the sentinel sees the new file", () => sentinel.kb.get(CANOLA));
    expect(kb.get(CANOLA)).toBeUndefined();
  });
});

describe("the watcher on a folder of thousands of files", () => {
  const brief = (i: number, body: string) =>
    `---\nid: brief-${i}\nheadline: "Brief ${i}"\noutlet: T\npublished: "2026-11-19"\n---\n\n${body}\n`;

  it("takes stock in turns of the event loop, then applies what changed since the load and meanwhile", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tariff-desk-live-large-"));
    for (let i = 0; i < 2000; i++)
      writeFileSync(join(dir, `brief-${i}.md`), brief(i, "Port fees were unchanged."));
    const loadedAt = Date.now();
    const kb = openKnowledge(dir);
    // Saved after the loader read the folder, before the watch began.
    writeFileSync(join(dir, "brief-0.md"), brief(0, "Port fees rose by a tenth."));
    const turns = turnCounter();
    const watcher = watchKnowledge(kb, dir, { rescanMs: 0, debounceMs: 0, loadedAt });
    watchers.push(watcher);
    // Saved while the watcher takes stock.
    writeFileSync(join(dir, "brief-1.md"), brief(1, "Port fees fell by a tenth."));
    expect(kb.get("brief-0")?.body).toBe("Port fees were unchanged.");
    expect(watcher.problems()).toEqual([]);
    await watcher.ready;
    expect(turns.stop()).toBeGreaterThan(2);
    expect(kb.get("brief-0")?.body).toBe("Port fees rose by a tenth.");
    await waitFor("the file saved meanwhile", () => kb.get("brief-1")?.body.includes("fell"));
    expect(kb.size).toBe(2000);
    expect(watcher.problems()).toEqual([]);
  });
});
