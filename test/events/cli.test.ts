/** `events [--upcoming] [--from DATE] [--to DATE] [--json]` through a child process. */
import { describe, expect, it } from "vitest";
import type { EventWithStatus } from "../../src/extract/events/types.ts";
import { cli, json } from "../helpers/cli.ts";
import { FIXTURES } from "./gold.ts";

describe("cli: events", () => {
  it("lists every event with its status against --now, in date order, as JSON", () => {
    const r = cli(["events", "--now", "2025-10-06", "--json"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const list = json<EventWithStatus[]>(r);
    const firsts = list.map((e) => e.first);
    expect(firsts).toEqual([...firsts].sort());
    const meeting = list.find((e) => e.date === "2025-10-07");
    expect(meeting).toMatchObject({
      precision: "day",
      kind: "meeting",
      status: "upcoming",
      place: "White House",
    });
    expect(Object.keys(meeting ?? {})).toEqual(
      expect.arrayContaining([
        "date",
        "precision",
        "kind",
        "what",
        "participants",
        "place",
        "articleId",
        "start",
        "end",
        "status",
        "mentions",
      ]),
    );
    expect(list.find((e) => e.date === "2025-09-18")).toMatchObject({
      endDate: "2025-09-19",
      status: "past",
    });
  });

  it("--upcoming drops the past; on the real date only the 2026 review is left, dated to this year", () => {
    const before = json<EventWithStatus[]>(
      cli(["events", "--upcoming", "--now", "2025-10-06", "--json"]),
    );
    expect(before.every((e) => e.status !== "past")).toBe(true);
    expect(before.map((e) => e.date)).toEqual(
      expect.arrayContaining(["2025-10-07", "2025-11-01", "2026"]),
    );
    const now = json<EventWithStatus[]>(
      cli(["events", "--upcoming", "--now", "2026-11-21", "--json"]),
    );
    expect(now.map((e) => [e.date, e.status])).toEqual([["2026", "today"]]);
  });

  it("--from and --to keep the events whose days overlap the range (a month stands for all its days)", () => {
    const list = json<EventWithStatus[]>(
      cli(["events", "--from", "2025-09-16", "--to", "2025-09", "--json"]),
    );
    expect(list.map((e) => e.date)).toEqual([
      "2025-09-15",
      "2025-09-16",
      "2025-09-18",
      "2025-09-29",
    ]);
  });

  it("prints a readable block per event, with each reporting sentence and article", () => {
    const r = cli([
      "events",
      "--knowledge",
      FIXTURES,
      "--from",
      "2026-03-11",
      "--to",
      "2026-03-11",
      "--now",
      "2026-03-04",
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      "Wed March 11, 2026 · upcoming · meeting · Priya Valdane, Tomas Okafor · in/at Lisbon\n" +
        "    “Agriculture Minister Priya Valdane will meet her Brazilian counterpart, Tomas Okafor, next Wednesday in Lisbon to discuss dairy quotas.” — fixture-dairy-quota-talks (“next Wednesday”)\n",
    );
  });

  it("refuses bad dates with exit 2, naming the option", () => {
    const bad = cli(["events", "--from", "last week"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      '--from must be a date as YYYY-MM-DD, YYYY-MM or YYYY, not "last week"',
    );
    const reversed = cli(["events", "--from", "2026-01-01", "--to", "2025-01"]);
    expect(reversed.code).toBe(2);
    expect(reversed.stderr).toContain("--from (2026-01-01) is after --to (2025-01)");
  });
});
