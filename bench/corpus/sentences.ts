/**
 * Sentence builders for the synthetic corpus. Each kind carries what an extractor or an intent
 * looks for in real copy: rates written several ways, quotes with speech verbs on either side,
 * meetings with relative and absolute dates, and ordinary connective prose around them.
 */
import { CITIES, MONTH_ABBR, SPEECH_VERBS, WEEKDAYS } from "./lexicon.ts";
import type { Rng } from "./random.ts";

export interface Person {
  name: string;
  title: string;
}

export interface Style {
  open: string;
  close: string;
}

export const CURLY: Style = { open: "“", close: "”" };
export const STRAIGHT: Style = { open: '"', close: '"' };

const NUMBER_WORDS: Record<number, string> = {
  10: "ten",
  15: "fifteen",
  20: "twenty",
  25: "twenty-five",
  35: "thirty-five",
  50: "fifty",
};
const RATES = [5, 6.5, 10, 15, 17.5, 20, 25, 35, 45, 50];

/** A rate as a reporter might write it: "25%", "25 per cent", "25 percent", "twenty-five per cent". */
export function rateText(rng: Rng, rate: number): string {
  const word = NUMBER_WORDS[rate];
  const forms = [`${rate}%`, `${rate} per cent`, `${rate} percent`];
  if (word) forms.push(`${word} per cent`);
  return rng.pick(forms);
}

export function rateSentence(rng: Rng, sector: string): string {
  const to = rng.pick(RATES);
  const from = rng.pick(RATES.filter((r) => r < to)) ?? 5;
  const who = rng.pick(["Washington", "The U.S.", "Ottawa", "Canada", "The Commerce Department"]);
  switch (rng.int(0, 4)) {
    case 0:
      return `${who} raised its tariff on ${sector} from ${rateText(rng, from)} to ${rateText(rng, to)}, effective ${absoluteDate(rng)}.`;
    case 1:
      return `A ${to}-per-cent levy on ${sector} remains in place while the two sides keep talking.`;
    case 2:
      return `The duty on ${sector} was cut to ${rateText(rng, from)}, down from ${rateText(rng, to)} earlier this year.`;
    case 3:
      return `Exporters of ${sector} now face tariffs of ${rateText(rng, to)} at the border, analysts said.`;
    default:
      return `${rng.pick(["Ottawa", "Canada"])} doubled its counter-tariffs on U.S. ${sector} to ${rateText(rng, to)}.`;
  }
}

export function quoteSentence(
  rng: Rng,
  person: Person,
  spoken: string,
  style: Style,
  first: boolean,
): string {
  const ref = first
    ? `${person.name}, ${person.title},`
    : (person.name.split(" ").at(-1) as string);
  const { open, close } = style;
  switch (rng.int(0, 2)) {
    case 0:
      return `${open}${spoken},${close} ${ref} ${rng.pick(SPEECH_VERBS)}.`;
    case 1:
      return `${ref} ${rng.pick(SPEECH_VERBS)}: ${open}${spoken}.${close}`;
    default:
      return `${open}${spoken},${close} ${rng.pick(["said", "added", "warned"])} ${ref.replace(/,$/, "")}.`;
  }
}

export function meetingSentence(rng: Rng, a: Person, b: Person, sector: string): string {
  const when = rng.chance(0.5) ? relativeDate(rng) : `on ${absoluteDate(rng)}`;
  const where = rng.pick(CITIES);
  switch (rng.int(0, 3)) {
    case 0:
      return `${a.name} will meet ${b.name} in ${where} ${when} to discuss ${sector}.`;
    case 1:
      return `Talks on ${sector} are scheduled to resume in ${where} ${when}.`;
    case 2:
      return `${a.name} met ${b.name} in ${where} ${relativePast(rng)}, and officials said the session on ${sector} was constructive.`;
    default:
      return `Negotiators from both countries are expected to sit down ${when} for a round on ${sector}.`;
  }
}

export function absoluteDate(rng: Rng): string {
  const month = rng.int(0, 11);
  const day = rng.int(1, 28);
  return rng.chance(0.3)
    ? `${MONTH_ABBR[month]} ${day}, ${rng.int(2019, 2027)}`
    : `${MONTH_ABBR[month]} ${day}`;
}

function relativeDate(rng: Rng): string {
  return rng.pick([
    `next ${rng.pick(WEEKDAYS)}`,
    "next week",
    "later this month",
    "in two weeks",
    `on ${rng.pick(WEEKDAYS)}`,
    "early next month",
  ]);
}

function relativePast(rng: Rng): string {
  return rng.pick([
    `last ${rng.pick(WEEKDAYS)}`,
    "last week",
    "earlier this month",
    `on ${rng.pick(WEEKDAYS)}`,
    "two weeks ago",
  ]);
}
