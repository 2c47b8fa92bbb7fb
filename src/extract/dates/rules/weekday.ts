/**
 * Weekdays: "Tuesday", "next Wednesday", "last Friday", "Thursday and Friday" (a range).
 * chrono reads a bare weekday as the nearest one in either direction and splits ranges, so
 * this rule decides from the sentence's tense instead; the publication day's own weekday
 * is the publication day ("said in question period Monday" in a Monday paper).
 */
import { addDays, type Day, mondayOf, weekdayOf } from "../day.ts";
import type { Direction, Finder, Found } from "../types.ts";

const NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const NAME = `(${NAMES.join("|")})`;
const WEEKDAY = new RegExp(
  `\\b(?:([Nn]ext|[Ll]ast|[Tt]his coming|[Tt]his past|[Tt]his|[Cc]oming|[Pp]ast)\\s+)?${NAME}(?:\\s*(?:and|through|to|until|-|–)\\s*${NAME})?\\b`,
  "g",
);

export const weekdays: Finder = (sentence) => {
  const out: Found[] = [];
  if (!sentence.includes("day")) return out; // every weekday's name ends in it
  for (const m of sentence.matchAll(WEEKDAY)) {
    const modifier = m[1]?.toLowerCase();
    const from = NAMES.indexOf(m[2] as string);
    const to = m[3] ? NAMES.indexOf(m[3]) : -1;
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      precision: "day",
      rule: to >= 0 ? "weekday range" : "weekday",
      direction: intrinsic(modifier),
      resolve(ref, direction) {
        const first = pin(ref, from, modifier, direction);
        if (to < 0 || to === from) return { value: first };
        return { value: first, endValue: addDays(first, (to - from + 7) % 7) };
      },
    });
  }
  return out;
};

function intrinsic(modifier: string | undefined): Direction | undefined {
  if (modifier === "next" || modifier === "coming" || modifier === "this coming") return "future";
  if (modifier === "last" || modifier === "past" || modifier === "this past") return "past";
  return modifier === "this" ? "none" : undefined;
}

/** The day of weekday `w` (0 = Sunday) meant by the phrase, seen from publication day `ref`. */
function pin(ref: Day, w: number, modifier: string | undefined, direction: Direction): Day {
  const forward = (w - weekdayOf(ref) + 7) % 7; // 0 when it is the publication weekday
  const fromMonday = (w + 6) % 7;
  switch (modifier) {
    case "next": // the one in the following Monday-to-Sunday week
      return addDays(mondayOf(ref), 7 + fromMonday);
    case "this":
      return addDays(mondayOf(ref), fromMonday);
    case "coming":
    case "this coming":
      return addDays(ref, forward || 7);
    case "last":
    case "past":
    case "this past":
      return addDays(ref, -((7 - forward) % 7 || 7));
  }
  if (forward === 0) return ref;
  if (direction === "future") return addDays(ref, forward);
  if (direction === "past") return addDays(ref, forward - 7);
  return forward <= 3 ? addDays(ref, forward) : addDays(ref, forward - 7);
}
