/** The foundation's CLI verbs through a child process: exit codes, stdout vs stderr, --json. */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Answer } from "../../src/answer/types.ts";
import { cleanEnv, cli, json } from "../helpers/cli.ts";
import { PROJECT, tempKnowledge, writeArticle } from "../helpers/knowledge.ts";

describe("cli: ask", () => {
  it("answers as readable text, citing headline, outlet and date", () => {
    const r = cli(["ask", "what's", "the", "latest", "on", "the", "CUSMA", "review?"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("Latest on “CUSMA review”");
    expect(r.stdout).toContain(
      "— Carney heads to the White House seeking tariff relief · CBC News · Oct. 6, 2025",
    );
  });

  it("prints only the Answer as JSON with --json", () => {
    const r = cli(["ask", "alumnium", "--json"]);
    expect(r.code).toBe(0);
    const answer = json<Answer>(r);
    expect(answer.query).toBe("alumnium");
    expect(answer.freshness).toEqual({ articles: 5, newest: "2025-10-06" });
    expect(answer.items[0]?.citations[0]?.snippet.toLowerCase()).toContain("aluminum");
  });

  it("ask steel --json cites the 50% steel and aluminum passage", () => {
    const answer = json<Answer>(cli(["ask", "steel", "--json"]));
    const snippets = answer.items.flatMap((i) => i.citations.map((c) => c.snippet));
    expect(snippets.some((s) => s.includes("50% rate on Canadian steel and aluminum"))).toBe(true);
  });

  it("honours --knowledge and TARIFF_DESK_KNOWLEDGE", () => {
    const dir = tempKnowledge(false);
    writeArticle(
      dir,
      "w.md",
      { id: "w", headline: "Widgets", outlet: "T", published: "2025-01-02" },
      "Widget quotas rose.",
    );
    expect(json<Answer>(cli(["ask", "widget", "--json", "--knowledge", dir])).items).toHaveLength(
      1,
    );
    expect(
      json<Answer>(cli(["ask", "widget", "--json"], { TARIFF_DESK_KNOWLEDGE: dir })).items,
    ).toHaveLength(1);
    expect(json<Answer>(cli(["ask", "widget", "--json"])).items).toHaveLength(0);
  });

  it("warns on stderr about a skipped file and still answers", () => {
    const dir = tempKnowledge();
    writeArticle(
      dir,
      "bad.md",
      { id: "bad", headline: "X", outlet: "T", published: "soon" },
      "Text.",
    );
    const r = cli(["ask", "steel", "--json", "--knowledge", dir]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("bad.md: published:");
    expect(json<Answer>(r).items.length).toBeGreaterThan(0);
  });

  it("runs through npm as scripts call it", () => {
    const r = spawnSync("npm", ["run", "--silent", "cli", "--", "articles", "--json"], {
      cwd: PROJECT,
      env: cleanEnv(),
      encoding: "utf8",
    });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveLength(5);
  });
});

describe("cli: articles, show, check", () => {
  it("lists articles newest first with precision", () => {
    const list = json<{ id: string; published: string; precision: string }[]>(
      cli(["articles", "--json"]),
    );
    expect(list[0]).toMatchObject({
      id: "2025-10-06-carney-white-house-tariff-relief",
      published: "2025-10-06",
      precision: "day",
    });
    expect(list.find((a) => a.id === "2025-05-steel-aluminum-tariffs-negotiations")).toMatchObject({
      published: "2025-05",
      precision: "month",
    });
    const text = cli(["articles"]).stdout;
    expect(text).toContain("May 2025 (day not known)");
  });

  it("shows one article, and fails clearly for an unknown id", () => {
    const a = json<Record<string, unknown>>(
      cli(["show", "2025-09-17-little-progress-trade-talks", "--json"]),
    );
    expect(Object.keys(a)).toEqual(["id", "headline", "outlet", "author", "published", "body"]);
    expect(a).toMatchObject({
      outlet: "National Post",
      author: "Tracy Moran",
      published: "2025-09-17",
    });
    expect(String(a.body)).not.toContain("Ottawa Senators");
    expect(String(a.body)).not.toContain("Our website is the place");
    const missing = cli(["show", "nope", "--json"]);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe("");
    expect(missing.stderr).toContain('no article with id "nope"');
  });

  it("check passes on the bundled folder and lists every problem otherwise", () => {
    expect(cli(["check"]).code).toBe(0);
    const dir = tempKnowledge();
    writeArticle(dir, "a.md", { id: "a", outlet: "T", published: "2025-01-01" }, "Text.");
    writeArticle(dir, "b.md", { id: "b", headline: "B", outlet: "T", published: "soon" }, "Text.");
    const r = cli(["check", "--knowledge", dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("a.md: headline: headline is required");
    expect(r.stdout).toContain(
      'b.md: published: published must be a date as YYYY-MM-DD, YYYY-MM or YYYY, not "soon"',
    );
    const j = json<{ ok: boolean; problems: unknown[] }>(
      cli(["check", "--knowledge", dir, "--json"]),
    );
    expect(j.ok).toBe(false);
    expect(j.problems).toHaveLength(2);
  });
});

describe("cli: usage errors", () => {
  it("exits 2 with usage for an unknown verb or option, on stderr", () => {
    for (const args of [
      ["frobnicate"],
      ["ask", "--nope", "steel"],
      ["articles", "--json=yes"],
      ["show"],
      ["ask", "x", "--now", "soon"],
    ]) {
      const r = cli(args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toContain("usage: npm run --silent cli -- <verb> [options]");
    }
    expect(cli(["ask", "x", "--now", "soon"]).stderr).toContain("--now must be an ISO date");
    expect(cli(["frobnicate"]).stderr).toContain('unknown verb "frobnicate"');
  });

  it("prints usage with exit 0 for help", () => {
    const r = cli(["help"]);
    expect(r.code).toBe(0);
    for (const verb of ["ask", "articles", "show", "check", "ingest"])
      expect(r.stdout).toContain(`\n  ${verb}`);
  });
});

describe("cli: ingest", () => {
  const raw =
    "Widget Makers Win Reprieve\n\nOttawa paused its 10% surtax on imported widgets\nafter talks in Geneva.\n\n“It is a relief,” said Ana Ruiz, who runs a widget plant.\n";

  function ingestInto(dir: string, extra: string[] = [], text = raw) {
    const file = join(dir, "..", `raw-${Math.random().toString(36).slice(2)}.txt`);
    writeFileSync(file, text);
    return cli([
      "ingest",
      file,
      "--knowledge",
      dir,
      "--headline",
      "Widget Makers Win Reprieve",
      "--outlet",
      "Test Wire",
      "--published",
      "2025-11-03",
      ...extra,
    ]);
  }

  it("writes a clean, valid knowledge file and prints its id", () => {
    const dir = tempKnowledge();
    const r = ingestInto(dir, ["--author", "Jo Writer"]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe("2025-11-03-widget-makers-win-reprieve");
    const text = readFileSync(join(dir, "2025-11-03-widget-makers-win-reprieve.md"), "utf8");
    expect(text).toContain(
      "Ottawa paused its 10% surtax on imported widgets after talks in Geneva.\n\n“It is a relief,”",
    );
    expect(text).not.toMatch(/\n\nWidget Makers Win Reprieve\n/);
    expect(cli(["check", "--knowledge", dir]).code).toBe(0);
    const answer = json<Answer>(cli(["ask", "widget", "surtax", "--json", "--knowledge", dir]));
    expect(answer.items[0]?.citations[0]?.articleId).toBe("2025-11-03-widget-makers-win-reprieve");
  });

  it("refuses a duplicate id or body and bad metadata, leaving the folder untouched", () => {
    const dir = tempKnowledge();
    expect(ingestInto(dir).code).toBe(0);
    const before = readdirSync(dir).sort();
    const sameId = ingestInto(dir, [], "Different text entirely about gadgets.");
    expect(sameId.code).toBe(1);
    expect(sameId.stderr).toContain(
      'refused: id: an article with id "2025-11-03-widget-makers-win-reprieve" already exists',
    );
    const sameBody = ingestInto(dir, ["--id", "another-id"]);
    expect(sameBody.code).toBe(1);
    expect(sameBody.stderr).toContain(
      'refused: body: the same text is already in the knowledge as "2025-11-03-widget-makers-win-reprieve"',
    );
    const badDate = ingestInto(dir, ["--published", "soon", "--id", "x1"]);
    expect(badDate.code).toBe(1);
    expect(badDate.stderr).toContain("refused: published:");
    const badUrl = ingestInto(dir, ["--url", "not a url", "--id", "x2"]);
    expect(badUrl.stderr).toContain("refused: url:");
    const empty = ingestInto(dir, ["--id", "x3"], "   \n");
    expect(empty.stderr).toContain("refused: body: body is empty");
    expect(readdirSync(dir).sort()).toEqual(before);
  });

  it("exits 2 when required options are missing, and 1 for an unreadable file", () => {
    const dir = tempKnowledge();
    const r = cli([
      "ingest",
      "x.txt",
      "--knowledge",
      dir,
      "--outlet",
      "T",
      "--published",
      "2025-01-01",
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("ingest needs --headline");
    const missing = cli([
      "ingest",
      join(dir, "nope.txt"),
      "--knowledge",
      dir,
      "--headline",
      "H",
      "--outlet",
      "T",
      "--published",
      "2025-01-01",
    ]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("cannot read");
    expect(existsSync(join(dir, "2025-01-01-h.md"))).toBe(false);
  });
});

describe("cli: check covers the data files", () => {
  it("lists problems in synonyms.yml, sectors.yml and aliases.yml by file and field", () => {
    const dir = tempKnowledge();
    writeFileSync(join(dir, "synonyms.yml"), "groups:\n  - [lonely]\n");
    writeFileSync(join(dir, "sectors.yml"), "not: [valid\n");
    writeFileSync(join(dir, "aliases.yml"), "people:\n  - name: 42\n");
    const r = cli(["check", "--knowledge", dir, "--json"]);
    expect(r.code).toBe(1);
    const files = json<{ problems: { file: string; field: string }[] }>(r).problems.map(
      (p) => p.file,
    );
    expect([...new Set(files)].sort()).toEqual(["aliases.yml", "sectors.yml", "synonyms.yml"]);
  });
});
