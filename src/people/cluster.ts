/**
 * Joining the article entities into people: by surname and first name, then by the alias file.
 * It runs over every mention in the corpus (millions at archive scale), so it works on member
 * indices in typed arrays and does each name comparison once per distinct name, not per mention
 * (issue 9).
 */
import { type Entity, eachForm } from "../extract/quotes/coref.ts";
import { ITEMS_PER_STEP, runSteps, type Steps, stepDone } from "../knowledge/steps.ts";
import type { AliasEntry } from "./aliases.ts";
import { bareName, fold } from "./names.ts";
import { sameFirstName } from "./nicknames.ts";

export interface Clusters {
  /** Group of each member; groups are numbered in order of their first member. */
  groupOf: Int32Array;
  /** Members of group g are `order[start[g]]` … `order[start[g + 1] - 1]`, in member order. */
  order: Int32Array;
  start: Int32Array;
  /** The alias file's display name and extra aliases, by group, when an entry joined it. */
  display: Map<number, { name: string; aliases: string[] }>;
}

/** One surname's people: the first member per first name as written, and its bare mentions. */
interface Surname {
  /** First member index per first name; equal names are one first name unless it folds to nothing. */
  byFirst: Map<string, number>;
  /** Members whose first name folds to nothing: `sameFirstName` joins them to no one. */
  loners: number;
  lonerIndex: number;
  bare: number[];
}

export function cluster(members: readonly Entity[], entries: readonly AliasEntry[]): Clusters {
  return runSteps(clusterInSteps(members, entries));
}

export function* clusterInSteps(
  members: readonly Entity[],
  entries: readonly AliasEntry[],
): Steps<Clusters> {
  const n = members.length;
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  const union = (a: number, b: number) => {
    parent[find(a)] = find(b);
  };
  const surnames = new Map<string | undefined, Surname>();
  const firstOrg = new Map<string, number>();
  const orgOfRaw = new Map<string, number>();
  const joinsItself = new Map<string, boolean>();
  // Each entry's names looked up by bare form, so every mention is read once, not once per entry.
  const entriesOf = new Map<string, number[]>();
  entries.forEach((entry, e) => {
    for (const name of [entry.name, ...entry.aliases]) {
      const list = entriesOf.get(bareName(name)) ?? [];
      if (!list.includes(e)) list.push(e);
      entriesOf.set(bareName(name), list);
    }
  });
  const hitsOf = entries.map(() => [] as number[]);
  // Raw names repeat across articles, so each is reduced to its bare form once.
  const entriesOfRaw = new Map<string, number[] | null>();
  const hit = (form: string, i: number) => {
    let matched = entriesOfRaw.get(form);
    if (matched === undefined) {
      matched = entriesOf.get(bareName(form)) ?? null;
      entriesOfRaw.set(form, matched);
    }
    if (!matched) return;
    for (const e of matched) {
      const hits = hitsOf[e] as number[];
      if (hits[hits.length - 1] !== i) hits.push(i);
    }
  };
  // A new member is still alone, so joining it is one parent write.
  for (let i = 0; i < n; i++) {
    const m = members[i] as Entity;
    if (m.kind === "org") {
      const rep = orgOfRaw.get(m.name);
      if (rep !== undefined) parent[i] = rep;
      else {
        const name = fold(m.name);
        const folded = firstOrg.get(name);
        if (folded === undefined) firstOrg.set(name, i);
        else parent[i] = folded;
        orgOfRaw.set(m.name, folded ?? i);
      }
      continue;
    }
    if (m.kind !== "person") continue;
    let s = surnames.get(m.surname);
    if (!s) {
      s = { byFirst: new Map(), loners: 0, lonerIndex: -1, bare: [] };
      surnames.set(m.surname, s);
    }
    const f = m.firstName;
    if (!f) s.bare.push(i);
    else {
      const rep = s.byFirst.get(f);
      if (rep !== undefined) parent[i] = rep;
      else {
        let joins = joinsItself.get(f);
        if (joins === undefined) {
          joins = sameFirstName(f, f);
          joinsItself.set(f, joins);
        }
        if (joins) s.byFirst.set(f, i);
        else {
          s.loners++;
          s.lonerIndex = i;
        }
      }
    }
    if (entriesOf.size) {
      // Entities whose only form is their name, written once, carry no forms list.
      eachForm(m, (form) => hit(form, i));
      hit(m.name, i);
    }
    if (stepDone(i)) yield;
  }
  let done = 0;
  for (const s of surnames.values()) {
    // The distinct first names compared pairwise: few per surname, however often each is mentioned.
    const names = [...s.byFirst];
    for (let a = 0; a < names.length; a++) {
      for (let b = a + 1; b < names.length; b++) {
        const [fa, ia] = names[a] as [string, number];
        const [fb, ib] = names[b] as [string, number];
        if (sameFirstName(fa, fb)) union(ia, ib);
      }
    }
    // A bare surname joins the one full name with that surname, if there is exactly one
    // (joining a bare name to it leaves the full names' groups as they are).
    const roots = new Set<number>();
    for (const [, i] of names) roots.add(find(i));
    const full = roots.size + s.loners;
    const target =
      full === 0 ? s.bare[0] : full > 1 ? undefined : s.loners ? s.lonerIndex : [...roots][0];
    if (target !== undefined) for (const i of s.bare) union(i, target);
    done += 1 + names.length + s.bare.length;
    if (done >= ITEMS_PER_STEP) {
      done = 0;
      yield;
    }
  }
  const displayAt = new Map<number, AliasEntry>();
  entries.forEach((entry, e) => {
    const hits = hitsOf[e] as number[];
    for (const h of hits) union(h, hits[0] as number);
    if (hits[0] !== undefined) displayAt.set(hits[0], entry);
  });
  return yield* groupsOf(find, n, displayAt);
}

/** Numbers the groups in order of their first member and lists each group's members. */
function* groupsOf(
  find: (i: number) => number,
  n: number,
  displayAt: Map<number, AliasEntry>,
): Steps<Clusters> {
  const groupOf = new Int32Array(n);
  const groupOfRoot = new Int32Array(n).fill(-1);
  let groups = 0;
  for (let i = 0; i < n; i++) {
    const root = find(i);
    let g = groupOfRoot[root] as number;
    if (g < 0) g = groupOfRoot[root] = groups++;
    groupOf[i] = g;
    if (stepDone(i)) yield;
  }
  const start = new Int32Array(groups + 1);
  for (let i = 0; i < n; i++) {
    const g = (groupOf[i] as number) + 1;
    start[g] = (start[g] as number) + 1;
  }
  for (let g = 0; g < groups; g++) start[g + 1] = (start[g + 1] as number) + (start[g] as number);
  const next = start.slice(0, groups);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const g = groupOf[i] as number;
    order[next[g] as number] = i;
    next[g] = (next[g] as number) + 1;
    if (stepDone(i)) yield;
  }
  const display = new Map<number, { name: string; aliases: string[] }>();
  for (const [i, entry] of displayAt) {
    const g = groupOf[i] as number;
    const d = display.get(g) ?? { name: entry.name, aliases: [] };
    d.name = entry.name;
    d.aliases.push(...entry.aliases);
    display.set(g, d);
  }
  return { groupOf, order, start, display };
}
