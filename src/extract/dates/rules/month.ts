/**
 * Months without a day: "in March", "by August", "last August", "late August", "mid-October",
 * "August 2025". They keep month precision. Without a year the sentence's tense picks the
 * year ("was imposed in March" looks back, "will start in March" forward); "last August" is
 * the most recent August before the publication month.
 */
import { type Day, makeMonth, monthOf, yearOf } from "../day.ts";
import type { Direction, Finder, Found } from "../types.ts";

const MONTHS: [string, number][] = [
  ["January", 1],
  ["Jan.", 1],
  ["February", 2],
  ["Feb.", 2],
  ["March", 3],
  ["Mar.", 3],
  ["April", 4],
  ["Apr.", 4],
  ["May", 5],
  ["June", 6],
  ["Jun.", 6],
  ["July", 7],
  ["Jul.", 7],
  ["August", 8],
  ["Aug.", 8],
  ["September", 9],
  ["Sept.", 9],
  ["Sep.", 9],
  ["October", 10],
  ["Oct.", 10],
  ["November", 11],
  ["Nov.", 11],
  ["December", 12],
  ["Dec.", 12],
];
const NAME = MONTHS.map(([n]) => n.replace(".", "\\.")).join("|");
const MONTH = new RegExp(
  `\\b(?:((?:[Ee]arly|[Ll]ate|[Mm]id|(?:[Tt]he )?[Ee]nd of|[Ll]ast|[Nn]ext|[Tt]his past|[Tt]his coming|[Tt]his))[\\s-]+)?(${NAME})(?![\\w])(?:,?\\s+(?:of\\s+)?(\\d{4})\\b)?(?!,?\\s*\\d)`,
  "g",
);
/** "May" and "March" are also a modal and a verb: they count as months only after one of these. */
const MONTH_CONTEXT =
  /\b(?:in|by|until|till|since|from|during|of|through|to|before|after|between|and|early|late|mid|last|next|this|past|coming|end of)[\s-]+$/i;

/** Every name above starts with one of these (case as written), so a sentence without any has no month. */
const STEMS = /Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec/;

export const monthNames: Finder = (sentence) => {
  const out: Found[] = [];
  if (!STEMS.test(sentence)) return out;
  for (const m of sentence.matchAll(MONTH)) {
    const [modifier, name] = [m[1]?.toLowerCase(), m[2] as string];
    const year = m[3] ? Number(m[3]) : undefined;
    if (
      (name === "May" || name === "March") &&
      !modifier &&
      year === undefined &&
      !MONTH_CONTEXT.test(sentence.slice(0, m.index))
    )
      continue;
    const month = MONTHS.find(([n]) => n === name)?.[1] as number;
    const since = /\bsince\s+$/i.test(sentence.slice(0, m.index));
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      precision: "month",
      rule: "month",
      direction: year !== undefined ? "none" : since ? "past" : intrinsic(modifier),
      resolve: (ref, direction) => ({
        value: year !== undefined ? makeMonth(year, month) : pin(ref, month, modifier, direction),
      }),
    });
  }
  return out;
};

function intrinsic(modifier: string | undefined): Direction | undefined {
  if (modifier === "next" || modifier === "this coming") return "future";
  if (modifier === "last" || modifier === "this past") return "past";
  return undefined;
}

/** "YYYY-MM" of month `month` as the phrase means it, seen from publication day `ref`. */
function pin(ref: Day, month: number, modifier: string | undefined, direction: Direction): string {
  const [y, now] = [yearOf(ref), monthOf(ref)];
  const ahead = (month - now + 12) % 12; // 0 when it is the publication month
  if (modifier === "next" || modifier === "this coming") return makeMonth(y, now + (ahead || 12));
  if (modifier === "last" || modifier === "this past")
    return makeMonth(y, now - ((12 - ahead) % 12 || 12));
  if (modifier === "this") return makeMonth(y, month);
  if (ahead === 0) return makeMonth(y, now);
  if (direction === "future") return makeMonth(y, now + ahead);
  if (direction === "past") return makeMonth(y, now + ahead - 12);
  return ahead <= 6 ? makeMonth(y, now + ahead) : makeMonth(y, now + ahead - 12);
}
