/**
 * Wall-clock arithmetic in IANA time zones with nothing but Intl, so a digest set for 08:00 in
 * Toronto fires at 08:00 Toronto time on both sides of a daylight-saving change. Local dates are
 * "YYYY-MM-DD" strings and times "HH:MM": the store and the scheduler never hold a bare offset.
 */

/** The zone's canonical name ("america/toronto" → "America/Toronto"), or null when Intl does not know it. */
export function canonicalTimeZone(name: string): string | null {
  try {
    return new Intl.DateTimeFormat("en", { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** "HH:MM" on a 24-hour clock, 00:00 to 23:59. */
export const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Accepts "8:00" too, and returns it as "08:00"; null when it is not a time of day. */
export function normalizeTimeOfDay(text: string): string | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const hhmm = `${(m[1] as string).padStart(2, "0")}:${m[2]}`;
  return TIME_OF_DAY.test(hhmm) ? hhmm : null;
}

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function partsAt(instant: number, timeZone: string): Parts {
  const out: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(instant)) {
    if (p.type !== "literal") out[p.type] = Number(p.value);
  }
  return out as unknown as Parts;
}

/** The zone's offset from UTC at an instant, in milliseconds (Toronto in winter: -5 h). */
function offsetAt(instant: number, timeZone: string): number {
  const p = partsAt(instant, timeZone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - (instant - (((instant % 1000) + 1000) % 1000));
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** The calendar date at `instant` in the zone, as YYYY-MM-DD. */
export function localDate(instant: Date, timeZone: string): string {
  const p = partsAt(instant.getTime(), timeZone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/** The wall-clock time at `instant` in the zone, as HH:MM. */
export function localTime(instant: Date, timeZone: string): string {
  const p = partsAt(instant.getTime(), timeZone);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

/** The date `days` after a YYYY-MM-DD date (negative goes back). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * The instant at which the zone's clocks show `time` on `date`. A time that happens twice (the
 * hour repeated when clocks fall back) is its first occurrence; a time that never happens (the
 * hour skipped when clocks spring forward) is read with the offset from before the change, which
 * lands as far after the gap as it was into it (02:30 → 03:30).
 */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const [hh, mm] = time.split(":").map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  const day = 86_400_000;
  const offsets = new Set([-day, 0, day].map((s) => offsetAt(wall + s, timeZone)));
  const candidates = [...offsets].map((o) => wall - o);
  const exact = candidates.filter((t) => {
    const p = partsAt(t, timeZone);
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) === wall;
  });
  return new Date(exact.length ? Math.min(...exact) : Math.max(...candidates));
}

/** The instant a local date begins in the zone (midnight, or the first minute after a gap). */
export function startOfLocalDay(date: string, timeZone: string): Date {
  return zonedInstant(date, "00:00", timeZone);
}

/** "Oct. 6, 2025, 8:00 a.m. EDT": our own line for windows and post times. */
export function formatLocal(instant: Date, timeZone: string): string {
  const text = new Intl.DateTimeFormat("en-US", {
    timeZone,
    month: "short",
    day: "numeric",
    year: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
  }).format(instant);
  return text.replace(/\bAM\b/, "a.m.").replace(/\bPM\b/, "p.m.");
}
