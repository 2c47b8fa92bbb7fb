/**
 * The persisted cache (issues 8 and 9): a restart with an unchanged folder re-extracts nothing
 * and rebuilds no index shard, answers the same as a rebuild, re-does only an edited file's
 * work, and falls back to rebuilding, with a logged reason, when a shard is missing, damaged or
 * made by other code.
 */
import {
  cpSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SyntheticCorpus, writeCorpus } from "../../bench/corpus/generate.ts";
import { ask } from "../../src/answer/router.ts";
import { buildDigest } from "../../src/digest/build.ts";
import { articleDates } from "../../src/extract/events/index.ts";
import {
  isDeferrable,
  keptKeys,
  keyListsToKeep,
  resultsToKeep,
} from "../../src/extract/registry.ts";
import { type Article, parseArticle } from "../../src/knowledge/article.ts";
import type { KnowledgeBase } from "../../src/knowledge/base.ts";
import { openKnowledge } from "../../src/knowledge/open.ts";
import { searchIndex } from "../../src/search/index.ts";
import { Deferred } from "../../src/snapshot/compact.ts";
import { decodeShard } from "../../src/snapshot/format.ts";
import { openKnowledgeCached } from "../../src/snapshot/open.ts";
import { loadSnapshot } from "../../src/snapshot/store.ts";
import { FORMAT } from "../../src/snapshot/version.ts";
import { BUNDLED, tempDir, writeArticle } from "../helpers/knowledge.ts";
import { QUESTIONS } from "../helpers/questions.ts";
import { openLogged } from "../helpers/snapshot.ts";

const NOW = new Date("2026-11-21T12:00:00Z");

/**
 * A folder with the bundled articles and a synthetic archive spread over four years. Its files
 * are new, so the tests that count what a restart reads or writes open it with settledMs 0:
 * otherwise a file is known by its stat or not depending on whether two seconds have passed
 * since it was written, which on a slow machine falls between two opens.
 */
function knowledgeFolder(): string {
  const dir = tempDir("snap-kb");
  cpSync(BUNDLED, dir, { recursive: true });
  writeCorpus(dir, 48, { perDay: 1 / 30 });
  writeFileSync(join(dir, "zz-broken.md"), "no front matter here\n");
  return dir;
}

const corpus = SyntheticCorpus.create();
const questions = [
  ...QUESTIONS,
  "potash",
  "what's the latest on lumber",
  "upcoming meetings",
  `what did ${corpus.people[0]?.name} say`,
  "softwood lumber duties",
  "alumnium tariffs",
  "tariffs",
];

function answers(kb: KnowledgeBase): string[] {
  return questions.map((q) => JSON.stringify(ask({ kb, now: NOW }, q)));
}

/** Writes an article into the folder and puts it in service, as the watcher would. */
function addLive(dir: string, kb: KnowledgeBase, id: string, headline: string, body: string): void {
  const file = `${id}.md`;
  writeArticle(
    dir,
    file,
    { id, headline: `"${headline}"`, outlet: "T", published: '"2026-11-20"' },
    body,
  );
  const parsed = parseArticle(file, readFileSync(join(dir, file), "utf8")).article;
  if (!parsed) throw new Error("bad fixture");
  kb.upsert(parsed);
}

/** Calls of the registered extractors' per-article work (intents memoize other small things). */
function extractionCalls(kb: KnowledgeBase): number {
  return [...kb.computed]
    .filter(([key]) => ["quotes", "dates", "events"].includes(key) || key.startsWith("tariffs:"))
    .reduce((s, [, n]) => s + n, 0);
}

describe("snapshot of extractions and index, keyed by content hash", () => {
  it("restarts from the snapshot with no extraction and no index build, answering as a rebuild does", async () => {
    const dir = knowledgeFolder();
    const cacheDir = tempDir("snap-cache");
    const cold = await openKnowledgeCached(dir, { cacheDir, workers: 0, settledMs: 0 });
    expect(cold.stats.extracted).toBe(53);
    expect(cold.stats.save.shardsWritten).toBeGreaterThan(2);
    expect(extractionCalls(cold.kb)).toBeGreaterThan(53);

    const files = () => readdirSync(cacheDir).map((f) => [f, statSync(join(cacheDir, f)).ino]);
    const before = files();
    const warm = await openKnowledgeCached(dir, { cacheDir, workers: 0, settledMs: 0 });
    // Nothing new went into service, so nothing was written, not even the manifest.
    expect(files()).toEqual(before);
    expect(warm.stats.save.shardsKept).toBe(cold.stats.save.shardsWritten);
    // Only the broken file is parsed again: a file that fails validation is never cached.
    expect(warm.stats).toMatchObject({
      articles: 53,
      fromCache: 53,
      extracted: 0,
      parsed: 1,
      shardsBuilt: 0,
    });
    expect(warm.stats.save.shardsWritten).toBe(0);
    expect(extractionCalls(warm.kb)).toBe(0);
    const restarted = answers(warm.kb);
    // Answering reads the seeded results: the extractors never run.
    expect(extractionCalls(warm.kb)).toBe(0);
    const rebuilt = openKnowledge(dir);
    expect(restarted).toEqual(answers(rebuilt));
    expect(warm.kb.problems).toEqual(rebuilt.problems);
    expect(warm.kb.problems.map((p) => p.file)).toEqual(["zz-broken.md"]);
    expect(restarted.filter((a) => a.includes('"citations":[{'))).not.toHaveLength(0);
  });

  it("re-reads and re-extracts only an edited file, and rebuilds only its shard", async () => {
    const dir = knowledgeFolder();
    const cacheDir = tempDir("snap-cache");
    const cold = await openKnowledgeCached(dir, { cacheDir, workers: 0, settledMs: 0 });
    const file = readdirSync(dir).find((f) => f.startsWith("2025-09-17"));
    if (!file) throw new Error("bundled article missing");
    const path = join(dir, file);
    writeFileSync(path, readFileSync(path, "utf8").replace("eerily quiet", "strangely quiet"));

    const warm = await openKnowledgeCached(dir, { cacheDir, workers: 0, settledMs: 0 });
    expect(warm.stats).toMatchObject({ extracted: 1, parsed: 2, shardsBuilt: 1 });
    expect(warm.stats.shardsLoaded).toBe(cold.stats.shardsBuilt - 1);
    expect(warm.stats.save.shardsWritten).toBe(1);
    expect(answers(warm.kb)).toEqual(answers(openKnowledge(dir)));
    const hit = ask({ kb: warm.kb, now: NOW }, "strangely quiet");
    expect(hit.items[0]?.citations[0]?.snippet).toContain("strangely quiet");
  });

  it("saves a live change as one shard file, so the next start re-extracts nothing", async () => {
    const dir = knowledgeFolder();
    const cacheDir = tempDir("snap-cache");
    const { kb, save } = await openKnowledgeCached(dir, { cacheDir, workers: 0, settledMs: 0 });
    const body = "Potash exporters in Saskatoon said the new quota ends on March 3, 2027.";
    addLive(dir, kb, "live-potash", "Potash quota set", body);
    expect(ask({ kb, now: NOW }, "potash quota").items[0]?.text).toContain("Potash exporters");
    expect(save()).toMatchObject({ shardsWritten: 1, skipped: [] });
    expect(save()).toMatchObject({ shardsWritten: 0 });

    const warm = await openKnowledgeCached(dir, { cacheDir, workers: 0, settledMs: 0 });
    expect(warm.stats).toMatchObject({ articles: 54, extracted: 0, shardsBuilt: 0 });
    expect(extractionCalls(warm.kb)).toBe(0);
    expect(answers(warm.kb)).toEqual(answers(openKnowledge(dir)));
  });

  it("keeps nothing new after questions and a digest on a restarted knowledge, so a live change then writes one shard", async () => {
    const dir = knowledgeFolder();
    const cacheDir = tempDir("snap-cache");
    await openKnowledgeCached(dir, { cacheDir, workers: 0, settledMs: 0 });
    const { kb, save } = await openKnowledgeCached(dir, { cacheDir, workers: 0, settledMs: 0 });
    const kept = () => keyListsToKeep(kb, kb.articles());
    const before = kept();
    expect(answers(kb).length).toBe(questions.length);
    const since = new Date(NOW.getTime() - 3 * 365 * 86_400_000);
    expect(buildDigest(kb, { since, now: NOW, timeZone: "UTC" }).items.length).toBeGreaterThan(0);
    expect(kept()).toEqual(before);
    const body = "Lumber mills in Prince George said the new duty starts on June 2, 2027.";
    addLive(dir, kb, "live-lumber", "Duty set", body);
    expect(save()).toMatchObject({ shardsWritten: 1, skipped: [] });
  });

  it("extracts again, keeping the index, when a data file beside the articles is added or changed", async () => {
    const dir = knowledgeFolder();
    const cacheDir = tempDir("snap-cache");
    const opts = { cacheDir, workers: 0, settledMs: 0 };
    const cold = await openKnowledgeCached(dir, opts);
    const shards = cold.stats.save.shardsWritten;
    const reason = /^snapshot: shard .*: extractions made by another version; extracted again$/;
    for (const text of ["first version\n", "second version\n"]) {
      writeFileSync(join(dir, "desk-notes.txt"), text);
      const { logged, stats } = await openLogged(dir, opts);
      expect(logged.filter((l) => reason.test(l))).toHaveLength(shards);
      expect(stats).toMatchObject({ extracted: 53, shardsBuilt: 0 });
    }
    const { stats } = await openLogged(dir, opts);
    expect(stats).toMatchObject({ extracted: 0, shardsBuilt: 0 });
  });

  it("saves only the extractions' results, not what other code memoizes per article", async () => {
    const dir = knowledgeFolder();
    const cacheDir = tempDir("snap-cache");
    const opts = { cacheDir, workers: 0, settledMs: 0 };
    await openKnowledgeCached(dir, opts);
    const { kb, save } = await openKnowledgeCached(dir, opts);
    addLive(dir, kb, "live-potash", "Potash duty", "Potash shippers said the duty starts in May.");
    // Memoized by code outside the extraction version (as an intent might), and the dates the
    // events and facts are read from: both on every article, the new one's shard included.
    for (const a of kb.articles()) {
      kb.perArticle("probe", a, () => ({ from: "outside the extractors" }));
      articleDates(kb, a);
    }
    const extractions = keptKeys(kb);
    const live = kb.get("live-potash");
    if (!live) throw new Error("the live article is not in service");
    expect(save()).toMatchObject({ shardsWritten: 1, skipped: [] });
    // The save extracted the new article; of its values, it kept the extractions' alone.
    expect(kb.perArticleKeys(live)).toEqual(expect.arrayContaining(["probe", "dates"]));
    expect(keyListsToKeep(kb, [live])[0]?.split(",").sort()).toEqual([...extractions].sort());

    const restarted = await openKnowledgeCached(dir, opts);
    expect(restarted.stats.extracted).toBe(0);
    const again = restarted.kb;
    const foreign = again
      .articles()
      .flatMap((a) => again.perArticleKeys(a))
      .filter((k) => !extractions.has(k));
    expect(foreign).toEqual([]);
    expect(again.perArticleKeys(again.get("live-potash") as Article).sort()).toEqual(
      [...extractions].sort(),
    );
  });

  it("falls back to the articles, with a logged reason, for a damaged, missing or out-of-date shard", async () => {
    const dir = knowledgeFolder();
    const cacheDir = tempDir("snap-cache");
    await openKnowledgeCached(dir, { cacheDir, workers: 0, settledMs: 0 });
    const shards = readdirSync(cacheDir)
      .filter((f) => f.startsWith("shard-"))
      .sort();
    const [damaged, missing, older] = shards;
    if (!damaged || !missing || !older) throw new Error("expected several shards");
    const bytes = readFileSync(join(cacheDir, damaged));
    writeFileSync(join(cacheDir, damaged), bytes.subarray(0, bytes.length - 100));
    unlinkSync(join(cacheDir, missing));
    // As the release before this file layout wrote it: the same bytes, an older format number.
    const old = readFileSync(join(cacheDir, older));
    const at = old.indexOf(`"format":${FORMAT},`);
    expect(at).toBeGreaterThan(0);
    old.write(`"format":${FORMAT - 1},`, at, "latin1");
    writeFileSync(join(cacheDir, older), old);

    const { logged, ...warm } = await openLogged(dir, { cacheDir, workers: 0, settledMs: 0 });
    expect(
      logged.some((l) => /shard .*: corrupt \(truncated or padded file\); rebuilt/.test(l)),
    ).toBe(true);
    expect(logged.some((l) => /shard .*: missing; rebuilt/.test(l))).toBe(true);
    expect(
      logged.some((l) =>
        /shard .*: written in another file format \(format \d+, expected \d+\); rebuilt/.test(l),
      ),
    ).toBe(true);
    expect(warm.stats.shardsBuilt).toBe(3);
    expect(warm.stats.extracted).toBeGreaterThan(0);
    expect(answers(warm.kb)).toEqual(answers(openKnowledge(dir)));

    // The synonyms change what the index holds: every shard is from another version now.
    writeFileSync(join(dir, "synonyms.yml"), "groups:\n  - [tariff, levy, duty, surtax]\n");
    const logged2: string[] = [];
    const again = await openKnowledgeCached(dir, {
      cacheDir,
      workers: 0,
      settledMs: 0,
      log: (m) => logged2.push(m),
    });
    expect(logged2.filter((l) => /index made by another version; rebuilt/.test(l)).length).toBe(
      again.stats.shardsBuilt,
    );
    expect(again.stats.shardsLoaded).toBe(0);
    expect(answers(again.kb)).toEqual(answers(openKnowledge(dir)));
  });

  it("restores every shard's index into one block the manifest sizes, and answers the same without sizes or with wrong ones", async () => {
    const dir = knowledgeFolder();
    const cacheDir = tempDir("snap-cache");
    await openKnowledgeCached(dir, { cacheDir, workers: 0, settledMs: 0 });
    const manifestPath = join(cacheDir, "snapshot.json");
    const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
    const listed = manifest.shards as { file: string; indexBytes: number }[];
    expect(listed.length).toBeGreaterThan(2);
    // Each size is the index a decode of the file allocates.
    for (const s of listed)
      expect(
        decodeShard(readFileSync(join(cacheDir, s.file))).segment.firstPassage.buffer,
      ).toHaveProperty("byteLength", s.indexBytes);
    const blocks = (kb: KnowledgeBase) =>
      new Set(
        searchIndex(kb)
          .shardList()
          .map((s) => s.data.firstPassage.buffer),
      );
    const expected = answers(openKnowledge(dir));

    const warm = await openKnowledgeCached(dir, { cacheDir, workers: 0, settledMs: 0 });
    expect(warm.stats.shardsLoaded).toBe(listed.length);
    const [block, ...others] = blocks(warm.kb);
    expect(others).toHaveLength(0);
    expect(block?.byteLength).toBe(listed.reduce((sum, s) => sum + s.indexBytes, 0));
    expect(answers(warm.kb)).toEqual(expected);

    // Written before the sizes were listed: an array per shard.
    for (const s of listed) delete (s as { indexBytes?: number }).indexBytes;
    writeFileSync(manifestPath, JSON.stringify(manifest));
    const unsized = await openKnowledgeCached(dir, { cacheDir, workers: 0, settledMs: 0 });
    expect(unsized.stats.shardsLoaded).toBe(listed.length);
    expect(blocks(unsized.kb).size).toBe(listed.length);
    expect(answers(unsized.kb)).toEqual(expected);

    // Sizes too small for the files: the block is used up and the rest get their own.
    for (const s of listed) s.indexBytes = 8;
    writeFileSync(manifestPath, JSON.stringify(manifest));
    const wrong = await openKnowledgeCached(dir, { cacheDir, workers: 0, settledMs: 0 });
    expect(wrong.stats.shardsLoaded).toBe(listed.length);
    expect(blocks(wrong.kb).size).toBe(listed.length);
    expect(answers(wrong.kb)).toEqual(expected);

    // Sizes no memory could hold: no block at all.
    for (const s of listed) s.indexBytes = 2 ** 52;
    writeFileSync(manifestPath, JSON.stringify(manifest));
    const huge = await openKnowledgeCached(dir, { cacheDir, workers: 0, settledMs: 0 });
    expect(huge.stats.shardsLoaded).toBe(listed.length);
    expect(blocks(huge.kb).size).toBe(listed.length);
    expect(answers(huge.kb)).toEqual(expected);
  });

  it("sets aside one block, of the sizes the manifest lists, for the quotes a restart leaves packed, and a save lists them again", async () => {
    const dir = knowledgeFolder();
    const cacheDir = tempDir("snap-cache");
    await openKnowledgeCached(dir, { cacheDir, workers: 0, settledMs: 0 });
    const manifestPath = join(cacheDir, "snapshot.json");
    const text = readFileSync(manifestPath, "utf8");
    const manifest = JSON.parse(text);
    const listed = manifest.shards as { file: string; deferredTokens?: number }[];
    const sizes = listed.map((s) => s.deferredTokens as number);
    expect(sizes.every((n) => Number.isSafeInteger(n) && n >= 0)).toBe(true);
    const total = sizes.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(0);
    /** The token arrays the packed quotes were copied into, by shard file. */
    const copies = async (shards: typeof listed) => {
      writeFileSync(manifestPath, JSON.stringify({ ...manifest, shards }));
      const loaded = await loadSnapshot(cacheDir, dir, manifest.versions, () => true, isDeferrable);
      const byFile = new Map<string, Int32Array>();
      for (const c of loaded.byFile.values())
        for (const [, v] of c.extractions ?? [])
          if (v instanceof Deferred) byFile.set(c.shard.path, v.tables.tokens);
      return byFile;
    };

    // Each shard copies its own without sizes, as many tokens as its listed size.
    const own = await copies(listed.map(({ deferredTokens: _, ...s }) => s));
    expect(own.size).toBe(sizes.filter((n) => n > 0).length);
    for (const s of listed)
      expect(own.get(join(cacheDir, s.file))?.length ?? 0).toBe(s.deferredTokens);
    expect(new Set([...own.values()].map((t) => t.buffer)).size).toBe(own.size);

    // With the sizes, every copy is a piece of one block of their sum, holding the same tokens.
    const pieces = await copies(listed);
    const blocks = new Set([...pieces.values()].map((t) => t.buffer));
    expect(blocks.size).toBe(1);
    expect([...blocks][0]?.byteLength).toBe(4 * total);
    for (const [file, tokens] of own) expect(pieces.get(file)).toEqual(tokens);

    // Sizes too small: the block is used up and the rest get their own.
    const small = await copies(listed.map((s) => ({ ...s, deferredTokens: 1 })));
    expect(new Set([...small.values()].map((t) => t.buffer)).size).toBe(own.size);
    for (const [file, tokens] of own) expect(small.get(file)).toEqual(tokens);

    // A restart from the listed sizes answers as a rebuild; after a live change, the save lists
    // what a cold start's save lists for the same folder.
    writeFileSync(manifestPath, text);
    const warm = await openKnowledgeCached(dir, { cacheDir, workers: 0, settledMs: 0 });
    expect(warm.stats.deferred).toBeGreaterThan(0);
    expect(answers(warm.kb)).toEqual(answers(openKnowledge(dir)));
    const body = 'Sam Ortiz, the mill\'s owner, said: "We cannot ship at these rates."';
    addLive(dir, warm.kb, "live-mill", "Mill halts", body);
    expect(warm.save()).toMatchObject({ shardsWritten: 1, skipped: [] });
    const coldDir = tempDir("snap-cache");
    await openKnowledgeCached(dir, { cacheDir: coldDir, workers: 0, settledMs: 0 });
    const listing = (d: string) =>
      (JSON.parse(readFileSync(join(d, "snapshot.json"), "utf8")).shards as typeof listed).map(
        (s) => [s.file, s.deferredTokens],
      );
    expect(listing(cacheDir)).toEqual(listing(coldDir));
    expect(listing(cacheDir)).not.toEqual(listed.map((s) => [s.file, s.deferredTokens]));
  });

  it("grows the vocabulary file for words no shard held, so the next start loads every shard and finds them", async () => {
    const dir = knowledgeFolder();
    const cacheDir = tempDir("snap-cache");
    const { kb, save } = await openKnowledgeCached(dir, { cacheDir, workers: 0, settledMs: 0 });
    const vocabulary = () => JSON.parse(readFileSync(join(cacheDir, "vocabulary.json"), "utf8"));
    const before = vocabulary();
    const word = "quorbitane";
    expect(before.terms).not.toContain(word);
    addLive(
      dir,
      kb,
      "live-new-word",
      "Quorbitane levy",
      `A levy on ${word} imports starts on March 3, 2027.`,
    );
    expect(save()).toMatchObject({ shardsWritten: 1 });
    const after = vocabulary();
    // Same list, same numbers, the new words after: every shard file written before still reads.
    expect(after.id).toBe(before.id);
    expect(after.terms.slice(0, before.terms.length)).toEqual(before.terms);
    expect(after.terms.slice(before.terms.length)).toContain(word);

    const warm = await openKnowledgeCached(dir, { cacheDir, workers: 0, settledMs: 0 });
    expect(warm.stats).toMatchObject({ extracted: 0, shardsBuilt: 0, reasons: [] });
    expect(ask({ kb: warm.kb, now: NOW }, word).items[0]?.text).toContain(`levy on ${word}`);
    expect(answers(warm.kb)).toEqual(answers(openKnowledge(dir)));
  });

  it("rebuilds the index, keeping the extractions, when the vocabulary file is missing, damaged or another's", async () => {
    const dir = knowledgeFolder();
    const cacheDir = tempDir("snap-cache");
    const cold = await openKnowledgeCached(dir, { cacheDir, workers: 0, settledMs: 0 });
    const shards = cold.stats.save.shardsWritten;
    const path = join(cacheDir, "vocabulary.json");
    const good = readFileSync(path, "utf8");
    const other = JSON.stringify({ ...JSON.parse(good), id: "another-snapshot" });
    const cases: [() => void, RegExp][] = [
      [() => unlinkSync(path), /vocabulary\.json missing: every shard's index rebuilt/],
      [() => writeFileSync(path, good.slice(0, 40)), /vocabulary\.json unreadable \(.+\)/],
      [() => writeFileSync(path, other), /shard .*: index numbers its terms by another vocabulary/],
    ];
    for (const [damage, reason] of cases) {
      damage();
      const { logged, ...warm } = await openLogged(dir, { cacheDir, workers: 0, settledMs: 0 });
      expect(logged.some((l) => reason.test(l))).toBe(true);
      expect(warm.stats).toMatchObject({ extracted: 0, shardsBuilt: shards, shardsLoaded: 0 });
      expect(answers(warm.kb)).toEqual(answers(cold.kb));
      // The save wrote a new vocabulary and every shard by it: the start after is whole again.
      const next = await openKnowledgeCached(dir, { cacheDir, workers: 0, settledMs: 0 });
      expect(next.stats).toMatchObject({ shardsBuilt: 0, reasons: [] });
    }
  });

  it("knows an unchanged file by its size, times and inode without reading it, and reads one whose stat changed", async () => {
    const dir = knowledgeFolder();
    const body =
      "Café owners in Québec said “the levy hurts” — a naïve hope 🚢 of relief by March 3, 2027.";
    writeFileSync(
      join(dir, "zz-accents.md"),
      `---\nid: zz-accents\nheadline: "Levy hurts cafés"\noutlet: T\npublished: "2026-11-19"\n---\n\n${body}\n`,
    );
    const cacheDir = tempDir("snap-cache");
    // settledMs 0: these files were written a moment ago, which would otherwise keep them unknown.
    const opts = { cacheDir, workers: 0, settledMs: 0 };
    await openKnowledgeCached(dir, opts);

    const warm = await openKnowledgeCached(dir, opts);
    // Only the broken file is read: it is never in the snapshot.
    expect(warm.stats).toMatchObject({ articles: 54, fromCache: 54, read: 1, parsed: 1 });
    // The body comes from the snapshot, exactly: Latin-1, curly quotes, a dash, an astral character.
    expect(warm.kb.get("zz-accents")?.body).toBe(body);
    expect(answers(warm.kb)).toEqual(answers(openKnowledge(dir)));

    // An edit of the same length still changes the file's times: it is read and extracted again.
    const file = readdirSync(dir).find((f) => f.startsWith("2025-09-17"));
    if (!file) throw new Error("bundled article missing");
    const path = join(dir, file);
    const text = readFileSync(path, "utf8");
    writeFileSync(path, text.replace("eerily quiet", "wearily said"));
    expect(statSync(path).size).toBe(Buffer.byteLength(text));
    const edited = await openKnowledgeCached(dir, opts);
    expect(edited.stats).toMatchObject({ read: 2, parsed: 2, extracted: 1 });
    const hit = ask({ kb: edited.kb, now: NOW }, "wearily said");
    expect(hit.items[0]?.citations[0]?.snippet).toContain("wearily said");

    // Touched, not changed: read and hashed, found in the snapshot, and its new stat saved.
    utimesSync(join(dir, "zz-accents.md"), new Date(), new Date());
    const touched = await openKnowledgeCached(dir, opts);
    expect(touched.stats).toMatchObject({ read: 2, parsed: 1, extracted: 0 });
    expect(touched.stats.save.shardsWritten).toBe(1);
    const after = await openKnowledgeCached(dir, opts);
    expect(after.stats).toMatchObject({ read: 1, extracted: 0 });
    expect(after.stats.save.shardsWritten).toBe(0);
  });

  it("reads again a file changed within the settling time (two seconds by default), whatever its stat", async () => {
    const dir = knowledgeFolder();
    const cacheDir = tempDir("snap-cache");
    // A minute, not the default: a slow machine can take two seconds between writing the
    // folder and the first start's reads, and the test would then depend on the clock.
    const opts = { cacheDir, workers: 0, settledMs: 60_000 };
    await openKnowledgeCached(dir, opts);
    const warm = await openKnowledgeCached(dir, opts);
    // Every file was written a moment before the first start: none can be known by its stat.
    expect(warm.stats).toMatchObject({ read: 54, parsed: 1, fromCache: 53, extracted: 0 });
  });

  it("reports a shard written before format 9 (its header where the bodies' start now is) as another format, and rebuilds it", async () => {
    const dir = knowledgeFolder();
    const cacheDir = tempDir("snap-cache");
    const opts = { cacheDir, workers: 0, settledMs: 0 };
    await openKnowledgeCached(dir, opts);
    const shard = readdirSync(cacheDir).find((f) => f.startsWith("shard-"));
    if (!shard) throw new Error("no shard");
    const bytes = readFileSync(join(cacheDir, shard));
    // The magic and the header's length, then the header at once, as format 8 wrote it.
    writeFileSync(
      join(cacheDir, shard),
      Buffer.concat([bytes.subarray(0, 12), bytes.subarray(16)]),
    );
    const { logged, ...warm } = await openLogged(dir, opts);
    expect(logged).toContain(
      `snapshot: shard ${shard.slice(6, -4)}: written in another file format (a format before 9, expected ${FORMAT}); rebuilt from the articles`,
    );
    expect(warm.stats.shardsBuilt).toBe(1);
    expect(answers(warm.kb)).toEqual(answers(openKnowledge(dir)));
  });

  it("rebuilds a shard damaged before its bodies, and reads a damaged body from its article file, so no snippet comes from damaged bytes", async () => {
    const dir = knowledgeFolder();
    const cacheDir = tempDir("snap-cache");
    const opts = { cacheDir, workers: 0, settledMs: 0 };
    await openKnowledgeCached(dir, opts);
    const shard = readdirSync(cacheDir).find(
      (f) => f.startsWith("shard-") && readFileSync(join(cacheDir, f)).includes("eerily quiet"),
    );
    if (!shard) throw new Error("no shard holds the bundled article");
    const path = join(cacheDir, shard);
    const good = readFileSync(path);
    // A byte of a body: a restart that reads the file only up to its bodies does not see it; the
    // body fails its own check when read, and comes from the article file.
    const body = Buffer.from(good);
    body.write("E", body.lastIndexOf("eerily quiet"), "latin1");
    writeFileSync(path, body);
    const damagedBody = await openLogged(dir, opts);
    expect(damagedBody.stats.views).toBe("kept");
    expect(damagedBody.stats.shardsBuilt).toBe(0);
    const hit = ask({ kb: damagedBody.kb, now: NOW }, "eerily quiet");
    expect(hit.items[0]?.citations[0]?.snippet).toContain("eerily quiet");
    expect(answers(damagedBody.kb)).toEqual(answers(openKnowledge(dir)));
    // Without kept views every result is cut from the bodies at load: the file is read whole,
    // its whole check fails, and the shard is rebuilt.
    rmSync(join(cacheDir, "views.bin"));
    const whole = await openLogged(dir, opts);
    expect(whole.logged).toContain(
      `snapshot: shard ${shard.slice(6, -4)}: corrupt (checksum mismatch); rebuilt from the articles`,
    );
    expect(whole.stats.shardsBuilt).toBe(1);
    // A byte before the bodies (their table, the packed results, the index): the file's check
    // up to its bodies fails, and the shard is rebuilt from the articles.
    const before = Buffer.from(good);
    const bodiesFrom = before.readUInt32LE(12);
    before.writeUInt8(before.readUInt8(bodiesFrom - 16) ^ 1, bodiesFrom - 16);
    writeFileSync(path, before);
    const { logged, ...warm } = await openLogged(dir, opts);
    expect(logged).toContain(
      `snapshot: shard ${shard.slice(6, -4)}: corrupt (checksum mismatch); rebuilt from the articles`,
    );
    expect(warm.stats.shardsBuilt).toBe(1);
    expect(answers(warm.kb)).toEqual(answers(openKnowledge(dir)));
  });

  it("extracts and indexes on worker threads exactly as the main thread does", async () => {
    const dir = tempDir("snap-workers");
    // Two years, so two shards; 170 articles, so two jobs of extraction, the second year's
    // articles in both.
    writeCorpus(dir, 130, { perDay: 5 });
    writeCorpus(dir, 40, { perDay: 5, end: "2025-06-30" });
    // A file whose id another file already holds: sent to a worker while the folder is read,
    // then dropped with a problem, and its results with it.
    const first = readdirSync(dir).sort()[0] as string;
    const original = readFileSync(join(dir, first), "utf8");
    writeFileSync(join(dir, `zz-${first}`), original.replace(/\n\n/, "\n\nA second copy.\n\n"));
    const pooledCache = tempDir("snap-cache");
    const pooled = await openKnowledgeCached(dir, {
      cacheDir: pooledCache,
      workers: 2,
      workerThreshold: 1,
    });
    expect(pooled.stats.extracted).toBe(170);
    expect(pooled.kb.get(first.replace(/\.md$/, ""))?.file).toBe(first);
    expect(pooled.kb.problems.map((p) => p.message)).toContainEqual(
      expect.stringContaining("duplicate id"),
    );
    // Everything was seeded from the workers; the main thread computed nothing.
    expect(extractionCalls(pooled.kb)).toBe(0);
    const localCache = tempDir("snap-cache");
    const local = await openKnowledgeCached(dir, { cacheDir: localCache, workers: 0 });
    expect(local.kb.computed.get("quotes")).toBe(170);
    // The save wrote the workers' packs, merged per shard, byte for byte as the main thread packs.
    expect(pooled.stats.save).toMatchObject({ shardsWritten: 2, fromWorkers: 2 });
    expect(local.stats.save).toMatchObject({ shardsWritten: 2, fromWorkers: 0 });
    const shardFiles = readdirSync(localCache).filter((f) => f.startsWith("shard-"));
    expect(readdirSync(pooledCache).filter((f) => f.startsWith("shard-"))).toEqual(shardFiles);
    for (const f of shardFiles)
      expect(decodeShard(readFileSync(join(pooledCache, f))).extractions).toEqual(
        decodeShard(readFileSync(join(localCache, f))).extractions,
      );
    for (const a of local.kb.articles()) {
      const other = pooled.kb.get(a.id);
      if (!other) throw new Error(`missing ${a.id}`);
      expect(resultsToKeep(pooled.kb, other)).toEqual(resultsToKeep(local.kb, a));
    }
    // Dates are not handed back (other extractors build on them, no question reads them);
    // asked for, they are computed, the same.
    expect(pooled.kb.computed.get("dates")).toBeUndefined();
    for (const a of local.kb.articles().slice(0, 5))
      expect(articleDates(pooled.kb, pooled.kb.get(a.id) as typeof a)).toEqual(
        articleDates(local.kb, a),
      );
    // The search shards were built on the workers too, and answer exactly as the local ones.
    expect(pooled.stats.shardsBuilt).toBeGreaterThan(0);
    expect(searchIndex(pooled.kb).shardsBuilt).toBe(0);
    expect(searchIndex(local.kb).shardsBuilt).toBe(pooled.stats.shardsBuilt);
    expect(answers(pooled.kb)).toEqual(answers(local.kb));
  });
});

describe("a restart that leaves the event loop free", () => {
  it("takes turns while reading, decoding and attaching, so requests are served during it, and loads the same knowledge", async () => {
    const dir = knowledgeFolder();
    const cacheDir = tempDir("snap-cache");
    const cold = await openKnowledgeCached(dir, { cacheDir, workers: 0 });
    const shards = cold.stats.save.shardsWritten;
    // Stands for requests arriving meanwhile: one is served in every turn the load takes.
    let served = 0;
    let loading = true;
    const serve = () => {
      served++;
      if (loading) setImmediate(serve);
    };
    setImmediate(serve);
    const paced = await openKnowledgeCached(dir, { cacheDir, workers: 0, paceMs: 0 });
    loading = false;
    // A turn per file read (54), per shard decoded, per article seeded (53), per year attached.
    expect(served).toBeGreaterThan(54 + shards + 53);
    expect(paced.stats).toMatchObject({ fromCache: 53, extracted: 0, shardsBuilt: 0 });
    expect(answers(paced.kb)).toEqual(answers(cold.kb));
  });
});
