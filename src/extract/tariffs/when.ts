/**
 * Dates of effect written in a tariff sentence: "on August 22, 2025", "in August 2025",
 * "in March", "effective Jan. 15, 2026", "last August". A deliberately small parser: a date
 * without a year takes the publication's year ("last <month>" the latest such month before
 * publication); weekdays and "last week" are left alone, so the fact falls back to the
 * publication date. The project's general date resolver (src/extract/dates/) can replace it.
 */
import type { PubDate } from "../../knowledge/pubdate.ts";

export interface DateMention {
  date: PubDate;
  start: number;
  end: number;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};
const MONTH =
  "(Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|March|Mar\\.|April|Apr\\.|May|June|July|Aug(?:ust|\\.)?|Sept(?:ember|\\.)?|Sep\\.|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?)";
// Month names are matched capitalized only, so "may" the verb is never a month.
const DAY = new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?(?!\\d)`, "g");
const MONTH_YEAR = new RegExp(`\\b${MONTH}\\s+(\\d{4})\\b`, "g");
const IN_MONTH = new RegExp(
  `\\b([Ii]n|[Ss]ince|[Ff]rom|[Uu]ntil|[Bb]y|[Ll]ast|[Ee]ffective|[Ss]tarting|[Tt]his)\\s+${MONTH}(?![\\w])`,
  "g",
);

function monthNumber(name: string): number {
  return MONTHS[name.replace(/\.$/, "").toLowerCase()] ?? 0;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The dates in `text`, resolved against the article's publication date. */
export function findDates(text: string, published: PubDate): DateMention[] {
  const pubYear = Number(published.value.slice(0, 4));
  const pubMonth = published.precision === "year" ? 12 : Number(published.value.slice(5, 7));
  const out: DateMention[] = [];
  const taken = (s: number, e: number) => out.some((d) => d.start < e && d.end > s);
  for (const m of text.matchAll(DAY)) {
    const month = monthNumber(m[1] as string);
    const day = Number(m[2]);
    const year = m[3] ? Number(m[3]) : pubYear;
    if (!month || day < 1 || day > 31) continue;
    const value = `${year}-${pad(month)}-${pad(day)}`;
    if (Number.isNaN(Date.parse(`${value}T00:00:00Z`))) continue;
    out.push({ date: { value, precision: "day" }, start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(MONTH_YEAR)) {
    const end = m.index + m[0].length;
    if (taken(m.index, end)) continue;
    out.push({
      date: { value: `${m[2]}-${pad(monthNumber(m[1] as string))}`, precision: "month" },
      start: m.index,
      end,
    });
  }
  for (const m of text.matchAll(IN_MONTH)) {
    const start = m.index + (m[1] as string).length + 1;
    const end = m.index + m[0].length;
    if (taken(start, end)) continue;
    const month = monthNumber(m[2] as string);
    const last = (m[1] as string).toLowerCase() === "last";
    const year = last && month >= pubMonth ? pubYear - 1 : pubYear;
    out.push({ date: { value: `${year}-${pad(month)}`, precision: "month" }, start: m.index, end });
  }
  return out.sort((a, b) => a.start - b.start);
}
