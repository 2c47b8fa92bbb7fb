/**
 * The intent registry, in the order the router tries them. Specific intents come first; the
 * `latest` phrasing next; `search` last because it takes anything.
 */
import type { Intent } from "../intent.ts";
import { eventsIntent } from "./events.ts";
import { makeHelpIntent } from "./help.ts";
import { latestIntent } from "./latest.ts";
import { overviewIntent } from "./overview.ts";
import { quotesIntent } from "./quotes.ts";
import { searchIntent } from "./search.ts";
import { tariffsIntent } from "./tariffs.ts";

export const INTENTS: Intent<never>[] = [
  makeHelpIntent(
    () => INTENTS,
    [
      "digest on [HH:MM] [zone] | digest off | digest preview — this channel's morning digest (Slack)",
    ],
  ) as Intent<never>,
  // Capabilities add their intent here, before `latest`.
  quotesIntent,
  eventsIntent,
  overviewIntent,
  tariffsIntent,
  latestIntent,
  searchIntent,
] as Intent<never>[];
