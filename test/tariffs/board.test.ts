/** The status board and the overview, through ask() as every front end calls it. */
import { describe, expect, it } from "vitest";
import { ask } from "../../src/answer/router.ts";
import type { Answer, AnswerItem } from "../../src/answer/types.ts";
import { BASES } from "../../src/extract/tariffs/basis.ts";
import { findSectorMentions } from "../../src/extract/tariffs/sectors.ts";
import { DEFAULT_VOCABULARY } from "../../src/extract/tariffs/sectors-default.ts";
import { bundledKb } from "../helpers/knowledge.ts";

const kb = bundledKb();
const now = new Date("2026-11-21T12:00:00Z");
const run = (q: string): Answer => ask({ kb, now }, q);
const TECH = "2025-09-05-technical-talks-sectoral-tariffs";
const CBC = "2025-10-06-carney-white-house-tariff-relief";
const section = (a: Answer, name: string) => a.items.filter((i) => i.section === name);
const numbers = (t: string) => [...t.matchAll(/(?<![\d.])\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));

/** A label may state only what its cited sentence states: its figures, its sector, its basis. */
function expectHonestLabel(item: AnswerItem): void {
  const snippet = item.citations[0]?.snippet ?? "";
  for (const n of numbers(item.text))
    expect(numbers(snippet), `${item.text} ← ${snippet}`).toContain(n);
  const sector = DEFAULT_VOCABULARY.sectors.find((s) => item.text.startsWith(`${s.name} — `));
  expect(sector, item.text).toBeDefined();
  const named = findSectorMentions(snippet, DEFAULT_VOCABULARY).map((m) => m.sector.key);
  expect(named, `${item.text} ← ${snippet}`).toContain(sector?.key);
  for (const b of BASES)
    if (item.text.includes(b.basis)) expect(snippet).toMatch(new RegExp(b.re.source, "i"));
}

function expectCitedVerbatim(a: Answer): void {
  for (const item of a.items) {
    expect(item.citations.length).toBeGreaterThan(0);
    for (const c of item.citations)
      expect(c.snippet).toBe(kb.get(c.articleId)?.body.slice(c.start, c.end));
    if (item.kind === "snippet") expect(item.text).toBe(item.citations[0]?.snippet);
    if (item.kind === "label") expectHonestLabel(item);
  }
}

describe("ask <sector>: the status board", () => {
  it("steel leads with the 50% U.S. tariff, shows Section 232 and Canada's counter-tariffs, each cited", () => {
    const a = run("steel");
    expect(a.intent).toBe("tariffs");
    const current = section(a, "Current");
    expect(current[0]).toMatchObject({ kind: "label", text: "Steel — U.S. on Canada: 50%" });
    expect(current[0]?.citations[0]?.articleId).toBe(TECH);
    expect(current[0]?.note).toContain("basis not named in this sentence");
    // The sentence behind the label follows it, verbatim.
    expect(current[1]?.text).toContain("which include a 50% rate on Canadian steel and aluminum");
    const s232 = current.find((i) => i.note?.includes("Section 232"));
    expect(s232?.citations[0]?.articleId).toBe(CBC);
    expect(s232?.text).toContain("Section 232 tariffs on goods like steel and aluminum");
    const counter = current.find((i) => i.note?.startsWith("Canada on U.S."));
    expect(counter?.text).toContain("Canada maintains counter-tariffs on U.S. steel");
    expect(counter?.note).toContain("rate not stated in coverage");
    expect(section(a, "Timeline").length).toBeGreaterThan(3);
    const sections = a.items.map((i) => i.section);
    expect(sections.lastIndexOf("Current")).toBeLessThan(sections.indexOf("Timeline"));
    expectCitedVerbatim(a);
  });

  it("answers the same shape for aluminum, aluminium, autos, lumber and trucks", () => {
    expect(section(run("aluminium"), "Current")[0]?.text).toBe("Aluminum — U.S. on Canada: 50%");
    for (const q of ["autos", "lumber"]) {
      const a = run(q);
      expect(a.intent, q).toBe("tariffs");
      expect(
        a.items.every((i) => i.kind === "snippet"),
        q,
      ).toBe(true);
      expect(a.notice, q).toContain("U.S. measures on");
      expect(a.notice, q).toContain("rate not stated in coverage");
      expectCitedVerbatim(a);
    }
    expect(section(run("lumber"), "Current")[0]?.note).toMatch(
      /Section 232 · announced · rate not stated in coverage/,
    );
    const trucks = run("trucks");
    expect(trucks.items).toHaveLength(1);
    expect(trucks.items[0]?.text).toContain(
      "Trump promised new tariffs on medium- and heavy-duty truck imports",
    );
    expect(trucks.items[0]?.note).toBe(
      "U.S. on Canada · announced · rate not stated in coverage · as of Oct. 6, 2025",
    );
  });

  it("accepts the usual ways of naming a sector", () => {
    for (const q of [
      "tariffs on steel",
      "steel tariffs",
      "Steel?",
      "what are the tariffs on steel?",
      "U.S. steel duties",
    ]) {
      expect(run(q).title, q).toBe(
        "Tariffs: Steel. Current measures first, then changes, newest first",
      );
    }
    expect(run("counter-tariffs").items[0]?.note).toMatch(/^Canada on U.S. · lifted/);
    expect(run("fentanyl").items[0]?.text).toBe(
      "Fentanyl tariffs (economy-wide) — U.S. on Canada: 25%",
    );
  });

  it("leaves questions that are not a sector to the other intents", () => {
    expect(run("what's the latest on the CUSMA review?").intent).toBe("latest");
    expect(run("news on steel").intent).toBe("latest");
    for (const q of ["hockey", "what did Hoekstra say", "steel mills in Hamilton", "Carney"]) {
      expect(["tariffs", "overview"], q).not.toContain(run(q).intent);
    }
  });

  it("shows both CUSMA coverage figures, each cited and dated, and says they differ", () => {
    const a = run("non-CUSMA-compliant goods");
    expect(section(a, "Current")[0]?.text).toBe(
      "Non-CUSMA-compliant goods — U.S. on Canada: 35% (raised)",
    );
    expect(section(a, "Current")[0]?.note).toContain("as of Aug. 2025");
    const coverage = section(a, "Agreement coverage");
    expect(coverage.map((i) => i.note)).toEqual([
      "USMCA: more than 85% · Oct. 2025 (day not known)",
      "CUSMA: up to 95% · Sept. 5, 2025",
    ]);
    expect(coverage[1]?.text).toContain("which covers up to 95% of Canadian exports");
    expect(a.notice).toContain(
      "Coverage figures differ between articles (more than 85% vs up to 95%)",
    );
    expectCitedVerbatim(a);
  });

  it("says so when a sector has no facts", () => {
    const a = run("copper");
    expect(a.items).toEqual([]);
    expect(a.notice).toBe("No tariff facts about copper in the 5 articles.");
  });
});

describe("overview", () => {
  it("/tariffs alone and `overview` list one line per sector, then how to ask more", () => {
    for (const q of ["", "/tariffs", "overview"]) expect(run(q).intent, q).toBe("overview");
    const a = run("/tariffs");
    const lines = a.items.map((i) => `${i.text} | ${i.note}`);
    expect(lines.slice(0, 3)).toEqual([
      "Steel — U.S. on Canada: 50% | latest update Oct. 6, 2025",
      "Aluminum — U.S. on Canada: 50% | latest update Oct. 6, 2025",
      "Autos — U.S. on Canada: in force, rate not stated in coverage | latest update Oct. 6, 2025",
    ]);
    expect(lines).toContain(
      "Non-CUSMA-compliant goods — U.S. on Canada: 35% (raised) | latest update Aug. 2025 (day not known)",
    );
    expect(lines).toContain(
      "Trucks — U.S. on Canada: announced, rate not stated in coverage | latest update Oct. 6, 2025",
    );
    expect(a.items.every((i) => i.kind === "label")).toBe(true);
    expect(a.notice).toMatch(/^Ask about one sector .* “\/tariffs steel”/);
    expect(a.notice).toContain("No tariff facts in the coverage yet for: copper, energy, dairy.");
    expectCitedVerbatim(a);
  });
});
