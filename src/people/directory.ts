/**
 * The people directory: one entry per real person across all articles, joined automatically by
 * name (a bare surname joins the one full name that has it, "Pete" joins "Peter") and by the
 * desk's alias file. Anonymous sources stay one entry per article and are never joined to a
 * named person; organizations are joined by name. It also gives every quote its canonical
 * speaker, so the CLI and `ask` agree on who said what.
 */

import { type Entity, eachForm } from "../extract/quotes/coref.ts";
import { articleQuotes } from "../extract/quotes/extract.ts";
import type { ArticleQuotes, ExtractedQuote } from "../extract/quotes/types.ts";
import type { Article, Problem } from "../knowledge/article.ts";
import type { KnowledgeBase } from "../knowledge/base.ts";
import {
  ARTICLES_PER_STEP,
  ITEMS_PER_STEP,
  runSteps,
  type Steps,
  sortInSteps,
  stepDone,
} from "../knowledge/steps.ts";
import { aliasesStamp, loadAliases } from "./aliases.ts";
import { clusterInSteps } from "./cluster.ts";
import { bareName, distance, fold, nameMatches } from "./names.ts";

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

/**
 * Quotes are numbered newest article first, in reading order within an article. A record is
 * made when asked for, from the article's own extraction: 640,000 records kept whole held about
 * 67 MB at 100,000 articles (issue 9), and a question reads a few.
 */
export interface Directory {
  people: Person[];
  /** How many quotes the knowledge holds. */
  quoteCount: number;
  /** Quote i, as a new record. */
  quote(i: number): QuoteRecord;
  /** Where each quote is and who said it, as numbers: what a snapshot keeps (src/snapshot/views.ts). */
  columns: QuoteColumns;
  problems: Problem[];
}

/** Per quote, in quote order. */
export interface QuoteColumns {
  /** Its article's place in `kb.articles()`. */
  article: Int32Array;
  /** Its place in that article's quotes. */
  index: Int32Array;
  /** Its person's place in `people`, or -1 (no speaker, or one who is no one's entry). */
  person: Int32Array;
  /** 1 when the text names who spoke, 0 when it does not (an unattributed quote). */
  attributed: Uint8Array;
}

/** Every quote as a record, in quote order (the CLI, and checks over all of them). */
export function allQuotes(d: Directory): QuoteRecord[] {
  return Array.from({ length: d.quoteCount }, (_, i) => d.quote(i));
}

export function directory(kb: KnowledgeBase): Directory {
  return runSteps(directoryInSteps(kb));
}

export function directoryInSteps(kb: KnowledgeBase): Steps<Directory> {
  const dir = kb.options.dir;
  return kb.derivedInSteps(directoryKey(kb), () => buildDirectory(kb, loadAliases(dir)));
}

/** Keyed by the alias file too: editing it changes who is who without an article changing. */
function directoryKey(kb: KnowledgeBase): string {
  return `people:${aliasesStamp(kb.options.dir)}`;
}

/** The directory of the knowledge as it is now, if it has been built (or restored). */
export function currentDirectory(kb: KnowledgeBase): Directory | undefined {
  return kb.derivedIfCurrent(directoryKey(kb)) as Directory | undefined;
}

/**
 * Serves a directory kept by a snapshot for exactly these articles (src/snapshot/views.ts), as
 * if it had just been built; the alias file's problems are read again.
 */
export function restoreDirectory(kb: KnowledgeBase, people: Person[], columns: QuoteColumns): void {
  const d = directoryOf(kb, people, columns, loadAliases(kb.options.dir).problems);
  kb.seedDerived(directoryKey(kb), d);
}

function* buildDirectory(
  kb: KnowledgeBase,
  aliases: ReturnType<typeof loadAliases>,
): Steps<Directory> {
  const articles = kb.articles();
  const perArticle: ArticleQuotes[] = [];
  // Every entity of every article is a member, numbered in article order; `first[a]` is article
  // a's first member, so a quote's speaker is found by index instead of a map keyed by entity.
  const first = new Int32Array(articles.length + 1);
  const members: Entity[] = [];
  for (let a = 0; a < articles.length; a++) {
    const aq = articleQuotes(kb, articles[a] as Article);
    perArticle.push(aq);
    first[a + 1] = (first[a] as number) + aq.entities.length;
    for (const e of aq.entities) members.push(e);
    if (stepDone(a, ARTICLES_PER_STEP)) yield;
  }
  const articleOf = new Int32Array(members.length);
  for (let a = 0; a < articles.length; a++) articleOf.fill(a, first[a], first[a + 1]);
  const { groupOf, order, start, display } = yield* clusterInSteps(members, aliases.entries);
  const speakerOf = (a: number, q: ExtractedQuote): number => {
    const entities = (perArticle[a] as ArticleQuotes).entities;
    const sp = q.speaker as Entity;
    const k = entities[sp.id] === sp ? sp.id : entities.indexOf(sp);
    return k < 0 ? -1 : (first[a] as number) + k;
  };
  const counts = new Int32Array(start.length);
  for (let a = 0; a < articles.length; a++) {
    for (const q of (perArticle[a] as ArticleQuotes).quotes) {
      const m = q.speaker ? speakerOf(a, q) : -1;
      if (m >= 0) counts[groupOf[m] as number] = (counts[groupOf[m] as number] as number) + 1;
    }
    if (stepDone(a, ARTICLES_PER_STEP)) yield;
  }
  const people: Person[] = [];
  /** Per group, its person's place in `people` (none for a group that is no one). */
  const personOf: number[] = [];
  const ids = (m: number) => (articles[articleOf[m] as number] as Article).id;
  // Steps counted in members: the most quoted people are groups of many thousands at archive scale.
  let work = 0;
  for (let g = 0; g + 1 < start.length; g++) {
    if (work >= ITEMS_PER_STEP) {
      work = 0;
      yield;
    }
    const from = start[g] as number;
    const to = start[g + 1] as number;
    const lead = members[order[from] as number] as Entity;
    let qualifies = (counts[g] as number) > 0;
    for (let k = from; !qualifies && lead.kind === "person" && k < to; k++) {
      const e = members[order[k] as number] as Entity;
      qualifies = e.spoke && !!(e.firstName || e.roles.length);
    }
    work += 1 + (qualifies ? 0 : to - from);
    if (!qualifies) continue;
    const group = order.subarray(from, to);
    const p = yield* toPerson(group, members, ids, counts[g] as number, display.get(g));
    work += to - from;
    personOf[g] = people.push(p) - 1;
  }
  // Per quote: its article's place in `articles`, its place there, its person's place in `people`.
  const quoteArticle: number[] = [];
  const quoteIndex: number[] = [];
  const quotePerson: number[] = [];
  const attributed: number[] = [];
  for (let a = 0; a < articles.length; a++) {
    const quotes = (perArticle[a] as ArticleQuotes).quotes;
    for (let k = 0; k < quotes.length; k++) {
      const q = quotes[k] as ExtractedQuote;
      const m = q.speaker ? speakerOf(a, q) : -1;
      quoteArticle.push(a);
      quoteIndex.push(k);
      quotePerson.push((m >= 0 ? personOf[groupOf[m] as number] : undefined) ?? -1);
      attributed.push(q.speaker ? 1 : 0);
    }
    if (stepDone(a, ARTICLES_PER_STEP)) yield;
  }
  const sorted = yield* sortInSteps(
    people.map((_, i) => i),
    (a, b) => {
      const x = people[a] as Person;
      const y = people[b] as Person;
      return y.quotes - x.quotes || x.name.localeCompare(y.name);
    },
  );
  const place = new Int32Array(people.length);
  sorted.forEach((p, i) => {
    place[p] = i;
  });
  const columns: QuoteColumns = {
    article: Int32Array.from(quoteArticle),
    index: Int32Array.from(quoteIndex),
    person: Int32Array.from(quotePerson, (p) => (p < 0 ? -1 : (place[p] as number))),
    attributed: Uint8Array.from(attributed),
  };
  return directoryOf(
    kb,
    sorted.map((p) => people[p] as Person),
    columns,
    aliases.problems,
  );
}

/**
 * The directory of these people and quotes, over the knowledge's articles as they are now: what
 * buildDirectory found, or what a snapshot kept of it for the same articles.
 */
export function directoryOf(
  kb: KnowledgeBase,
  people: Person[],
  columns: QuoteColumns,
  problems: Problem[],
): Directory {
  const articles = kb.articles();
  const count = columns.article.length;
  const quote = (i: number): QuoteRecord => {
    if (!(i >= 0 && i < count)) throw new RangeError(`no quote ${i}: the directory has ${count}`);
    const article = articles[columns.article[i] as number] as Article;
    const q = articleQuotes(kb, article).quotes[columns.index[i] as number] as ExtractedQuote;
    const person = people[columns.person[i] as number];
    const roles = q.speaker?.roles ?? [];
    const r: QuoteRecord = {
      speaker: person?.name ?? q.speaker?.name ?? null,
      role: q.speaker
        ? roles.length === 1
          ? (roles[0] as string)
          : roles.join("; ") || null
        : null,
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
  };
  return { people, quoteCount: count, quote, columns, problems };
}

/** One group's person; `group` lists its members in member (newest article first) order. */
function* toPerson(
  group: Int32Array,
  members: readonly Entity[],
  articleIdOf: (m: number) => string,
  quotes: number,
  display: { name: string; aliases: string[] } | undefined,
): Steps<Person> {
  const first = members[group[0] as number] as Entity;
  const kind = first.kind === "org" ? "organization" : first.kind;
  const forms = new Map<string, number>();
  const roles: string[] = [];
  const seenRoles = new Set<string>();
  const articles: string[] = [];
  for (let k = 0; k < group.length; k++) {
    if (stepDone(k)) yield;
    const m = group[k] as number;
    const e = members[m] as Entity;
    eachForm(e, (f, n) => forms.set(f, (forms.get(f) ?? 0) + n));
    for (const r of e.roles) {
      const key = fold(r);
      if (!seenRoles.has(key)) {
        roles.push(r);
        seenRoles.add(key);
      }
    }
    // Members are in article order, so an article's members are next to each other.
    const id = articleIdOf(m);
    if (articles[articles.length - 1] !== id) articles.push(id);
  }
  const ranked = [...forms.entries()].sort(
    (a, b) =>
      Number(b[0].includes(" ")) - Number(a[0].includes(" ")) ||
      b[1] - a[1] ||
      b[0].length - a[0].length ||
      a[0].localeCompare(b[0]),
  );
  const name =
    display?.name ?? (kind === "anonymous" ? first.name : (ranked[0]?.[0] ?? first.name));
  const seen = new Set([fold(name)]);
  const aliases: string[] = [];
  for (const a of [...ranked.map(([f]) => f), ...(display?.aliases ?? [])]) {
    if (!seen.has(fold(a))) aliases.push(a);
    seen.add(fold(a));
  }
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
