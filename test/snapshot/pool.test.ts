import { describe, expect, it } from "vitest";
import { writeCorpus } from "../../bench/corpus/generate.ts";
import { EXTRACTORS, resultsToKeep } from "../../src/extract/registry.ts";
import type { Article } from "../../src/knowledge/article.ts";
import { KnowledgeBase } from "../../src/knowledge/base.ts";
import { openKnowledge } from "../../src/knowledge/open.ts";
import { ColdStartPool } from "../../src/snapshot/pool.ts";
import { tempDir } from "../helpers/knowledge.ts";

describe("the cold-start pool fed while the folder is read", () => {
  it("starts at its threshold, extracts what finish is given as this thread does, and leaves out an article added but dropped", async () => {
    const dir = tempDir("pool");
    writeCorpus(dir, 12, { perDay: 4 });
    const all = openKnowledge(dir).articles();
    const dropped = all[3] as Article;
    const kept = all.filter((a) => a !== dropped);
    const pool = new ColdStartPool(dir, 2, 5);
    try {
      for (const a of all.slice(0, 4)) pool.add(a);
      expect(pool.started).toBe(false);
      for (const a of all.slice(4)) pool.add(a);
      expect(pool.started).toBe(true);
      const kb = new KnowledgeBase(kept, [], { dir });
      const cold = await pool.finish(kb, kept, new Map());
      expect([...cold.packs.keys()]).toEqual(kept);
      const local = openKnowledge(dir);
      for (const e of EXTRACTORS) e.run(local, local.articles());
      for (const a of kept)
        expect(resultsToKeep(kb, a)).toEqual(resultsToKeep(local, local.get(a.id) as Article));
    } finally {
      await pool.close();
    }
  });

  it("never starts without threads, and refuses to finish what it did not start", async () => {
    const dir = tempDir("pool");
    writeCorpus(dir, 3, { perDay: 3 });
    const all = openKnowledge(dir).articles();
    const pool = new ColdStartPool(dir, 0, 1);
    for (const a of all) pool.add(a);
    expect(pool.started).toBe(false);
    await expect(pool.finish(new KnowledgeBase(all, [], { dir }), all, new Map())).rejects.toThrow(
      "finish called before the workers started",
    );
    await pool.close();
  });

  it("fails the load, naming the cause, when a job cannot be sent after another came back", async () => {
    const dir = tempDir("pool");
    writeCorpus(dir, 101, { perDay: 5 });
    const all = openKnowledge(dir).articles();
    const first = all.slice(0, 100);
    const b = all[100] as Article;
    // As a restored article whose body neither the shard file nor the article file can vouch for.
    const unreadable = Object.defineProperty({ ...b }, "body", {
      enumerable: true,
      get() {
        throw new Error(`${b.file}: body unreadable`);
      },
    }) as Article;
    const pool = new ColdStartPool(dir, 1, 1);
    try {
      // A full job goes to the one worker at once; the article after it is sent when it is done.
      for (const a of first) pool.add(a);
      const kb = new KnowledgeBase(first, [], { dir });
      await expect(pool.finish(kb, [...first, unreadable], new Map())).rejects.toThrow(
        `${b.file}: body unreadable`,
      );
    } finally {
      await pool.close();
    }
  });
});
