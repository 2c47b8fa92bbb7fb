/**
 * The directory's quotes laid out for the quotes intent, built once per knowledge version so
 * that "what did X say" reads the newest few of X's quotes instead of filtering and folding
 * every quote in the archive (11,782 items in 86 ms at 10,000 articles, issue 9): quotes grouped
 * per person, newest first, and each quote's words folded once (when first needed, and kept per
 * article across changes).
 * A quote is its number in the directory (newest article first, reading order within).
 * Outside src/extract and src/people, like the events view: it is never saved in a snapshot.
 */
import { articleQuotes } from "../../extract/quotes/extract.ts";
import type { ArticleQuotes } from "../../extract/quotes/types.ts";
import type { Article } from "../../knowledge/article.ts";
import type { KnowledgeBase } from "../../knowledge/base.ts";
import { ARTICLES_PER_STEP, runSteps, type Steps, stepDone } from "../../knowledge/steps.ts";
import { aliasesStamp } from "../../people/aliases.ts";
import {
  closestNames,
  type Directory,
  directoryInSteps,
  findPeople,
  type Person,
} from "../../people/directory.ts";
import { fold } from "../../people/names.ts";
import { UNATTRIBUTED } from "../../people/select.ts";
import { groupCodes } from "./group.ts";
import type { Run } from "./merge.ts";

export interface QuotesView {
  directory: Directory;
  /** Per person id: quote indices, ascending (newest first). */
  byPerson: ReadonlyMap<string, Int32Array>;
  /** Quotes nobody is named for. */
  unattributed: Int32Array;
  /** Per quote: the quoted words folded, with a space either side (whole words are " w "). */
  words(): readonly string[];
  /** The same in steps, so a question can have them folded in turns before it is answered. */
  wordsInSteps(): Steps<readonly string[]>;
  /** Per quote: the sentence (or paragraph) that shows who spoke, folded. */
  context(i: number): string;
}

/** Keyed like the directory (the alias file can change who is who without an article changing). */
export function quotesView(kb: KnowledgeBase): QuotesView {
  return runSteps(quotesViewInSteps(kb));
}

export function quotesViewInSteps(kb: KnowledgeBase): Steps<QuotesView> {
  return kb.derivedInSteps(`quotes:view:${aliasesStamp(kb.options.dir)}`, function* (k) {
    return yield* buildQuotesView(k, yield* directoryInSteps(k));
  });
}

/**
 * Folded words per article's extraction result, kept across knowledge versions: after a live
 * change only the changed article is folded again (folding every quote took 150 ms at 10,000
 * articles). A re-extracted article has a new result object, so it can never be stale.
 */
const foldedWords = new WeakMap<ArticleQuotes, string[]>();

function* buildQuotesView(kb: KnowledgeBase, d: Directory): Steps<QuotesView> {
  const unattributed: number[] = [];
  // From the directory's columns: making each quote's record would read every quote, which a
  // restart from a snapshot leaves packed until a question needs it (issue 9).
  const { person, attributed } = d.columns;
  for (let i = 0; i < d.quoteCount; i++) {
    if (stepDone(i)) yield;
    if (attributed[i] === 0) unattributed.push(i);
  }
  // Grouped by id (people who share one share a list): each person's id as the place of the
  // first person with it, so no quote looks up a map.
  const first = new Map<string, number>();
  const idAt = Int32Array.from(d.people, (p, k) => {
    const at = first.get(p.id);
    if (at !== undefined) return at;
    first.set(p.id, k);
    return k;
  });
  const groups = groupCodes(d.quoteCount, (i) => {
    const k = person[i] as number;
    return k >= 0 && k < idAt.length ? (idAt[k] as number) : -1;
  });
  yield;
  // Folded when a "who said" question first needs them: at 100,000 articles folding every quote
  // took seconds, which a restart should not pay for a question most sessions never ask.
  let folded: string[] | undefined;
  function* wordsInSteps(): Steps<readonly string[]> {
    folded ??= yield* foldedQuotes(kb, d);
    return folded;
  }
  // A quote's sentence is folded when a topic question first reads it: most never are.
  const contexts: (string | undefined)[] = [];
  const context = (i: number): string => {
    let c = contexts[i];
    if (c === undefined) {
      const q = d.quote(i);
      const a = kb.get(q.articleId);
      c = fold(a ? a.body.slice(q.context.start, q.context.end) : q.text);
      contexts[i] = c;
    }
    return c;
  };
  const byPerson = new Map(
    [...groups].map(([k, list]) => [(d.people[k] as Person).id, list] as const),
  );
  return {
    directory: d,
    byPerson,
    unattributed: Int32Array.from(unattributed),
    words: () => runSteps(wordsInSteps()),
    wordsInSteps,
    context,
  };
}

/**
 * Every quote's words folded, in directory order (each article's quotes in article order, newest
 * first), in steps: the first time, at 100,000 articles, it reads and folds every quote (seconds).
 */
function* foldedQuotes(kb: KnowledgeBase, d: Directory): Steps<string[]> {
  const words: string[] = [];
  const articles = kb.articles();
  for (let i = 0; i < articles.length; i++) {
    if (stepDone(i, ARTICLES_PER_STEP)) yield;
    const a = articles[i] as Article;
    const aq = articleQuotes(kb, a);
    let folded = foldedWords.get(aq);
    if (!folded) {
      folded = aq.quotes.map((q) => ` ${fold(q.text)} `);
      foldedWords.set(aq, folded);
    }
    for (const w of folded) words.push(w);
  }
  if (words.length !== d.quoteCount)
    throw new Error(
      `quotes view out of step: ${words.length} quotes, directory has ${d.quoteCount}`,
    );
  return words;
}

/** Whom a name means ("unattributed" included), and their quotes as runs to walk newest first. */
export type SpeakerQuotes =
  | { found: true; people: Person[]; runs: Run[] }
  | { found: false; closest: string[] };

export function speakerQuotes(v: QuotesView, name: string): SpeakerQuotes {
  if (name.trim().toLowerCase() === UNATTRIBUTED) {
    const list = v.unattributed;
    return { found: true, people: [], runs: [{ list, from: 0, to: list.length }] };
  }
  const people = findPeople(v.directory, name);
  if (people.length === 0) return { found: false, closest: closestNames(v.directory, name) };
  // Two people can share an id; their quotes are one list, walked once.
  const ids = [...new Set(people.map((p) => p.id))];
  const runs = ids.flatMap((id) => {
    const list = v.byPerson.get(id);
    return list ? [{ list, from: 0, to: list.length }] : [];
  });
  return { found: true, people, runs };
}
