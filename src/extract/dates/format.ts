/** Resolved dates as a desk editor writes them: "Tue Oct. 7, 2025", "Oct. 2025 (month)", "2026 (year)". */
import { MONTH_NAMES } from "../../knowledge/pubdate.ts";
import { type Day, weekdayOf } from "./day.ts";
import type { DatePrecision } from "./types.ts";

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const SEASONS: Record<string, string> = {
  "03": "spring",
  "06": "summer",
  "09": "fall",
  "12": "winter",
};

function monthName(value: string): string {
  return MONTH_NAMES[Number(value.slice(5, 7)) - 1] as string;
}

function dayName(day: Day, withYear: boolean): string {
  const d = `${WEEKDAYS[weekdayOf(day)]} ${monthName(day)} ${Number(day.slice(8, 10))}`;
  return withYear ? `${d}, ${day.slice(0, 4)}` : d;
}

/** A resolved value (and range end) for people; null reads "date not known". */
export function formatResolved(
  value: string | null,
  endValue: string | undefined,
  precision: DatePrecision,
): string {
  if (value === null) return "date not known";
  if (precision === "season" && endValue) {
    const start = value.slice(5, 7);
    const years =
      start === "12" ? `${value.slice(0, 4)}–${endValue.slice(2, 4)}` : value.slice(0, 4);
    return `${SEASONS[start] ?? `${monthName(value)}–${monthName(endValue)}`} ${years} (season)`;
  }
  if (precision === "year" || value.length === 4) return `${value} (year)`;
  if (value.length === 7)
    return endValue
      ? `${monthName(value)} ${value.slice(0, 4)} – ${monthName(endValue)} ${endValue.slice(0, 4)} (month)`
      : `${monthName(value)} ${value.slice(0, 4)} (month)`;
  const suffix = precision === "week" ? " (week)" : "";
  if (!endValue) return dayName(value, true) + suffix;
  const sameYear = value.slice(0, 4) === endValue.slice(0, 4);
  return `${dayName(value, !sameYear)} – ${dayName(endValue, true)}${suffix}`;
}
