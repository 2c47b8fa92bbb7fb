/**
 * Reads a question about dates into what to show: "upcoming meetings", "what's next",
 * "when is the CUSMA review?", "when do Carney and Trump meet?", "timeline of the talks",
 * and the bare "/tariffs meetings".
 */
import type { EventKind } from "../../extract/events/types.ts";

export interface EventsQuery {
  /** upcoming: soonest first, then recent past; when: every dated match; timeline: oldest first. */
  mode: "upcoming" | "when" | "timeline";
  /** Only these kinds, or every kind when undefined. */
  kinds?: EventKind[];
  /** Words the event's sentences must contain ("cusma", "review"). */
  topic: string[];
  /** People who must all be part of the event ("Carney", "Trump"). */
  names: string[];
  /** The topic as asked, for titles. */
  about?: string;
}

const GATHERINGS: EventKind[] = ["meeting", "summit", "talks", "visit"];
const DEADLINES: EventKind[] = ["deadline", "review"];

const KIND_WORDS: [RegExp, EventKind[]][] = [
  [/^(?:meetings?|meet|summits?|talks|visits?|trips?|sit-?downs?)$/i, GATHERINGS],
  [/^(?:deadlines?|due|reviews?|comments?)$/i, DEADLINES],
];

/** Words that say "dates" or glue a question together, not what it is about. */
const FILLER = new Set(
  (
    "the a an of for on about with between and is are was were will be to in at next upcoming coming up ahead " +
    "scheduled planned future any events event dates date calendar schedule agenda timeline what's what’s what " +
    "when whens happen happening take place start begin due expected"
  ).split(" "),
);

const WHEN_MEET =
  /^when (?:do|does|will|did|are|is|were|was)\s+(.+?)\s+(?:going to\s+)?(?:meet|meeting|sit down|talk|speak)(?:\s+(?:with\s+)?(.+))?$/i;
const WHEN = /^when(?:['’]s| is| are| was| were| will| does| do| did)\s+(.+)$/i;
const TIMELINE =
  /^(?:(?:show|give)(?: me)?\s+)?(?:the\s+|a\s+)?timeline(?:\s+(?:of|for|on|about)\s+(.+))?$|^(.+?)\s+timeline$/i;
const NEXT =
  /^(?:what(?:['’]s| is| are)\s+)?(?:the\s+)?(?:next|coming up|ahead|upcoming|on the (?:calendar|agenda|horizon))(?:\s+(?:for|on|in|with)\s+(.+))?$/i;
const UPCOMING =
  /^(?:(?:any|the|what are the|what(?:['’]s| is)(?: the)?)\s+)?(?:upcoming|next|scheduled|future|planned)\s+(meetings?|events?|deadlines?|summits?|talks|visits?|dates?|reviews?)(?:\s+(?:on|about|for|with|between|of|in)\s+(.+))?$/i;
const BARE =
  /^(meetings?|events?|calendar|schedule|agenda|deadlines?|summits?|upcoming)(?:\s+(?:on|about|for|with|between|of|in)\s+(.+))?$/i;

function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[?!.,]+/g, " ")
    .split(/\s+/)
    .filter(Boolean);
}

function kindsIn(text: string): EventKind[] | undefined {
  for (const w of words(text)) for (const [re, kinds] of KIND_WORDS) if (re.test(w)) return kinds;
  return undefined;
}

/** The words that must match: the topic without filler and without the kind words. */
function topicWords(text: string | undefined): string[] {
  if (!text) return [];
  return words(text).filter((w) => !FILLER.has(w) && !KIND_WORDS.some(([re]) => re.test(w)));
}

function query(
  mode: EventsQuery["mode"],
  kindText: string,
  about: string | undefined,
): EventsQuery {
  const q: EventsQuery = { mode, topic: topicWords(about), names: [] };
  const kinds = kindsIn(kindText);
  if (kinds) q.kinds = kinds;
  if (about) q.about = about.trim();
  return q;
}

export function readEventsQuery(raw: string): EventsQuery | null {
  const text = raw.replace(/[?!.]+$/, "").trim();
  let m = WHEN_MEET.exec(text);
  if (m?.[1]) {
    // Names are the capitalized words on either side of the verb ("Carney and Trump", "Carney … with Sheinbaum").
    const names = `${m[1]} ${m[2] ?? ""}`.split(/[\s,&]+/).filter((w) => /^\p{Lu}/u.test(w));
    return {
      mode: "when",
      kinds: ["meeting", "summit"],
      topic: [],
      names,
      about: [m[1], m[2]].filter(Boolean).join(" with "),
    };
  }
  m = TIMELINE.exec(text);
  if (m) return query("timeline", m[1] ?? m[2] ?? "", m[1] ?? m[2]);
  m = WHEN.exec(text);
  if (m?.[1]) return query("when", m[1], m[1]);
  m = UPCOMING.exec(text);
  if (m?.[1]) return query("upcoming", m[1], m[2]);
  m = NEXT.exec(text);
  if (m) return query("upcoming", m[1] ?? "", m[1]);
  m = BARE.exec(text);
  if (m?.[1]) return query("upcoming", m[1], m[2]);
  return null;
}
