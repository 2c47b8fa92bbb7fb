/** The `quotes` and `people` verbs through the real CLI entry point, in a child process. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, json } from "../helpers/cli.ts";
import { bundledKb, tempKnowledge } from "../helpers/knowledge.ts";

interface QuoteJson {
  speaker: string | null;
  role: string | null;
  text: string;
  kind: "direct" | "partial";
  articleId: string;
  published: string;
  start: number;
  end: number;
}

let allQuotes: ReturnType<typeof cli> | undefined;
/** `quotes --json`, run once for the tests that need it (each run is a child process). */
const quotesJson = () => {
  allQuotes ??= cli(["quotes", "--json"]);
  return allQuotes;
};

describe("quotes verb", () => {
  it("--json prints every quote with exactly the documented fields, offsets into the body", () => {
    const r = quotesJson();
    expect(r.code).toBe(0);
    const list = json<QuoteJson[]>(r);
    expect(list).toHaveLength(50);
    const kb = bundledKb();
    for (const q of list) {
      expect(Object.keys(q).sort()).toEqual([
        "articleId",
        "end",
        "kind",
        "published",
        "role",
        "speaker",
        "start",
        "text",
      ]);
      expect(kb.get(q.articleId)?.body.slice(q.start, q.end)).toBe(q.text);
      expect(kb.get(q.articleId)?.published.value).toBe(q.published);
    }
    const smoke = list.find((q) => q.text.includes("white smoke"));
    expect(smoke).toMatchObject({
      speaker: "Mark Carney",
      role: "Prime Minister",
      kind: "direct",
      articleId: "2025-09-05-technical-talks-sectoral-tariffs",
    });
  });

  it("--speaker filters by any name form, newest article first", () => {
    const list = json<QuoteJson[]>(cli(["quotes", "--speaker", "LeBlanc", "--json"]));
    expect(list.length).toBe(9);
    expect(new Set(list.map((q) => q.speaker))).toEqual(new Set(["Dominic LeBlanc"]));
    const order = list.map((q) => q.articleId);
    expect(order.indexOf("2025-10-06-carney-white-house-tariff-relief")).toBeLessThan(
      order.indexOf("2025-09-17-little-progress-trade-talks"),
    );
    expect(order.indexOf("2025-09-17-little-progress-trade-talks")).toBeLessThan(
      order.indexOf("2025-09-05-technical-talks-sectoral-tariffs"),
    );
  });

  it("--speaker unattributed lists the quotes nobody is named for", () => {
    const list = json<QuoteJson[]>(cli(["quotes", "--speaker", "unattributed", "--json"]));
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((q) => q.speaker === null && q.role === null)).toBe(true);
    expect(list.map((q) => q.text)).toContain("national security");
  });

  it("an unknown speaker exits 1 with a notice naming the closest names", () => {
    const r = cli(["quotes", "--speaker", "Hokestra"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      "No quotes from Hokestra in 5 articles. Closest names: Pete Hoekstra",
    );
  });

  it("prints readable text without --json", () => {
    const r = cli(["quotes", "--speaker", "Dawson"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      "“I think this is a time to be optimistic. I see motion in all the right directions”",
    );
    expect(r.stdout).toContain(
      "— Laura Dawson, expert on Canada-U.S. relations; executive director of the Future Borders Coalition · Oct. 6, 2025",
    );
  });
});

describe("people verb", () => {
  it("--json lists each person once with name, aliases, roles and quote count", () => {
    const list = json<
      {
        name: string;
        kind: string;
        aliases: string[];
        roles: string[];
        quotes: number;
        articles: string[];
      }[]
    >(cli(["people", "--json"]));
    const carney = list.filter(
      (p) => /Carney/.test(p.name) || p.aliases.some((a) => /Carney/.test(a)),
    );
    expect(carney).toHaveLength(1);
    expect(carney[0]).toMatchObject({ name: "Mark Carney", kind: "person", quotes: 2 });
    expect(list.find((p) => p.name === "a senior Canadian government source")?.kind).toBe(
      "anonymous",
    );
    const total = list.reduce((n, p) => n + p.quotes, 0);
    const attributed = json<QuoteJson[]>(quotesJson()).filter((q) => q.speaker).length;
    expect(total).toBe(attributed);
  });

  it("warns about a bad aliases.yml on stderr, naming the file and field, and still answers", () => {
    const dir = tempKnowledge();
    writeFileSync(join(dir, "aliases.yml"), "people:\n  - name: Someone\n    aliases: []\n");
    const r = cli(["people", "--knowledge", dir]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("warning: aliases.yml: people.0.aliases: needs at least one alias");
    expect(r.stdout).toContain("Peter Hoekstra — 4 quotes");
  });
});
