/**
 * Gathers the App Home dashboard from ordinary questions, so it shows whatever the intents for
 * them answer today. A panel whose question fell through to the keyword search (or help) is
 * left out: a passage that merely contains "upcoming" must never pose as an upcoming event.
 */

import type { AskContext } from "../answer/intent.ts";
import { INTENTS } from "../answer/intents/index.ts";
import { ask, cleanQuery } from "../answer/router.ts";
import type { KnowledgeBase } from "../knowledge/base.ts";
import { type HomeView, renderHome } from "../render/home.ts";
import type { SlackDeps } from "./deps.ts";

const PANELS = [
  { heading: "Sector board", question: "overview" },
  { heading: "Events", question: "upcoming meetings" },
];

/** True when an intent other than the registry's last, catch-all one claims the question. */
export function hasOwnIntent(ctx: AskContext, question: string): boolean {
  const text = cleanQuery(question);
  const claimant = INTENTS.find((i) => i.match(text, ctx) !== null);
  return claimant !== undefined && claimant !== INTENTS.at(-1);
}

/** The dashboard for `userId`; an editor also sees which knowledge files need fixing. */
export function homeView(
  deps: { kb: KnowledgeBase } & Pick<SlackDeps, "clock"> & Partial<Pick<SlackDeps, "editors">>,
  userId?: string,
): HomeView {
  const ctx = { kb: deps.kb, now: deps.clock() };
  const panels = PANELS.filter((p) => hasOwnIntent(ctx, p.question)).map((p) => ({
    heading: p.heading,
    answer: ask(ctx, p.question),
  }));
  return renderHome({
    panels,
    latest: deps.kb.articles().map((a) => ({
      headline: a.headline,
      outlet: a.outlet,
      published: a.published.value,
      ...(a.url ? { url: a.url } : {}),
    })),
    freshness: { articles: deps.kb.size, newest: deps.kb.newest() },
    problems: deps.kb.problems.length,
    ...(userId && deps.editors?.has(userId) ? { editorProblems: deps.kb.problems } : {}),
    now: ctx.now,
  });
}
