/** Every CLI verb, in the order the usage lists them. A capability adds its verb here. */
import type { Verb } from "../verb.ts";
import { articlesVerb } from "./articles.ts";
import { askVerb } from "./ask.ts";
import { checkVerb } from "./check.ts";
import { datesVerb } from "./dates.ts";
import { digestVerb } from "./digest.ts";
import { eventsVerb } from "./events.ts";
import { ingestVerb } from "./ingest.ts";
import { peopleVerb } from "./people.ts";
import { quotesVerb } from "./quotes.ts";
import { showVerb } from "./show.ts";
import { tariffsVerb } from "./tariffs.ts";

export const VERBS: Verb[] = [
  askVerb,
  articlesVerb,
  showVerb,
  checkVerb,
  ingestVerb,
  eventsVerb,
  datesVerb,
  tariffsVerb,
  quotesVerb,
  peopleVerb,
  digestVerb,
  // Capabilities add their verbs here.
];
