/**
 * Gathers the App Home dashboard from ordinary questions, so it shows whatever the intents for
 * them answer today. A panel whose question fell through to the keyword search (or help) is
 * left out: a passage that merely contains "upcoming" must never pose as an upcoming event.
 */

import { helpIntent } from "../answer/intents/help.ts";
import { searchIntent } from "../answer/intents/search.ts";
import { ask } from "../answer/router.ts";
import { type HomeView, renderHome } from "../render/home.ts";
import type { SlackDeps } from "./deps.ts";

const PANELS = [
  { heading: "Sector board", question: "overview" },
  { heading: "Upcoming events", question: "upcoming meetings" },
];

const FALLBACKS = new Set([searchIntent.name, helpIntent.name]);

export function homeView(deps: SlackDeps): HomeView {
  const ctx = { kb: deps.kb, now: deps.clock() };
  const panels = PANELS.map((p) => ({ heading: p.heading, answer: ask(ctx, p.question) })).filter(
    (p) => !FALLBACKS.has(p.answer.intent),
  );
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
    now: ctx.now,
  });
}
