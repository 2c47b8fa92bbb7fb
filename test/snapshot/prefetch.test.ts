/**
 * Shard files read on a second thread (issue 9): the thread hands over each file whole and
 * checked, in order, and leaves to the main thread every file it cannot (missing, damaged,
 * grown since the slots were sized), which the load then reads and reports as it does alone.
 */
import { randomBytes } from "node:crypto";
import { cpSync, readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { crc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { writeCorpus } from "../../bench/corpus/generate.ts";
import { ask } from "../../src/answer/router.ts";
import { openKnowledge } from "../../src/knowledge/open.ts";
import { ShardPrefetch } from "../../src/snapshot/prefetch.ts";
import { BUNDLED, tempDir } from "../helpers/knowledge.ts";
import { QUESTIONS } from "../helpers/questions.ts";
import { openLogged } from "../helpers/snapshot.ts";

const NOW = new Date("2026-11-21T12:00:00Z");

/** Bytes ending in the CRC-32 of the rest, as a shard file does. */
function checked(size: number): Buffer {
  const body = randomBytes(size);
  const tail = Buffer.alloc(4);
  tail.writeUInt32LE(crc32(body));
  return Buffer.concat([body, tail]);
}

describe("shard files read on a second thread", () => {
  it("hands over each file whole with its inode, and leaves missing, damaged and grown files to the caller", () => {
    const dir = tempDir("prefetch");
    const paths = Array.from({ length: 8 }, (_, k) => join(dir, `f${k}.bin`));
    paths.forEach((p, k) => {
      writeFileSync(p, checked(1000 + 37 * k));
    });
    const damaged = readFileSync(paths[2] as string);
    damaged[10] = (damaged[10] as number) ^ 1;
    writeFileSync(paths[2] as string, damaged);
    unlinkSync(paths[4] as string);

    const prefetch = ShardPrefetch.start(paths, { minBytes: 0 });
    if (!prefetch) throw new Error("no thread started for 8 files with a threshold of 0");
    const got: (string | null)[] = [];
    try {
      for (let k = 0; k < paths.length; k++) {
        const path = paths[k] as string;
        // File 6 is read only once slot 0 is free again (three slots): it grows before that,
        // past the largest size the slots were made for.
        if (k === 3) writeFileSync(paths[6] as string, checked(5000));
        const fetched = prefetch.take(k);
        if (fetched) {
          expect(fetched.bytes.equals(readFileSync(path))).toBe(true);
          expect(fetched.ino).toBe(statSync(path).ino);
        }
        got.push(fetched ? "thread" : null);
        prefetch.release(k);
      }
    } finally {
      prefetch.close();
    }
    expect(got).toEqual(["thread", "thread", null, "thread", null, "thread", null, "thread"]);
    // Closed, it hands over nothing: the caller reads every file itself.
    expect(prefetch.take(0)).toBeNull();
  });

  it("is not started for files smaller in all than the threshold", () => {
    const dir = tempDir("prefetch");
    const path = join(dir, "one.bin");
    writeFileSync(path, checked(100));
    expect(ShardPrefetch.start([path], { minBytes: 1_000 })).toBeNull();
    const started = ShardPrefetch.start([path], { minBytes: 100 });
    expect(started).not.toBeNull();
    started?.close();
  });

  it("loads the same knowledge through the thread, and reports a damaged or missing shard as the main thread does", async () => {
    const dir = tempDir("prefetch-kb");
    cpSync(BUNDLED, dir, { recursive: true });
    writeCorpus(dir, 48, { perDay: 1 / 30 });
    const cacheDir = tempDir("prefetch-cache");
    const opts = { cacheDir, workers: 0, settledMs: 0 };
    await openLogged(dir, opts);
    const answers = (kb: Parameters<typeof ask>[0]["kb"]) =>
      QUESTIONS.map((q) => JSON.stringify(ask({ kb, now: NOW }, q)));
    const alone = await openLogged(dir, opts);
    const threaded = await openLogged(dir, { ...opts, prefetch: { minBytes: 0 } });
    expect(threaded.stats).toMatchObject({ shardsBuilt: 0, extracted: 0, reasons: [] });
    expect(threaded.logged).toEqual(alone.logged);
    expect(answers(threaded.kb)).toEqual(answers(alone.kb));

    const shards = readdirSync(cacheDir)
      .filter((f) => f.startsWith("shard-"))
      .sort();
    const [damaged, missing] = shards;
    if (!damaged || !missing) throw new Error("expected several shards");
    const bytes = readFileSync(join(cacheDir, damaged));
    bytes[Math.floor(bytes.length / 2)] = (bytes[Math.floor(bytes.length / 2)] as number) ^ 1;
    writeFileSync(join(cacheDir, damaged), bytes);
    unlinkSync(join(cacheDir, missing));
    const after = await openLogged(dir, { ...opts, prefetch: { minBytes: 0 } });
    expect(after.logged).toContain(
      `snapshot: shard ${damaged.slice(6, -4)}: corrupt (checksum mismatch); rebuilt from the articles`,
    );
    expect(after.logged).toContain(
      `snapshot: shard ${missing.slice(6, -4)}: missing; rebuilt from the articles`,
    );
    expect(after.stats.shardsBuilt).toBe(2);
    expect(answers(after.kb)).toEqual(answers(openKnowledge(dir)));
  });
});
