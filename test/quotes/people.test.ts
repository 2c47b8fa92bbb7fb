/**
 * The people directory: one person across articles, automatic name matching, roles as written,
 * anonymous sources kept apart, and the editable alias file (good and bad).
 */
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openKnowledge } from "../../src/knowledge/open.ts";
import { allQuotes, closestNames, directory, findPeople } from "../../src/people/directory.ts";
import { bundledKb, tempKnowledge } from "../helpers/knowledge.ts";

describe("people directory on the bundled knowledge", () => {
  const d = directory(bundledKb());
  const named = (name: string) => d.people.find((p) => p.name === name);

  it("joins Pete Hoekstra, Peter Hoekstra and Hoekstra into one person with all four quotes", () => {
    const hoekstra = findPeople(d, "Hoekstra");
    expect(hoekstra).toHaveLength(1);
    expect(hoekstra[0]?.name).toBe("Pete Hoekstra"); // the alias file's display name
    expect(hoekstra[0]?.aliases).toEqual(expect.arrayContaining(["Peter Hoekstra", "Hoekstra"]));
    expect(hoekstra[0]?.quotes).toBe(4);
    expect(hoekstra[0]?.roles).toEqual(["U.S. Ambassador to Canada"]);
    expect(findPeople(d, "Peter Hoekstra")).toEqual(hoekstra);
  });

  it("joins Mark Carney, Carney and Prime Minister Mark Carney across articles", () => {
    const carney = findPeople(d, "Prime Minister Mark Carney");
    expect(carney.map((p) => p.name)).toEqual(["Mark Carney"]);
    expect(findPeople(d, "carney")).toEqual(carney);
    expect(carney[0]?.roles).toContain("Prime Minister");
    expect(carney[0]?.articles.length).toBeGreaterThanOrEqual(4);
  });

  it("keeps the roles each article gives", () => {
    expect(named("Dominic LeBlanc")?.roles).toEqual(
      expect.arrayContaining([
        "Canada-U.S. Trade Minister",
        "Trade minister",
        "point person for Canada-U.S. trade relations",
      ]),
    );
    expect(named("Laura Dawson")?.roles).toContain(
      "executive director of the Future Borders Coalition",
    );
    expect(named("Kirsten Hillman")?.roles).toContain("Canadian Ambassador to the U.S.");
  });

  it("keeps the anonymous source as its description, never joined to a named person", () => {
    const source = named("a senior Canadian government source");
    expect(source).toMatchObject({ kind: "anonymous", aliases: [], quotes: 12 });
    expect(findPeople(d, "the government source")).toEqual([source]);
    for (const p of d.people.filter((x) => x.kind === "person"))
      expect(p.aliases.join(" ")).not.toMatch(/source/);
  });

  it("suggests the closest names for one it does not know", () => {
    expect(findPeople(d, "Hokestra")).toEqual([]);
    expect(closestNames(d, "Hokestra")[0]).toBe("Pete Hoekstra");
  });
});

describe("aliases.yml", () => {
  it("without the file, names still join automatically (Peter, the most used form, is shown)", () => {
    const dir = tempKnowledge();
    rmSync(join(dir, "aliases.yml"));
    const d = directory(openKnowledge(dir));
    const p = findPeople(d, "Pete Hoekstra");
    expect(p.map((x) => x.name)).toEqual(["Peter Hoekstra"]);
    expect(p[0]?.aliases).toEqual(expect.arrayContaining(["Pete Hoekstra", "Hoekstra"]));
    expect(d.problems).toEqual([]);
  });

  it("an entry joins names and sets the name shown, for people and for their quotes", () => {
    const dir = tempKnowledge();
    writeFileSync(
      join(dir, "aliases.yml"),
      "people:\n  - name: Donald J. Trump\n    aliases: [Donald Trump]\n",
    );
    const d = directory(openKnowledge(dir));
    expect(findPeople(d, "Trump").map((p) => p.name)).toEqual(["Donald J. Trump"]);
    expect(allQuotes(d).filter((q) => q.speaker === "Donald J. Trump").length).toBe(5);
  });

  it("a bad file is reported naming the file and the field, and the directory still works", () => {
    const dir = tempKnowledge();
    writeFileSync(
      join(dir, "aliases.yml"),
      "people:\n  - name: ''\n    aliases: [Someone]\n  - nam: Typo\n",
    );
    const d = directory(openKnowledge(dir));
    expect(d.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          file: "aliases.yml",
          field: "people.0.name",
          message: "must not be empty",
        }),
        expect.objectContaining({ file: "aliases.yml", field: "people.1" }),
      ]),
    );
    expect(findPeople(d, "Hoekstra")).toHaveLength(1);
    expect(d.quoteCount).toBe(50);
  });

  it("unreadable YAML is one problem naming the file", () => {
    const dir = tempKnowledge();
    writeFileSync(join(dir, "aliases.yml"), "people: [unclosed\n");
    const d = directory(openKnowledge(dir));
    expect(d.problems).toEqual([expect.objectContaining({ file: "aliases.yml", field: "file" })]);
  });
});
