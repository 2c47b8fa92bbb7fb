/**
 * The views kept beside the shards (src/snapshot/views.ts, issue 9): a restart that finds them
 * made for the same articles serves the people directory, the merged events and the ordered
 * tariff facts as they are, and leaves the quotes packed until a question needs them; anything
 * else computes them again, with a logged reason. Either way every person, quote record, event,
 * fact and answer equals a rebuild's.
 */
import {
  closeSync,
  cpSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { join } from "node:path";
import { crc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { SyntheticCorpus, writeCorpus } from "../../bench/corpus/generate.ts";
import { ask } from "../../src/answer/router.ts";
import { knowledgeEvents } from "../../src/extract/events/index.ts";
import { boardOf } from "../../src/extract/tariffs/board.ts";
import { tariffFacts } from "../../src/extract/tariffs/facts.ts";
import { sectorVocabulary } from "../../src/extract/tariffs/sectors-file.ts";
import type { KnowledgeBase } from "../../src/knowledge/base.ts";
import { openKnowledge } from "../../src/knowledge/open.ts";
import { allQuotes, directory } from "../../src/people/directory.ts";
import { openKnowledgeCached } from "../../src/snapshot/open.ts";
import { BUNDLED, tempDir } from "../helpers/knowledge.ts";
import { openLogged } from "../helpers/snapshot.ts";

const NOW = new Date("2026-11-21T12:00:00Z");

/**
 * Stats recorded at once (settledMs 0): by default a file changed within two seconds is not
 * recorded, and a restart more than two seconds after the files were written records them,
 * saving its shard again. Whether that happened depended on how fast the first open ran.
 */
const opts = (cacheDir: string) => ({ cacheDir, workers: 0, settledMs: 0 });
const corpus = SyntheticCorpus.create();
const questions = [
  "what did Carney say",
  `what did ${corpus.people[0]?.name} say`,
  `what did ${corpus.people[1]?.name} say about tariffs`,
  "who said white smoke",
  "what did unattributed say",
  "steel",
  "tariffs",
  "upcoming meetings",
  "what meetings happened last month",
  "when is the CUSMA review",
];

function knowledgeFolder(): string {
  const dir = tempDir("people-kb");
  cpSync(BUNDLED, dir, { recursive: true });
  writeCorpus(dir, 40, { perDay: 1 / 20 });
  return dir;
}

/** What the directory says of everyone, the events, and every answer to the questions. */
function seen(kb: KnowledgeBase) {
  const d = directory(kb);
  return {
    people: d.people,
    quotes: allQuotes(d),
    events: knowledgeEvents(kb),
    facts: tariffFacts(kb),
    boards: sectorVocabulary(kb).vocabulary.sectors.map((sector) => {
      const b = boardOf(kb, sector);
      return { sector, current: b.current, timeline: b.timeline.slice(), rated: b.rated };
    }),
    answers: questions.map((q) => JSON.stringify(ask({ kb, now: NOW }, q))),
  };
}

/** The file as an older layout wrote it: a header naming layout 3, with a valid checksum. */
function otherLayout(good: Buffer): Buffer {
  const bytes = Buffer.from(good);
  const at = bytes.indexOf('"layout":4');
  if (at < 0) throw new Error("no layout in the views file");
  bytes.write('"layout":3', at, "latin1");
  bytes.writeUInt32LE(crc32(bytes.subarray(0, bytes.length - 4)), bytes.length - 4);
  return bytes;
}

describe("the people directory, merged events and ordered facts kept in the snapshot", () => {
  it("are served as they are at a restart, the quotes left packed, and equal a rebuild's", async () => {
    const dir = knowledgeFolder();
    const cacheDir = tempDir("people-cache");
    const cold = await openKnowledgeCached(dir, opts(cacheDir));
    expect(cold.stats.views).toMatch(/views\.bin missing/);
    expect(readdirSync(cacheDir)).toContain("views.bin");

    const warm = await openKnowledgeCached(dir, opts(cacheDir));
    expect(warm.stats).toMatchObject({ views: "kept", deferred: 135, extracted: 0 });
    const rebuilt = seen(openKnowledge(dir));
    expect(rebuilt.quotes.length).toBeGreaterThan(100);
    expect(rebuilt.people.length).toBeGreaterThan(10);
    expect(rebuilt.events.filter((e) => e.mentions.length > 1).length).toBeGreaterThan(2);
    expect(rebuilt.facts.length).toBeGreaterThan(20);
    // Every record made from the packed quotes, cut from the stored bodies.
    expect(seen(warm.kb)).toEqual(rebuilt);
    expect(warm.kb.computed.get("quotes") ?? 0).toBe(0);
  });

  it("give a packed quote whose stored body fails its check from the article file, equal to a rebuild's", async () => {
    const dir = knowledgeFolder();
    const cacheDir = tempDir("people-cache");
    await openKnowledgeCached(dir, opts(cacheDir));
    const warm = await openKnowledgeCached(dir, opts(cacheDir));
    expect(warm.stats.deferred).toBe(135);
    // One byte inside a quote of a bundled article's stored body changed in place (same inode
    // and size): unchecked, the quote would read "Doing our best".
    const words = Buffer.from("doing our best", "utf8");
    const damaged = readdirSync(cacheDir).filter((f) => {
      const path = join(cacheDir, f);
      const at = readFileSync(path).indexOf(words);
      if (!f.startsWith("shard-") || at < 0) return false;
      const fd = openSync(path, "r+");
      writeSync(fd, Buffer.from("D"), 0, 1, at);
      closeSync(fd);
      return true;
    });
    expect(damaged).toHaveLength(1);
    const got = seen(warm.kb);
    expect(got).toEqual(seen(openKnowledge(dir)));
    expect(got.quotes.filter((q) => q.text.includes("doing our best"))).toHaveLength(1);
  });

  it("read the packed quotes, events and facts when asked to, after which they need neither the snapshot nor the files", async () => {
    const dir = knowledgeFolder();
    const copy = tempDir("people-kb-copy");
    cpSync(dir, copy, { recursive: true });
    const rebuilt = openKnowledge(dir);
    const want = allQuotes(directory(rebuilt));
    const wantFacts = tariffFacts(rebuilt);
    expect(wantFacts.length).toBeGreaterThan(20);
    const wantEvents = knowledgeEvents(rebuilt);
    expect(wantEvents.length).toBeGreaterThan(20);
    const gone = (cacheDir: string) => {
      rmSync(cacheDir, { recursive: true });
      for (const f of readdirSync(dir).filter((f) => f.endsWith(".md")))
        writeFileSync(join(dir, f), "gone\n");
    };
    const restarted = async () => {
      cpSync(copy, dir, { recursive: true });
      const cacheDir = tempDir("people-cache");
      await openKnowledgeCached(dir, opts(cacheDir));
      const warm = await openKnowledgeCached(dir, opts(cacheDir));
      expect(warm.stats.deferred).toBe(135);
      return { warm, cacheDir };
    };
    // Packed, a quote, event or fact is cut from its body on disk: with that gone, there is
    // nothing to give. The boards were made at the restart without reading one fact.
    const packed = await restarted();
    const steel = sectorVocabulary(packed.warm.kb).vocabulary.sectors.find(
      (s) => s.key === "steel",
    );
    if (!steel) throw new Error("no steel sector");
    const timeline = boardOf(packed.warm.kb, steel).timeline;
    expect(timeline.length).toBe(
      wantFacts.filter((f) => f.sector === "steel").length - boardOf(rebuilt, steel).current.length,
    );
    gone(packed.cacheDir);
    expect(() => allQuotes(directory(packed.warm.kb))).toThrow(/not available/);
    expect(() => tariffFacts(packed.warm.kb)).toThrow(/not available/);
    expect(() => knowledgeEvents(packed.warm.kb)).toThrow(/not available/);
    expect(() => timeline.slice(0, 1)).toThrow(/not available/);
    // Read, as npm start does at the first live change: every record is in memory.
    const read = await restarted();
    await read.warm.readPacked({ paceMs: 0 });
    gone(read.cacheDir);
    expect(allQuotes(directory(read.warm.kb))).toEqual(want);
    expect(tariffFacts(read.warm.kb)).toEqual(wantFacts);
    expect(knowledgeEvents(read.warm.kb)).toEqual(wantEvents);
  });

  it("are computed again, with a logged reason, when missing, damaged or made for other articles; then kept again", async () => {
    const dir = knowledgeFolder();
    const cacheDir = tempDir("people-cache");
    await openKnowledgeCached(dir, opts(cacheDir));
    const path = join(cacheDir, "views.bin");
    const good = readFileSync(path);
    const article = readdirSync(dir).find((f) => f.startsWith("2025-09-17")) as string;
    const cases: [() => void, RegExp][] = [
      [() => unlinkSync(path), /views\.bin missing: people, events and facts computed again/],
      [() => writeFileSync(path, good.subarray(0, 200)), /views\.bin corrupt \(.+\)/],
      [() => writeFileSync(path, Buffer.from(good).fill(7, 100, 101)), /checksum mismatch/],
      [() => writeFileSync(path, otherLayout(good)), /views\.bin corrupt \(layout 3, expected 4\)/],
      [
        () => {
          const file = join(dir, article);
          writeFileSync(file, readFileSync(file, "utf8").replace("Carney", "Mark Carney"));
        },
        /views\.bin made for other articles/,
      ],
    ];
    for (const [damage, reason] of cases) {
      damage();
      const { logged, ...warm } = await openLogged(dir, opts(cacheDir));
      expect(logged.filter((l) => reason.test(l))).toHaveLength(1);
      expect(warm.stats.views).toMatch(reason);
      expect(seen(warm.kb)).toEqual(seen(openKnowledge(dir)));
      const next = await openKnowledgeCached(dir, opts(cacheDir));
      expect(next.stats).toMatchObject({ views: "kept", extracted: 0 });
    }
  });
});
