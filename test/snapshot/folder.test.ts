/**
 * The folder as a restart sees it (src/snapshot/folder.ts readFolder, issue 9): its article files
 * are listed at once and stat'ed meanwhile, on a worker thread for a large folder, and the
 * entries are the same whichever thread took the stats.
 */
import { cpSync, mkdirSync, statSync, unlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeCorpus } from "../../bench/corpus/generate.ts";
import { readFolder } from "../../src/snapshot/folder.ts";
import { openKnowledgeCached } from "../../src/snapshot/open.ts";
import { BUNDLED, tempDir } from "../helpers/knowledge.ts";

function folder(): string {
  const dir = tempDir("folder-kb");
  cpSync(BUNDLED, dir, { recursive: true });
  writeCorpus(dir, 30, { perDay: 1 / 10 });
  mkdirSync(join(dir, "not-a-file.md"));
  return dir;
}

describe("the knowledge folder read at a restart", () => {
  it("is stat'ed on a worker thread from the threshold on, giving what this thread gives", async () => {
    const dir = folder();
    const here = readFolder(dir, Number.POSITIVE_INFINITY);
    expect(process.getActiveResourcesInfo()).not.toContain("MessagePort");
    const local = await here.entries();

    const there = readFolder(dir, 1);
    // The worker's port, open until its stats arrive.
    expect(process.getActiveResourcesInfo()).toContain("MessagePort");
    const threaded = await there.entries();

    expect(there.names).toEqual(here.names);
    expect(threaded).toEqual(local);
    expect(threaded.entries).toHaveLength(36);
    expect(threaded.entries.find((e) => e.file === "not-a-file.md")?.stat).toBeNull();
    for (const { file, stat } of threaded.entries.filter((e) => e.stat)) {
      const s = statSync(join(dir, file));
      expect(stat, file).toEqual([s.size, s.mtimeMs, s.ctimeMs, s.ino]);
    }
  });

  it("leaves out a file deleted after the listing, and names a folder it cannot read", async () => {
    const dir = folder();
    const read = readFolder(dir, Number.POSITIVE_INFINITY);
    const gone = read.names[3] as string;
    unlinkSync(join(dir, gone));
    const { entries } = await read.entries();
    expect(read.names).toContain(gone);
    expect(entries.map((e) => e.file)).not.toContain(gone);
    expect(entries).toHaveLength(35);

    const missing = readFolder(join(dir, "nowhere"), 1);
    expect(missing.names).toEqual([]);
    expect(await missing.entries()).toEqual({
      entries: [],
      problems: [
        {
          file: join(dir, "nowhere"),
          field: "knowledge",
          message: "cannot read the folder (ENOENT)",
        },
      ],
    });
  });

  it("knows every article by the stats the thread took: a restart reads only the file it cannot stat", async () => {
    const dir = folder();
    const cacheDir = tempDir("folder-cache");
    const opts = { cacheDir, workers: 0, settledMs: 0 };
    await openKnowledgeCached(dir, opts);
    const threaded = await openKnowledgeCached(dir, { ...opts, workers: 2, statThreadFrom: 1 });
    expect(threaded.stats).toMatchObject({ articles: 35, read: 1, extracted: 0, parsed: 0 });
    const local = await openKnowledgeCached(dir, opts);
    expect(local.stats).toMatchObject({ articles: 35, read: 1, extracted: 0, parsed: 0 });
  });
});
