/**
 * A shard's articles kept as columns (issue 9): what a restart takes from them is the front
 * matter a parse of the files gives, field for field and in the same order, and a damaged
 * column is refused with a reason, so its shard is rebuilt from the articles.
 */
import { describe, expect, it } from "vitest";
import { openKnowledge } from "../../src/knowledge/open.ts";
import { ArticleTable, articleColumns } from "../../src/snapshot/article-columns.ts";
import type { ShardArticle } from "../../src/snapshot/format.ts";
import { openKnowledgeCached } from "../../src/snapshot/open.ts";
import { tempDir, tempKnowledge, writeArticle } from "../helpers/knowledge.ts";

const published = { value: "2024-03-05", precision: "day" as const };
const ARTICLES: ShardArticle[] = [
  {
    hash: "h1",
    file: "a.md",
    meta: { id: "a", headline: "One", outlet: "Ledger", author: "Ines Vaz", published },
    stat: [10, 1.5, 2.5, 77],
  },
  {
    hash: "h2",
    file: "b-file.md",
    meta: {
      id: "b-other",
      headline: "Two",
      outlet: "Ledger",
      published: { value: "2024-03", precision: "month" },
      time: "09:30",
      url: "https://example.org/b",
      note: "corrected",
    },
    stat: null,
  },
  {
    hash: "h3",
    file: "c.md",
    meta: { id: "c", headline: "Three", outlet: "Courier", author: "Ines Vaz", published },
    stat: [11, 3, 4, 78],
  },
];
const IDS = ["a", "b", "c"];

/** The columns as a shard file holds them: JSON and a Float64Array section. */
function roundTrip(articles = ARTICLES) {
  const { json, stat } = articleColumns(articles, IDS);
  return { json: JSON.parse(JSON.stringify(json)), stat };
}

describe("a shard's articles as columns", () => {
  it("give back each article's front matter in the order a parse gives it, and its hash, file and stat", () => {
    const { json, stat } = roundTrip();
    // Outlets, authors and dates are written once for the shard.
    expect(json.names).toEqual(["Ledger", "Ines Vaz", "Courier"]);
    expect(json.dates).toHaveLength(2);
    // An id equal to the index's is not written again; another is.
    expect(json.id).toEqual([0, "b-other", 0]);
    const table = ArticleTable.read(json, IDS, stat);
    expect(table.hash).toEqual(["h1", "h2", "h3"]);
    expect(table.file).toEqual(["a.md", "b-file.md", "c.md"]);
    ARTICLES.forEach((a, i) => {
      expect(JSON.stringify(table.meta(i))).toBe(JSON.stringify(a.meta));
    });
    expect("author" in table.meta(1)).toBe(false);
    expect(table.sameStat(0, [10, 1.5, 2.5, 77])).toBe(true);
    expect(table.sameStat(0, [10, 1.5, 2.5, 78])).toBe(false);
    expect(table.sameStat(0, null)).toBe(false);
    // No stat recorded: never the same as any.
    expect(table.sameStat(1, [0, 0, 0, 0])).toBe(false);
    expect(table.sameStat(2, [11, 3, 4, 78])).toBe(true);
  });

  it("are refused, naming what is wrong, when a column is short, points outside its table, or the stats do not match", () => {
    const { json, stat } = roundTrip();
    const broken = (change: (j: typeof json) => void) => {
      const j = structuredClone(json);
      change(j);
      return () => ArticleTable.read(j, IDS, stat);
    };
    expect(broken((j) => j.headline.pop())).toThrow("article column headline damaged");
    expect(broken((j) => (j.outlet[1] = 9))).toThrow("point outside their tables");
    expect(broken((j) => (j.author[0] = -2))).toThrow("point outside their tables");
    expect(broken((j) => j.hash.pop())).toThrow("do not match the index");
    expect(() => ArticleTable.read(json, IDS, stat.subarray(4))).toThrow(
      "article stats do not match",
    );
    expect(() => ArticleTable.read(null, IDS, stat)).toThrow("no article columns");
  });

  it("restore the very articles a parse of the folder gives, optional fields included", async () => {
    const dir = tempKnowledge();
    writeArticle(
      dir,
      "2026-01-02-extra.md",
      {
        id: "2026-01-02-extra-fields",
        headline: '"Port levies rise"',
        outlet: '"Harbour Ledger"',
        published: '"2026-01"',
        time: '"07:45"',
        url: "https://example.org/levies",
        note: '"Updated with a correction."',
      },
      "Dockworkers said levies on imported cranes would rise by 4% in March.",
    );
    const cacheDir = tempDir("cols-cache");
    await openKnowledgeCached(dir, { cacheDir, workers: 0, settledMs: 0 });
    const warm = await openKnowledgeCached(dir, { cacheDir, workers: 0, settledMs: 0 });
    expect(warm.stats.fromCache).toBe(warm.stats.articles);
    const parsed = openKnowledge(dir).articles();
    expect(parsed.length).toBeGreaterThan(5);
    // Field for field, body included; no field the parse lacks, not even as undefined.
    expect(warm.kb.articles().map((a) => ({ ...a }))).toStrictEqual(parsed.map((a) => ({ ...a })));
  });
});
