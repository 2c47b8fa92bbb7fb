/**
 * The people directory: one entry per real person across all articles, joined automatically by
 * name (a bare surname joins the one full name that has it, "Pete" joins "Peter") and by the
 * desk's alias file. Anonymous sources stay one entry per article and are never joined to a
 * named person; organizations are joined by name. It also gives every quote its canonical
 * speaker, so the CLI and `ask` agree on who said what.
 */

import type { Entity } from "../extract/quotes/coref.ts";
import { articleQuotes } from "../extract/quotes/extract.ts";
import type { ExtractedQuote } from "../extract/quotes/types.ts";
import type { Problem } from "../knowledge/article.ts";
import type { KnowledgeBase } from "../knowledge/base.ts";
import { type AliasEntry, aliasesStamp, loadAliases } from "./aliases.ts";
import { bareName, distance, fold, nameMatches } from "./names.ts";
import { sameFirstName } from "./nicknames.ts";

export interface Person {
  id: string;
  name: string;
  kind: "person" | "anonymous" | "organization";
  /** Every other name the articles (and the alias file) use for this person. */
  aliases: string[];
  /** Roles as the articles give them, newest article first. */
  roles: string[];
  quotes: number;
  /** Articles that quote or mention them, newest first. */
  articles: string[];
}

/** A quote with its speaker as the directory names them. */
export interface QuoteRecord {
  /** Canonical name, an anonymous source's description, or null when unattributed. */
  speaker: string | null;
  /** The speaker's role(s) as this article gives them, or null. */
  role: string | null;
  text: string;
  kind: "direct" | "partial";
  articleId: string;
  published: string;
  start: number;
  end: number;
  person?: Person;
  /** Where the article shows the speaker through to the quote's sentence end. */
  context: { start: number; end: number };
}

export interface Directory {
  people: Person[];
  /** Every quote in the knowledge, newest article first, in reading order within an article. */
  quotes: QuoteRecord[];
  problems: Problem[];
}

interface Member {
  articleId: string;
  entity: Entity;
}

export function directory(kb: KnowledgeBase): Directory {
  const dir = kb.options.dir;
  return kb.derived(`people:${aliasesStamp(dir)}`, () => buildDirectory(kb, loadAliases(dir)));
}

function buildDirectory(kb: KnowledgeBase, aliases: ReturnType<typeof loadAliases>): Directory {
  const members: Member[] = [];
  const quoted = new Map<Entity, ExtractedQuote[]>();
  const perArticle = kb.articles().map((a) => ({ article: a, aq: articleQuotes(kb, a) }));
  for (const { article, aq } of perArticle) {
    for (const e of aq.entities) members.push({ articleId: article.id, entity: e });
    for (const q of aq.quotes) {
      if (!q.speaker) continue;
      const list = quoted.get(q.speaker);
      if (list) list.push(q);
      else quoted.set(q.speaker, [q]);
    }
  }
  const groups = cluster(members, aliases.entries);
  const people: Person[] = [];
  const personOf = new Map<Entity, Person>();
  for (const g of groups) {
    const count = g.members.reduce((n, m) => n + (quoted.get(m.entity)?.length ?? 0), 0);
    const first = g.members[0]?.entity as Entity;
    const qualifies =
      count > 0 ||
      (first.kind === "person" &&
        g.members.some((m) => m.entity.spoke && (m.entity.firstName || m.entity.roles.length)));
    if (!qualifies) continue;
    const p = toPerson(g, count);
    people.push(p);
    for (const m of g.members) personOf.set(m.entity, p);
  }
  const quotes: QuoteRecord[] = perArticle.flatMap(({ article, aq }) =>
    aq.quotes.map((q) => {
      const person = q.speaker ? personOf.get(q.speaker) : undefined;
      const r: QuoteRecord = {
        speaker: person?.name ?? q.speaker?.name ?? null,
        role: q.speaker?.roles.length ? q.speaker.roles.join("; ") : null,
        text: q.text,
        kind: q.kind,
        articleId: article.id,
        published: article.published.value,
        start: q.start,
        end: q.end,
        context: q.context,
      };
      if (person) r.person = person;
      return r;
    }),
  );
  people.sort((a, b) => b.quotes - a.quotes || a.name.localeCompare(b.name));
  return { people, quotes, problems: aliases.problems };
}

interface Group {
  members: Member[];
  /** The alias file's display name, when an entry joined this group. */
  display?: string;
  extraAliases: string[];
}

/** Joins the article entities into people: by surname and first name, then by the alias file. */
function cluster(members: Member[], entries: AliasEntry[]): Group[] {
  const parent = members.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  const union = (a: number, b: number) => {
    parent[find(a)] = find(b);
  };
  const persons = members.map((m, i) => ({ m, i })).filter(({ m }) => m.entity.kind === "person");
  // Only people with the same surname can join, so compare within surnames: comparing every pair
  // took minutes at 10,000 articles (issue 9). The groups come out the same.
  const bySurname = new Map<string | undefined, typeof persons>();
  for (const p of persons) {
    const list = bySurname.get(p.m.entity.surname);
    if (list) list.push(p);
    else bySurname.set(p.m.entity.surname, [p]);
  }
  for (const same of bySurname.values()) {
    // One representative per first name as written (equal names are the same first name), then
    // the distinct names compared pairwise: few per surname, however often each is mentioned.
    const byFirst = new Map<string, number>();
    for (const { m, i } of same) {
      const f = m.entity.firstName;
      if (!f) continue;
      const rep = byFirst.get(f);
      if (rep === undefined) byFirst.set(f, i);
      else if (sameFirstName(f, f)) union(i, rep);
    }
    const names = [...byFirst];
    for (let a = 0; a < names.length; a++) {
      for (let b = a + 1; b < names.length; b++) {
        const [fa, ia] = names[a] as [string, number];
        const [fb, ib] = names[b] as [string, number];
        if (sameFirstName(fa, fb)) union(ia, ib);
      }
    }
    // A bare surname joins the one full name with that surname, if there is exactly one
    // (joining a bare name to it leaves the full names' groups as they are).
    const bare = same.filter(({ m }) => !m.entity.firstName);
    const full = new Set(same.filter(({ m }) => m.entity.firstName).map(({ i }) => find(i)));
    for (const x of bare) {
      if (full.size === 1) union(x.i, [...full][0] as number);
      else if (full.size === 0) union(x.i, (bare[0] as { i: number }).i);
    }
  }
  const firstOrg = new Map<string, number>();
  members.forEach((m, i) => {
    if (m.entity.kind !== "org") return;
    const name = fold(m.entity.name);
    const same = firstOrg.get(name) ?? i;
    firstOrg.set(name, same);
    union(i, same);
  });
  const display = new Map<number, AliasEntry>();
  // Each entry's names looked up by bare form, so every mention is read once, not once per entry.
  const entriesOf = new Map<string, number[]>();
  entries.forEach((entry, e) => {
    for (const n of [entry.name, ...entry.aliases]) {
      const list = entriesOf.get(bareName(n)) ?? [];
      if (!list.includes(e)) list.push(e);
      entriesOf.set(bareName(n), list);
    }
  });
  const hitsOf = entries.map(() => [] as number[]);
  for (const { m, i } of persons) {
    const matched = new Set<number>();
    for (const f of [...m.entity.forms.keys(), m.entity.name])
      for (const e of entriesOf.get(bareName(f)) ?? []) matched.add(e);
    for (const e of matched) hitsOf[e]?.push(i);
  }
  entries.forEach((entry, e) => {
    const hits = hitsOf[e] as number[];
    for (const h of hits) union(h, hits[0] as number);
    if (hits[0] !== undefined) display.set(hits[0], entry);
  });
  const groups = new Map<number, Group>();
  members.forEach((m, i) => {
    const root = find(i);
    const g = groups.get(root) ?? { members: [], extraAliases: [] };
    g.members.push(m);
    groups.set(root, g);
  });
  for (const [i, entry] of display) {
    const g = groups.get(find(i)) as Group;
    g.display = entry.name;
    g.extraAliases.push(...entry.aliases);
  }
  return [...groups.values()];
}

function toPerson(g: Group, quotes: number): Person {
  const first = (g.members[0] as Member).entity;
  const kind = first.kind === "org" ? "organization" : first.kind;
  const forms = new Map<string, number>();
  for (const m of g.members)
    for (const [f, n] of m.entity.forms) forms.set(f, (forms.get(f) ?? 0) + n);
  const ranked = [...forms.entries()].sort(
    (a, b) =>
      Number(b[0].includes(" ")) - Number(a[0].includes(" ")) ||
      b[1] - a[1] ||
      b[0].length - a[0].length ||
      a[0].localeCompare(b[0]),
  );
  const name = g.display ?? (kind === "anonymous" ? first.name : (ranked[0]?.[0] ?? first.name));
  const seen = new Set([fold(name)]);
  const aliases: string[] = [];
  for (const a of [...ranked.map(([f]) => f), ...g.extraAliases]) {
    if (!seen.has(fold(a))) aliases.push(a);
    seen.add(fold(a));
  }
  const roles: string[] = [];
  const seenRoles = new Set<string>();
  for (const m of g.members)
    for (const r of m.entity.roles) {
      if (!seenRoles.has(fold(r))) roles.push(r);
      seenRoles.add(fold(r));
    }
  const articles = [...new Set(g.members.map((m) => m.articleId))];
  const id = kind === "anonymous" ? `${articles[0]}#${fold(name)}` : fold(name);
  return { id, name, kind, aliases, roles, quotes, articles };
}

/** People a typed name can mean: by name or alias, a surname, a short first name, or words of a description. */
export function findPeople(d: Directory, query: string): Person[] {
  const q = fold(query);
  if (!q) return [];
  const exact = d.people.filter((p) =>
    [p.name, ...p.aliases].some((n) => bareName(n) === bareName(query)),
  );
  if (exact.length) return exact;
  const named = d.people.filter(
    (p) => p.kind === "person" && [p.name, ...p.aliases].some((n) => nameMatches(query, n)),
  );
  if (named.length) return named;
  // "the prime minister", "the ambassador": people whose roles, as the articles give them, say so.
  const role = ` ${q.replace(/^(?:the|a|an) /, "")} `;
  const byRole = d.people.filter(
    (p) => p.kind === "person" && p.roles.some((r) => ` ${fold(r)} `.includes(role)),
  );
  if (byRole.length) return byRole;
  const words = bareName(query)
    .split(" ")
    .filter((w) => w.length > 2);
  return d.people.filter(
    (p) =>
      p.kind !== "person" &&
      words.length > 0 &&
      words.every((w) => fold(p.name).split(" ").includes(w)),
  );
}

/** The directory's names closest in spelling to one that matched nobody, best first. */
export function closestNames(d: Directory, query: string, n = 3): string[] {
  const q = bareName(query);
  const score = (p: Person) =>
    Math.min(
      ...[p.name, ...p.aliases].flatMap((name) => {
        const b = bareName(name);
        return [distance(q, b), distance(q, b.split(" ").pop() ?? b)];
      }),
    );
  return d.people
    .filter((p) => p.kind === "person")
    .map((p) => ({ p, s: score(p) }))
    .sort((a, b) => a.s - b.s || b.p.quotes - a.p.quotes)
    .slice(0, n)
    .map(({ p }) => p.name);
}
