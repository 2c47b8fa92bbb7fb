import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ask } from "../../src/answer/router.ts";
import { parseArticle } from "../../src/knowledge/article.ts";
import { loadKnowledge } from "../../src/knowledge/load.ts";
import { openKnowledge } from "../../src/knowledge/open.ts";
import { tempKnowledge, writeArticle } from "../helpers/knowledge.ts";

const good = {
  id: "2025-11-03-good-one",
  headline: '"A good headline"',
  outlet: "Test Wire",
  published: "2025-11-03",
};
const body = "Ottawa imposed a quota on widgets. Officials said more talks are planned.";

/** Loads a temp copy of the bundled knowledge plus one extra file, returning what the loader said. */
function loadWith(file: string, text: string) {
  const dir = tempKnowledge();
  writeFileSync(join(dir, file), text);
  return { dir, ...loadKnowledge(dir) };
}

function fm(fields: Record<string, string>, text = body): string {
  return ["---", ...Object.entries(fields).map(([k, v]) => `${k}: ${v}`), "---", "", text, ""].join(
    "\n",
  );
}

describe("knowledge validation", () => {
  it("loads the five bundled articles with no problems", () => {
    const { dir } = loadWith("ignored.txt", "not an article");
    const r = loadKnowledge(dir);
    expect(r.problems).toEqual([]);
    expect(r.articles.map((a) => a.id).sort()).toEqual([
      "2025-05-steel-aluminum-tariffs-negotiations",
      "2025-09-05-technical-talks-sectoral-tariffs",
      "2025-09-17-little-progress-trade-talks",
      "2025-10-06-carney-white-house-tariff-relief",
      "2025-10-trade-deal-inching-closer",
    ]);
  });

  it("names the file and field of a missing headline, and still loads the rest", () => {
    const { headline: _h, ...rest } = good;
    const r = loadWith("bad.md", fm(rest));
    expect(r.problems).toEqual([
      { file: "bad.md", field: "headline", message: "headline is required" },
    ]);
    expect(r.articles).toHaveLength(5);
  });

  it('refuses "published: soon" and impossible dates, naming the value', () => {
    const r = loadWith("soon.md", fm({ ...good, published: "soon" }));
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ file: "soon.md", field: "published" });
    expect(r.problems[0]?.message).toContain('"soon"');
    const feb30 = parseArticle("x.md", fm({ ...good, published: "2025-02-30" }));
    expect(feb30.problems[0]).toMatchObject({ field: "published" });
  });

  it("keeps the date's precision from its format", () => {
    for (const [value, precision] of [
      ["2025-10-06", "day"],
      ["2025-10", "month"],
      ["2025", "year"],
    ]) {
      const r = parseArticle("x.md", fm({ ...good, published: value as string }));
      expect(r.article?.published).toEqual({ value, precision });
    }
  });

  it("reports a duplicate id with the file that already holds it", () => {
    const r = loadWith("zz-dup.md", fm({ ...good, id: "2025-10-trade-deal-inching-closer" }));
    expect(r.problems).toEqual([
      {
        file: "zz-dup.md",
        field: "id",
        message:
          'duplicate id "2025-10-trade-deal-inching-closer", already used by 2025-10-trade-deal-inching-closer.md',
      },
    ]);
    expect(r.articles).toHaveLength(5);
    expect(r.articles.find((a) => a.id === "2025-10-trade-deal-inching-closer")?.file).toBe(
      "2025-10-trade-deal-inching-closer.md",
    );
  });

  it("reports an empty body", () => {
    const r = loadWith("empty.md", fm(good, "   \n\n"));
    expect(r.problems).toEqual([{ file: "empty.md", field: "body", message: "body is empty" }]);
  });

  it("reports unreadable YAML without throwing", () => {
    const r = loadWith("yaml.md", "---\nid: [unclosed\nheadline: x\n---\n\nBody.\n");
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ file: "yaml.md", field: "front matter" });
    expect(r.problems[0]?.message).toMatch(/^unreadable YAML: /);
  });

  it("reports a file with no front matter, and unknown fields", () => {
    expect(loadWith("plain.md", "Just text.").problems[0]).toMatchObject({
      file: "plain.md",
      field: "front matter",
    });
    const r = loadWith("extra.md", fm({ ...good, pubished: "2025-01-01" }));
    expect(r.problems[0]).toMatchObject({ file: "extra.md", field: "pubished" });
  });

  it("lists every problem of a file at once", () => {
    const r = loadWith("many.md", fm({ id: "Bad Id", outlet: "X", published: "soon" }, ""));
    expect(r.problems.map((p) => p.field).sort()).toEqual(["body", "headline", "id", "published"]);
  });

  it("still answers from the good files when one is broken", () => {
    const dir = tempKnowledge();
    writeArticle(dir, "broken.md", { ...good, published: "soon" }, body);
    const kb = openKnowledge(dir);
    expect(kb.problems).toHaveLength(1);
    const answer = ask({ kb, now: new Date() }, "USMCA review");
    expect(answer.items.length).toBeGreaterThan(0);
    expect(answer.freshness.articles).toBe(5);
  });
});
