/**
 * A restart's reads on other threads (issue 9): the shard files read and checked ahead on a
 * worker (read-ahead.ts), and the folder's stats taken on one (folder.ts). Each gives what this
 * thread's own reads give, damage and missing files included.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { crc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { writeCorpus } from "../../bench/corpus/generate.ts";
import { statFolder } from "../../src/snapshot/folder.ts";
import { openKnowledgeCached } from "../../src/snapshot/open.ts";
import { type ReadAhead, ShardReadAhead } from "../../src/snapshot/read-ahead.ts";
import { loadSnapshot } from "../../src/snapshot/store.ts";
import { BUNDLED, tempDir } from "../helpers/knowledge.ts";

/** `body` followed by its CRC-32, as a shard file ends. */
function withChecksum(body: Buffer): Buffer {
  const sum = Buffer.alloc(4);
  sum.writeUInt32LE(crc32(body));
  return Buffer.concat([body, sum]);
}

async function readAll(paths: string[], ahead?: number): Promise<(ReadAhead | null)[]> {
  const reader = new ShardReadAhead(paths, ahead);
  const out: (ReadAhead | null)[] = [];
  try {
    for (const _ of paths) {
      const r = await reader.next();
      // A copy: the bytes are valid only until the next call.
      out.push(r && "bytes" in r ? { ...r, bytes: Buffer.from(r.bytes) } : r);
    }
  } finally {
    await reader.close();
  }
  return out;
}

describe("shard files read ahead on a worker thread", () => {
  it("gives each file's bytes and inode in order, and whether its checksum holds", async () => {
    const dir = tempDir("read-ahead");
    const sizes = [10, 1_000, 200_000, 3_000_000, 50];
    const paths = sizes.map((n, i) => {
      const path = join(dir, `good-${i}`);
      writeFileSync(path, withChecksum(Buffer.alloc(n, 97 + i)));
      return path;
    });
    const damaged = join(dir, "damaged");
    const bytes = withChecksum(Buffer.from("the quick brown fox"));
    bytes[3] = 0x21;
    writeFileSync(damaged, bytes);
    const short = join(dir, "short");
    writeFileSync(short, "ab");
    const missing = join(dir, "missing");
    const all = [...paths, damaged, short, missing, join(dir, "good-0")];

    const read = await readAll(all, 2);
    all.forEach((path, i) => {
      const r = read[i];
      if (path === missing) {
        expect(r).toMatchObject({ error: { code: "ENOENT" } });
        return;
      }
      if (!r || !("bytes" in r)) throw new Error(`no bytes for ${path}`);
      expect(r.bytes.equals(readFileSync(path))).toBe(true);
      expect(r.ino).toBe(statSync(path).ino);
      expect(r.checksumOk).toBe(path !== damaged && path !== short);
    });
  });

  it("reads into the same shared memory over and over, as many pieces as it reads ahead", async () => {
    const dir = tempDir("read-ahead");
    const files = Array.from({ length: 12 }, (_, i) => withChecksum(Buffer.alloc(5_000, i)));
    const paths = files.map((bytes, i) => {
      const path = join(dir, `f-${i}`);
      writeFileSync(path, bytes);
      return path;
    });
    const reader = new ShardReadAhead(paths, 3);
    const views: Buffer[] = [];
    try {
      for (const [i, path] of paths.entries()) {
        const r = await reader.next();
        if (!r || !("bytes" in r)) throw new Error(`no bytes for ${path}`);
        expect(r.bytes.buffer).toBeInstanceOf(SharedArrayBuffer);
        expect(r.bytes.equals(files[i] as Buffer)).toBe(true);
        views.push(r.bytes);
      }
    } finally {
      await reader.close();
    }
    // File i went into the memory of file i - 3, handed back when file i - 2 was taken: each
    // of the three pieces now holds the last file read into it.
    views.forEach((view, i) => {
      expect(view.equals(files[9 + (i % 3)] as Buffer)).toBe(true);
    });
  });
});

describe("the folder's stats taken on a worker thread", () => {
  it("lists the same entries as this thread: a folder named like an article has no stat, a name gone since the listing is left out", async () => {
    const dir = tempDir("stat-thread");
    for (let i = 0; i < 30; i++) writeFileSync(join(dir, `a-${i}.md`), `article ${i}`);
    mkdirSync(join(dir, "folder.md"));
    const listing = [...readdirSync(dir), "gone.md"];
    const threaded = await statFolder(dir, undefined, listing, 0);
    const here = await statFolder(dir, undefined, listing, Number.POSITIVE_INFINITY);
    expect(threaded).toEqual(here);
    expect(threaded.entries).toHaveLength(31);
    expect(threaded.entries.find((e) => e.file === "folder.md")?.stat).toBeNull();
    expect(threaded.entries.some((e) => e.file === "gone.md")).toBe(false);
    const s = statSync(join(dir, "a-7.md"));
    expect(threaded.entries.find((e) => e.file === "a-7.md")?.stat).toEqual([
      s.size,
      s.mtimeMs,
      s.ctimeMs,
      s.ino,
    ]);
  });
});

describe("a snapshot loaded with the read-ahead", () => {
  it("loads what this thread's reads load, and names a damaged shard and a missing one alike", async () => {
    const dir = tempDir("read-ahead-kb");
    mkdirSync(dir, { recursive: true });
    for (const f of readdirSync(BUNDLED))
      writeFileSync(join(dir, f), readFileSync(join(BUNDLED, f)));
    writeCorpus(dir, 40, { perDay: 1 / 30 });
    const cacheDir = tempDir("read-ahead-cache");
    await openKnowledgeCached(dir, { cacheDir, workers: 0, settledMs: 0 });
    const manifest = JSON.parse(readFileSync(join(cacheDir, "snapshot.json"), "utf8"));
    const shards = (manifest.shards as { file: string }[]).map((s) => s.file);
    expect(shards.length).toBeGreaterThan(3);
    const [damaged, missing] = shards;
    if (!damaged || !missing) throw new Error("expected several shards");
    const bytes = readFileSync(join(cacheDir, damaged));
    const middle = Math.floor(bytes.length / 2);
    bytes.writeUInt8(bytes.readUInt8(middle) ^ 1, middle);
    writeFileSync(join(cacheDir, damaged), bytes);
    unlinkSync(join(cacheDir, missing));

    const load = (readAheadFrom: number) =>
      loadSnapshot(
        cacheDir,
        dir,
        manifest.versions,
        () => true,
        new Set(),
        undefined,
        readAheadFrom,
      );
    const [threaded, here] = [await load(0), await load(Number.POSITIVE_INFINITY)];
    expect(threaded.reasons).toEqual(here.reasons);
    expect(threaded.reasons).toEqual([
      `shard ${damaged.slice(6, -4)}: corrupt (checksum mismatch); rebuilt from the articles`,
      `shard ${missing.slice(6, -4)}: missing; rebuilt from the articles`,
    ]);
    expect([...threaded.byFile.keys()]).toEqual([...here.byFile.keys()]);
    expect([...threaded.byFile.values()].map((c) => c.extractions)).toEqual(
      [...here.byFile.values()].map((c) => c.extractions),
    );
    expect([...threaded.byFile.values()].map((c) => [c.shard.ino, c.shard.size])).toEqual(
      [...here.byFile.values()].map((c) => [c.shard.ino, c.shard.size]),
    );
    expect(threaded.segments).toEqual(here.segments);
    expect(threaded.segments.size).toBe(shards.length - 2);
  });
});
