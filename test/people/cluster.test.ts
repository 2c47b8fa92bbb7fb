/**
 * The joining rules the people directory relies on, on hand-made mentions: the rewrite over
 * member indices (issue 9) must give exactly these groups, in order of their first member.
 */
import { describe, expect, it } from "vitest";
import type { Entity } from "../../src/extract/quotes/coref.ts";
import type { AliasEntry } from "../../src/people/aliases.ts";
import { cluster } from "../../src/people/cluster.ts";

const person = (name: string): Entity => {
  const parts = name.split(" ");
  const e: Entity = {
    id: 0,
    kind: "person",
    name,
    forms: [name, 1],
    surname: (parts[parts.length - 1] as string).toLowerCase(),
    roles: [],
    spoke: true,
  };
  if (parts.length > 1) e.firstName = parts[0] as string;
  return e;
};
const other = (kind: "org" | "anonymous", name: string): Entity => ({
  id: 0,
  kind,
  name,
  forms: [name, 1],
  roles: [],
  spoke: false,
});

/** The groups as lists of member names, in the order cluster numbers them. */
function groups(members: Entity[], entries: AliasEntry[] = []): string[][] {
  const c = cluster(members, entries);
  const out: string[][] = [];
  for (let g = 0; g + 1 < c.start.length; g++) {
    const list: string[] = [];
    for (let k = c.start[g] as number; k < (c.start[g + 1] as number); k++) {
      const m = c.order[k] as number;
      expect(c.groupOf[m]).toBe(g);
      list.push((members[m] as Entity).name);
    }
    out.push(list);
  }
  return out;
}

describe("cluster", () => {
  it("joins a bare surname to the one full name with it, and nicknames and initials", () => {
    const members = ["Rosalind Vetch", "Bill Stavros", "Vetch", "William Stavros", "W. Stavros"];
    expect(groups(members.map(person))).toEqual([
      ["Rosalind Vetch", "Vetch"],
      ["Bill Stavros", "William Stavros", "W. Stavros"],
    ]);
  });

  it("keeps a bare surname apart when two people share it, and joins bare-only mentions", () => {
    const members = ["Tobias Quarrel", "Quarrel", "Imre Quarrel", "Fenwright", "Fenwright"];
    expect(groups(members.map(person))).toEqual([
      ["Tobias Quarrel"],
      ["Quarrel"],
      ["Imre Quarrel"],
      ["Fenwright", "Fenwright"],
    ]);
  });

  it("never joins a first name that spells nothing comparable, so a bare mention stays apart", () => {
    const members = ["李 Wen", "李 Wen", "Wen"];
    expect(groups(members.map(person))).toEqual([["李 Wen"], ["李 Wen"], ["Wen"]]);
    expect(groups(["李 Wen", "Wen", "Wen"].map(person))).toEqual([["李 Wen", "Wen", "Wen"]]);
  });

  it("joins organizations by folded name and never anonymous sources", () => {
    const members = [
      other("org", "Harbor Freight Council"),
      other("anonymous", "a port official"),
      other("org", "harbor freight council"),
      other("anonymous", "a port official"),
    ];
    expect(groups(members)).toEqual([
      ["Harbor Freight Council", "harbor freight council"],
      ["a port official"],
      ["a port official"],
    ]);
  });

  it("joins the alias file's names across surnames and gives the group its display name", () => {
    const members = ["Maren Tillbrook", "Jonas Erde", "Maren Ostrova", "Tillbrook"].map(person);
    const entries = [{ name: "Maren Ostrova", aliases: ["Dr. Maren Tillbrook"] }];
    const c = cluster(members, entries);
    expect(groups(members, entries)).toEqual([
      ["Maren Tillbrook", "Maren Ostrova", "Tillbrook"],
      ["Jonas Erde"],
    ]);
    expect([...c.display]).toEqual([
      [0, { name: "Maren Ostrova", aliases: ["Dr. Maren Tillbrook"] }],
    ]);
  });
});
