/** The editable sector vocabulary (knowledge/sectors.yml): shipped list, validation, live edits. */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ask } from "../../src/answer/router.ts";
import { tariffFacts } from "../../src/extract/tariffs/facts.ts";
import { findSectorMentions, resolveSector } from "../../src/extract/tariffs/sectors.ts";
import { DEFAULT_VOCABULARY } from "../../src/extract/tariffs/sectors-default.ts";
import { loadSectorVocabulary, validate } from "../../src/extract/tariffs/sectors-file.ts";
import { openKnowledge } from "../../src/knowledge/open.ts";
import { BUNDLED, tempKnowledge, writeArticle } from "../helpers/knowledge.ts";

const now = new Date("2026-11-21T12:00:00Z");
const MINERALS_ARTICLE =
  "Washington imposed a 20 per cent tariff on Canadian critical minerals on Feb. 3, 2026, the trade office said.";

function addMinerals(dir: string): void {
  const path = join(dir, "sectors.yml");
  const text = readFileSync(path, "utf8");
  writeFileSync(
    path,
    `${text}  critical-minerals:\n    name: Critical minerals\n    synonyms: [critical minerals, rare earths]\n`,
  );
}

describe("sector vocabulary", () => {
  it("ships knowledge/sectors.yml equal to the built-in list", () => {
    const shipped = loadSectorVocabulary(BUNDLED);
    expect(shipped.problems).toEqual([]);
    expect(shipped.source).toBe("file");
    expect(shipped.vocabulary.sectors).toEqual(DEFAULT_VOCABULARY.sectors);
  });

  it("matches synonyms in any case, plural, and with hyphens or spaces", () => {
    const found = (t: string) => findSectorMentions(t, DEFAULT_VOCABULARY).map((m) => m.sector.key);
    expect(found("Aluminium and Softwood Lumber")).toEqual(["aluminum", "lumber"]);
    expect(found("new retaliatory duties on kitchen cabinets and vanities")).toEqual([
      "counter-tariffs",
      "furniture",
      "furniture",
    ]);
    expect(found("non-CUSMA compliant goods")).toEqual(["non-cusma"]);
    expect(found("autoworkers and steelmakers")).toEqual([]);
    expect(resolveSector("Aluminium", DEFAULT_VOCABULARY)?.key).toBe("aluminum");
    expect(resolveSector("counter-tariffs", DEFAULT_VOCABULARY)?.key).toBe("counter-tariffs");
    expect(resolveSector("steel mills", DEFAULT_VOCABULARY)).toBeUndefined();
  });

  it("lets an editor add a sector without code, and picks up the edit without reopening", () => {
    const dir = tempKnowledge();
    writeArticle(
      dir,
      "minerals.md",
      { id: "minerals", headline: "Minerals levy", outlet: "T", published: "2026-02-04" },
      MINERALS_ARTICLE,
    );
    const kb = openKnowledge(dir);
    expect(tariffFacts(kb).filter((f) => f.articleId === "minerals")).toEqual([]);
    addMinerals(dir);
    const facts = tariffFacts(kb).filter((f) => f.articleId === "minerals");
    expect(facts.map((f) => [f.sector, f.rate, f.imposedBy, f.asOf.value])).toEqual([
      ["critical-minerals", 20, "US", "2026-02-03"],
    ]);
    const answer = ask({ kb, now }, "critical minerals");
    expect(answer.intent).toBe("tariffs");
    expect(answer.items[0]).toMatchObject({
      kind: "label",
      text: "Critical minerals — U.S. on Canada: 20%",
    });
  });

  // A bad key hides the fields under it; they are checked once the key is fixed.
  it("reports a bad file by file and field, and falls back to the built-in list", () => {
    const bad = validate(
      "sectors:\n  steel:\n    name: Steel\n    synonyms: steel\n  Copper:\n    name: Copper\n    synonyms: [copper]\n    colour: red\n",
    );
    expect(bad.vocabulary).toBeUndefined();
    expect(bad.problems).toEqual(
      expect.arrayContaining([
        {
          file: "sectors.yml",
          field: "sectors.steel.synonyms",
          message: "synonyms must be a list",
        },
        expect.objectContaining({
          file: "sectors.yml",
          field: "sectors.Copper",
          message: expect.stringContaining("lower-case"),
        }),
      ]),
    );
    expect(validate("sectors: [unclosed")).toMatchObject({
      problems: [{ file: "sectors.yml", field: "file" }],
    });

    const dir = tempKnowledge();
    writeFileSync(join(dir, "sectors.yml"), "sectors:\n  steel:\n    synonyms: [steel]\n");
    const kb = openKnowledge(dir);
    const loaded = loadSectorVocabulary(dir);
    expect(loaded.source).toBe("built-in");
    expect(loaded.problems).toEqual([
      { file: "sectors.yml", field: "sectors.steel.name", message: "name is required" },
    ]);
    const answer = ask({ kb, now }, "steel");
    expect(answer.items[0]?.text).toBe("Steel — U.S. on Canada: 50%");
    expect(answer.notice).toContain("sectors.yml: sectors.steel.name: name is required");
  });

  it("keeps the last good file when an edit breaks it", () => {
    const dir = tempKnowledge();
    addMinerals(dir);
    expect(loadSectorVocabulary(dir).vocabulary.sectors.map((s) => s.key)).toContain(
      "critical-minerals",
    );
    writeFileSync(join(dir, "sectors.yml"), "sectors:\n  critical-minerals: {}\n");
    const loaded = loadSectorVocabulary(dir);
    expect(loaded.source).toBe("last good file");
    expect(loaded.vocabulary.sectors.map((s) => s.key)).toContain("critical-minerals");
    expect(loaded.problems.map((p) => p.field)).toEqual([
      "sectors.critical-minerals.name",
      "sectors.critical-minerals.synonyms",
    ]);
  });
});
