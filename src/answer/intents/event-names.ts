/**
 * "When do Carney and Trump meet": the events that name every person asked about. A name
 * matches as the search index matches words (folded, plural-folded, through the synonyms), in
 * what the event says (its sentences, participants and place) or within two sentences of one
 * of its mentions ("his U.S. counterpart" is often named just after). Everything an event says
 * is in its mentions' articles, so only the events of the articles holding the rarest name are
 * looked at (issue 9: reading every meeting's bodies took 6–11 s at 100,000 articles).
 * A name that is only stop-words ("Will") cannot be told apart from the filler and is left out.
 */
import type { DatedEvent } from "../../extract/events/types.ts";
import type { KnowledgeBase } from "../../knowledge/base.ts";
import { searchIndex } from "../../search/index.ts";
import type { EventsView } from "../views/events.ts";

/** Sentences either side of a mention that count as its context for names. */
const CONTEXT_SENTENCES = 2;

/** A test of whether event i names every one of `names`; null when none can be looked for. */
export function namesMatcher(
  kb: KnowledgeBase,
  view: EventsView,
  names: readonly string[],
): ((i: number) => boolean) | null {
  const index = searchIndex(kb);
  const terms = [...new Set(names.flatMap((n) => index.queryTerms(n)))];
  if (!terms.length) return null;
  const places = terms.map((term) => ({ term, at: index.places(term) }));
  const rarest = places.reduce((a, b) => (b.at.passageCount < a.at.passageCount ? b : a));
  // A rare name's articles give the events to look at; a common one's (a passage in every
  // article or more) would be most events, and a question stops after the first few that match.
  const candidates =
    rarest.at.passageCount <= kb.size ? new Uint8Array(view.events.length) : undefined;
  if (candidates)
    for (const id of rarest.at.articles())
      for (const i of view.events.eventsIn(id)) candidates[i] = 1;
  return (i) => {
    if (candidates && candidates[i] !== 1) return false;
    // Every name in one of its articles first: that needs no event made, and most fail it.
    if (!places.every(({ at }) => view.events.anyArticle(i, (id) => at.inArticle(id))))
      return false;
    const e = view.events.at(i);
    let said: Set<string> | undefined;
    return places.every(({ term, at }) => {
      if (e.mentions.some((m) => at.near(m.articleId, m.start, CONTEXT_SENTENCES))) return true;
      said ??= new Set(saidBy(e).flatMap((t) => index.queryTerms(t)));
      return said.has(term);
    });
  };
}

/** What an event says of itself: its mentions' sentences, its participants and its place. */
function saidBy(e: DatedEvent): string[] {
  return [...e.mentions.map((m) => m.what), ...e.participants, e.place ?? ""];
}
