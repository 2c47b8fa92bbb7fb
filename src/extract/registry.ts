/**
 * Every extraction the knowledge base runs, in one list, so a snapshot can save what they
 * computed and a worker pool can run them on both cores for a cold start. Each extractor
 * memoizes its per-article work with `kb.perArticle`, so running an entry for an article
 * whose result was seeded (from a snapshot or a worker) costs a cache lookup.
 *
 * A capability that adds a per-article extractor adds one entry here, naming the keys its results
 * are memoized under (only those are saved). Entries whose module only exports a corpus-wide
 * view (tariff facts, coverage) run that view: it fills the same per-article caches.
 */
import type { Article } from "../knowledge/article.ts";
import type { KnowledgeBase } from "../knowledge/base.ts";
import { BODY_NUMBER_KEY, bodyNumber } from "../knowledge/ingest.ts";
import { runSteps, type Steps } from "../knowledge/steps.ts";
import { directoryInSteps } from "../people/directory.ts";
import { articleEvents, EVENTS_KEY, knowledgeEventsInSteps } from "./events/index.ts";
import { articleQuotes, QUOTES_KEY } from "./quotes/extract.ts";
import { boardInSteps } from "./tariffs/board.ts";
import { COVERAGE_KEY, coverageFacts } from "./tariffs/coverage.ts";
import {
  isTariffFactsKey,
  tariffFacts,
  tariffFactsInSteps,
  tariffFactsKey,
} from "./tariffs/facts.ts";
import { sectorVocabulary } from "./tariffs/sectors-file.ts";

export interface Extractor {
  /** For figures: "quotes", "events", "tariffs", "body number". */
  name: string;
  /** Extracts for these articles (memoized per article by the knowledge base). */
  run(kb: KnowledgeBase, articles: readonly Article[]): void;
  /**
   * The per-article keys its results are memoized under: what a snapshot saves and a worker
   * hands back. Values other code memoizes per article are neither: the dates the events and
   * facts are read from (620,000 objects to decode at 100,000 articles that no question reads
   * once those are restored, issue 9), or anything an intent may add, whose code is not in the
   * snapshot's extraction version, so a saved value could outlive a change to it.
   */
  keys(kb: KnowledgeBase): string[];
}

export const EXTRACTORS: readonly Extractor[] = [
  {
    name: "quotes",
    run: (kb, list) => {
      for (const a of list) articleQuotes(kb, a);
    },
    keys: () => [QUOTES_KEY],
  },
  {
    name: "events",
    run: (kb, list) => {
      for (const a of list) articleEvents(kb, a);
    },
    keys: () => [EVENTS_KEY],
  },
  {
    name: "tariffs",
    // Facts and coverage are only exported as views over the whole knowledge; in a worker the
    // knowledge is the worker's share of the articles, so this still extracts only those.
    run: (kb) => {
      tariffFacts(kb);
      coverageFacts(kb);
    },
    keys: (kb) => [tariffFactsKey(kb), COVERAGE_KEY],
  },
  {
    name: "body number",
    // Not an extraction: the number the add-article duplicate check compares first
    // (src/knowledge/ingest.ts), computed here so the snapshot keeps it beside the results.
    run: (kb, list) => {
      for (const a of list) bodyNumber(kb, a);
    },
    keys: () => [BODY_NUMBER_KEY],
  },
];

/**
 * The keys of the extractions' results (Extractor.keys): looked up once for many articles, since
 * the tariff facts' key reads the sector vocabulary file's stat.
 */
export function keptKeys(kb: KnowledgeBase): ReadonlySet<string> {
  return new Set(EXTRACTORS.flatMap((e) => e.keys(kb)));
}

/** An article's memoized values worth handing on (to a snapshot, from a worker): its extractions' results. */
export function resultsToKeep(
  kb: KnowledgeBase,
  article: Article,
  keys: ReadonlySet<string> = keptKeys(kb),
): [string, unknown][] {
  return kb.perArticleValues(article).filter(([key]) => keys.has(key));
}

/** Per article, the keys of resultsToKeep comma-joined, without making a value seeded to be made later. */
export function keyListsToKeep(
  kb: KnowledgeBase,
  articles: readonly Article[],
  keys: ReadonlySet<string> = keptKeys(kb),
): string[] {
  return kb.perArticleKeyLists(articles, keys);
}

/**
 * Whether a snapshot may leave the per-article values of `key` packed until a question needs
 * them, when the views that read them all are restored with it (src/snapshot/views.ts): the
 * quotes are 32 of the 50 objects an article's results make, and only the people directory reads
 * every one; the events' mentions and the tariff facts are read whole only by the merged events
 * and their view, and by the ordered facts and the boards, which are kept as columns (issue 9).
 */
export function isDeferrable(key: string): boolean {
  return key === QUOTES_KEY || key === EVENTS_KEY || isTariffFactsKey(key);
}

/**
 * Corpus-wide views of the extractions, computed once after a load or a change so that no
 * question pays for them: the tariff facts newest first, every sector's board, the merged
 * events, the people directory. Each is computed in steps (src/knowledge/steps.ts), so a caller
 * can let other work in between. (The answer layer adds its own: src/answer/views/warm.ts.)
 */
export const VIEWS: readonly ((kb: KnowledgeBase) => Steps<unknown>)[] = [
  function* (kb) {
    yield* tariffFactsInSteps(kb);
    coverageFacts(kb);
  },
  function* (kb) {
    for (const sector of sectorVocabulary(kb).vocabulary.sectors) yield* boardInSteps(kb, sector);
  },
  knowledgeEventsInSteps,
  directoryInSteps,
];

export function warmViews(kb: KnowledgeBase): void {
  for (const view of VIEWS) runSteps(view(kb));
}
