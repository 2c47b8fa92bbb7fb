/** `dates <text…> --published DATE` through a child process, as an editor runs it. */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import type { DateExpr } from "../../src/extract/dates/types.ts";
import { cleanEnv, cli, json } from "../helpers/cli.ts";
import { PROJECT } from "../helpers/knowledge.ts";

const TEXT =
  "Carney will sit down with Trump Tuesday. LeBlanc said in question period Monday. Comments are due Nov. 1.";

describe("cli: dates", () => {
  it("prints each phrase with { text, start, end, value, precision } as JSON", () => {
    const r = cli(["dates", TEXT, "--published", "2025-10-06", "--json"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const found = json<DateExpr[]>(r);
    expect(found.map((d) => [d.text, d.value, d.precision])).toEqual([
      ["Tuesday", "2025-10-07", "day"],
      ["Monday", "2025-10-06", "day"],
      ["Nov. 1", "2025-11-01", "day"],
    ]);
    for (const d of found) expect(TEXT.slice(d.start, d.end)).toBe(d.text);
  });

  it("keeps a weekday unresolved against a month-only publication date, saying why", () => {
    const found = json<DateExpr[]>(
      cli(["dates", "Carney", "said", "Tuesday", "--published", "2025-10", "--json"]),
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ text: "Tuesday", value: null, precision: "day" });
    expect(found[0]?.note).toContain("month only");
  });

  it("prints one readable line per phrase without --json", () => {
    const r = cli(["dates", "The review starts next year.", "--published", "2025-10-06"]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(
      "“next year” [18-27] → 2026 (year, relative): 2026 (year); read as future",
    );
  });

  it("works through npm run, the documented way", () => {
    const r = spawnSync(
      "npm",
      [
        "run",
        "--silent",
        "cli",
        "--",
        "dates",
        "in two weeks",
        "--published",
        "2026-03-04",
        "--json",
      ],
      {
        cwd: PROJECT,
        env: cleanEnv(),
        encoding: "utf8",
      },
    );
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      {
        text: "in two weeks",
        start: 0,
        end: 12,
        value: "2026-03-18",
        precision: "day",
        direction: "future",
        rule: "relative",
      },
    ]);
  });

  it("gives the same answer in every time zone (calendar days, from the start of the publication day)", () => {
    const args = [
      "dates",
      "They met yesterday and will meet again on Dec. 2 and next Wednesday.",
      "--published",
      "2025-10-06",
      "--json",
    ];
    const east = cli(args, { TZ: "Pacific/Kiritimati" });
    const west = cli(args, { TZ: "Pacific/Pago_Pago" });
    expect(east.code).toBe(0);
    expect(east.stdout).toBe(west.stdout);
    expect(json<DateExpr[]>(east).map((d) => d.value)).toEqual([
      "2025-10-05",
      "2025-12-02",
      "2025-10-15",
    ]);
  });

  it("refuses a bad --published with exit 2, naming the option", () => {
    const r = cli(["dates", "Tuesday", "--published", "2025-13-01"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(
      '--published must be a date as YYYY-MM-DD, YYYY-MM or YYYY, not "2025-13-01"',
    );
  });

  it("asks for --published and for a text", () => {
    const noDate = cli(["dates", "Tuesday"]);
    expect(noDate.code).toBe(2);
    expect(noDate.stderr).toContain("dates needs --published DATE");
    const noText = cli(["dates", "--published", "2025-10-06"]);
    expect(noText.code).toBe(2);
    expect(noText.stderr).toContain("dates needs a text");
  });
});
