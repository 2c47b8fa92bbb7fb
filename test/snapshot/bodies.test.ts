/**
 * Bodies restored from the snapshot stay in the shard files (issue 9): an article's text is read
 * from there when it is needed, checked by its own CRC-32, and read from the article file (which
 * must still hold the content it was restored by) when the shard file cannot vouch for it.
 */
import {
  closeSync,
  cpSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ask } from "../../src/answer/router.ts";
import { EXTRACTORS, resultsToKeep } from "../../src/extract/registry.ts";
import { ingest } from "../../src/knowledge/ingest.ts";
import { openKnowledge } from "../../src/knowledge/open.ts";
import { openKnowledgeCached } from "../../src/snapshot/open.ts";
import { tempDir, tempKnowledge } from "../helpers/knowledge.ts";

const NOW = new Date("2026-11-21T12:00:00Z");

const LEVY =
  'Grain shippers in Thunder Bay said the levy on oats "will cost us the season," and the port board meets on March 3, 2027.';
const ACCENTS =
  "Café owners in Québec said “the levy hurts” — a naïve hope 🚢 of relief, Minister Adèle Roy told reporters.";
const TIN =
  'Tinplate buyers in Hamilton said the quota on tin "leaves the line idle," and talks resume on April 14, 2027.';

function article(id: string, headline: string, body: string): string {
  return `---\nid: ${id}\nheadline: "${headline}"\noutlet: T\npublished: "2026-11-19"\n---\n\n${body}\n`;
}

/** The bundled articles plus three of ours, opened once (writing the snapshot) and again from it. */
async function restored() {
  const dir = tempKnowledge();
  writeFileSync(join(dir, "zz-levy.md"), article("zz-levy", "Oat levy", LEVY));
  writeFileSync(join(dir, "zz-accents.md"), article("zz-accents", "Levy hurts cafés", ACCENTS));
  writeFileSync(join(dir, "zz-tin.md"), article("zz-tin", "Tin quota", TIN));
  const cacheDir = tempDir("bodies-cache");
  const opts = { cacheDir, workers: 0, settledMs: 0 };
  await openKnowledgeCached(dir, opts);
  const warm = await openKnowledgeCached(dir, opts);
  expect(warm.stats).toMatchObject({ fromCache: 8, extracted: 0, read: 0 });
  return { dir, cacheDir, warm };
}

/** The shard file holding `text` (written Latin-1, as a Latin-1 body is stored), and where. */
function shardHolding(cacheDir: string, text: string): { path: string; at: number } {
  for (const f of readdirSync(cacheDir).filter((n) => n.startsWith("shard-"))) {
    const at = readFileSync(join(cacheDir, f)).indexOf(Buffer.from(text, "latin1"));
    if (at >= 0) return { path: join(cacheDir, f), at };
  }
  throw new Error(`no shard holds "${text}"`);
}

/** Changes one byte where it is, as a failing disk would: same file, same size. */
function damageInPlace(path: string, at: number): void {
  const fd = openSync(path, "r+");
  writeSync(fd, "#", at, "latin1");
  closeSync(fd);
}

describe("bodies restored from the snapshot", () => {
  it("come from the shard file, exactly, with every extraction cut from them as a rebuild cuts it", async () => {
    const { dir, warm } = await restored();
    const rebuilt = openKnowledge(dir);
    for (const e of EXTRACTORS) e.run(rebuilt, rebuilt.articles());
    for (const a of rebuilt.articles()) {
      const back = warm.kb.get(a.id);
      if (!back) throw new Error(`missing ${a.id}`);
      expect(back.body).toBe(a.body);
      expect(resultsToKeep(warm.kb, back)).toEqual(resultsToKeep(rebuilt, a));
    }
    // The article file is not where the text comes from: changed under the running bot (before
    // the live sync takes it in), it still shows what it restored.
    writeFileSync(join(dir, "zz-levy.md"), article("zz-levy", "Oat levy", "Replaced."));
    expect(warm.kb.get("zz-levy")?.body).toBe(LEVY);
    const hit = ask({ kb: warm.kb, now: NOW }, "oats levy");
    expect(hit.items[0]?.citations[0]?.snippet).toContain("will cost us the season");
  });

  it("damaged in the shard file after the start: read from the article file, or refused naming both", async () => {
    const { dir, cacheDir, warm } = await restored();
    const levy = shardHolding(cacheDir, "Thunder Bay");
    damageInPlace(levy.path, levy.at);
    expect(warm.kb.get("zz-levy")?.body).toBe(LEVY);
    const hit = ask({ kb: warm.kb, now: NOW }, "oats levy");
    expect(hit.items[0]?.citations[0]?.snippet).toContain("Thunder Bay");

    const tin = shardHolding(cacheDir, "Tinplate buyers");
    damageInPlace(tin.path, tin.at);
    writeFileSync(join(dir, "zz-tin.md"), article("zz-tin", "Tin quota", "Other words."));
    const tinArticle = warm.kb.get("zz-tin");
    expect(() => tinArticle?.body).toThrow(
      "zz-tin.md: the article's text is not available (snapshot copy: checksum mismatch; article file: has changed since)",
    );
  });

  it("in a shard file replaced since the start: read from the article file, never by old offsets", async () => {
    const { dir, cacheDir, warm } = await restored();
    const { path } = shardHolding(cacheDir, "Tinplate buyers");
    // Another process writes the snapshot again: same name, another file.
    const copy = `${path}.copy`;
    cpSync(path, copy);
    renameSync(copy, path);
    expect(warm.kb.get("zz-tin")?.body).toBe(TIN);
    writeFileSync(join(dir, "zz-levy.md"), article("zz-levy", "Oat levy", "Other words."));
    expect(() => warm.kb.get("zz-levy")?.body).toThrow(
      "zz-levy.md: the article's text is not available (snapshot copy: the shard file was replaced since it was read; article file: has changed since)",
    );
  });

  it("after a save writes their shard again, are read from the file it wrote", async () => {
    const { dir, cacheDir, warm } = await restored();
    const before = shardHolding(cacheDir, "Tinplate buyers").path;
    const { article: added } = await import("../../src/knowledge/article.ts").then((m) =>
      m.parseArticle("zz-new.md", article("zz-new", "New levy", "Ottawa said more on the levy.")),
    );
    if (!added) throw new Error("test article does not parse");
    writeFileSync(
      join(dir, "zz-new.md"),
      article("zz-new", "New levy", "Ottawa said more on the levy."),
    );
    warm.kb.upsert(added);
    expect(warm.save().shardsWritten).toBeGreaterThan(0);
    const after = shardHolding(cacheDir, "Tinplate buyers");
    expect(after.path).toBe(before);
    // Damaged in the new file, with the article file changed: the error is the new file's
    // checksum, not "replaced" (the old file's offsets are not used any more).
    damageInPlace(after.path, after.at);
    writeFileSync(join(dir, "zz-tin.md"), article("zz-tin", "Tin quota", "Other words."));
    expect(() => warm.kb.get("zz-tin")?.body).toThrow("snapshot copy: checksum mismatch");
  });

  it("are not read by the add-article duplicate check unless their number matches the new body's", async () => {
    const { dir, cacheDir, warm } = await restored();
    // zz-tin's text cannot be read any more: reading it throws (the test above).
    const tin = shardHolding(cacheDir, "Tinplate buyers");
    damageInPlace(tin.path, tin.at);
    writeFileSync(join(dir, "zz-tin.md"), article("zz-tin", "Tin quota", "Other words."));
    const input = { headline: "Barley quota", outlet: "T", published: "2026-11-20" };
    const fresh = ingest(warm.kb, dir, { ...input, text: "Barley growers said the quota bites." });
    expect(fresh.ok).toBe(true);
    // The same words as zz-levy, spaced and cased otherwise: still refused, by its text.
    const again = ingest(warm.kb, dir, {
      ...input,
      headline: "Oats again",
      text: LEVY.replace(/ /g, "  ").toUpperCase(),
    });
    expect(again).toEqual({
      ok: false,
      errors: [
        { field: "body", message: 'the same text is already in the knowledge as "zz-levy"' },
      ],
    });
  });
});
