/** Picking quotes by speaker, shared by the CLI's `quotes --speaker` and the quotes intent. */
import {
  closestNames,
  type Directory,
  findPeople,
  type Person,
  type QuoteRecord,
} from "./directory.ts";

export type Selection =
  | { found: true; people: Person[]; quotes: QuoteRecord[] }
  | { found: false; closest: string[] };

/** The word that selects quotes nobody is named for. */
export const UNATTRIBUTED = "unattributed";

export function quotesFrom(d: Directory, name: string): Selection {
  if (name.trim().toLowerCase() === UNATTRIBUTED) {
    return { found: true, people: [], quotes: d.quotes.filter((q) => q.speaker === null) };
  }
  const people = findPeople(d, name);
  if (people.length === 0) return { found: false, closest: closestNames(d, name) };
  const ids = new Set(people.map((p) => p.id));
  return { found: true, people, quotes: d.quotes.filter((q) => q.person && ids.has(q.person.id)) };
}

/** "No quotes from Smith in 5 articles. Closest names: …" */
export function noQuotesNotice(name: string, articles: number, closest: string[]): string {
  const n = `${articles} article${articles === 1 ? "" : "s"}`;
  const near = closest.length ? ` Closest names: ${closest.join(", ")}.` : "";
  return `No quotes from ${name.trim()} in ${n}.${near}`;
}

/** The speaker line: "Peter Hoekstra, U.S. Ambassador to Canada" or "unattributed". */
export function speakerLine(q: QuoteRecord): string {
  if (!q.speaker) return UNATTRIBUTED;
  return q.role ? `${q.speaker}, ${q.role}` : q.speaker;
}
