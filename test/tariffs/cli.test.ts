/** `tariffs [sector] [--json]` through a child process, as scripts and the desk run it. */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { TariffFact } from "../../src/extract/tariffs/facts.ts";
import { cleanEnv, cli, json } from "../helpers/cli.ts";
import { PROJECT, tempKnowledge } from "../helpers/knowledge.ts";

describe("cli: tariffs", () => {
  it("npm run --silent cli -- tariffs steel --json prints only the steel facts as JSON", () => {
    const r = spawnSync("npm", ["run", "--silent", "cli", "--", "tariffs", "steel", "--json"], {
      cwd: PROJECT,
      env: cleanEnv(),
      encoding: "utf8",
    });
    expect(r.status).toBe(0);
    const facts = json<TariffFact[]>({ code: r.status, stdout: r.stdout, stderr: r.stderr });
    expect(facts.length).toBeGreaterThan(5);
    expect(facts.every((f) => f.sector === "steel")).toBe(true);
    const rated = facts.filter((f) => f.rate !== null);
    expect(rated).toHaveLength(1);
    expect(Object.keys(rated[0] as object).sort()).toEqual(
      [
        "sector",
        "rate",
        "imposedBy",
        "on",
        "basis",
        "status",
        "asOf",
        "asOfFrom",
        "articleId",
        "snippet",
        "start",
        "end",
      ].sort(),
    );
    expect(rated[0]).toMatchObject({
      rate: 50,
      imposedBy: "US",
      on: "CA",
      basis: null,
      status: "in force",
      asOf: { value: "2025-09-05", precision: "day" },
      articleId: "2025-09-05-technical-talks-sectoral-tariffs",
    });
    expect(facts.some((f) => f.imposedBy === "CA" && f.basis === "counter-tariffs")).toBe(true);
  });

  it("resolves synonyms and lists every sector's facts without one", () => {
    const alu = json<TariffFact[]>(cli(["tariffs", "aluminium", "--json"]));
    expect(alu.every((f) => f.sector === "aluminum")).toBe(true);
    const all = json<TariffFact[]>(cli(["tariffs", "--json"]));
    expect(new Set(all.map((f) => f.sector))).toEqual(
      new Set([
        "steel",
        "aluminum",
        "autos",
        "lumber",
        "trucks",
        "furniture",
        "non-cusma",
        "fentanyl",
        "counter-tariffs",
        "digital-services-tax",
      ]),
    );
  });

  it("prints readable lines without --json", () => {
    const r = cli(["tariffs", "non-cusma"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      "Aug. 2025 (day not known) · non-cusma · US on CA · 35% · raised · basis not named",
    );
    expect(r.stdout).toContain(
      "which were raised to 35% on non-CUSMA-compliant Canadian goods in August 2025",
    );
  });

  it("refuses an unknown sector, listing the known ones, with exit 1", () => {
    const r = cli(["tariffs", "hockey", "--json"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(
      'unknown sector "hockey". Known sectors: steel, aluminum, autos, lumber, copper',
    );
  });

  it("warns on stderr about a bad sectors.yml and answers with the built-in list", () => {
    const dir = tempKnowledge();
    writeFileSync(join(dir, "sectors.yml"), "sectors:\n  steel:\n    name: Steel\n");
    const r = cli(["tariffs", "steel", "--json", "--knowledge", dir]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("warning: sectors.yml: sectors.steel.synonyms:");
    expect(r.stderr).toContain("using the built-in sector list");
    expect(json<TariffFact[]>(r).some((f) => f.rate === 50)).toBe(true);
  });
});
