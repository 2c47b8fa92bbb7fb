/**
 * Tariff rates in a sentence: "50%", "50 per cent", "35-per-cent", "25 percent", "raised to 35%",
 * "from 25% to 50%", "10% to 20%", "between 10 and 20 per cent", a rate "down from" another, a
 * rate "above the quota". A percentage is a tariff rate only when it stands next to a tariff
 * word ("a 50% rate", "tariffs of 25%", "duties … to a combined 20.5 per cent"), never when it is
 * a share ("85% of goods", "less than 1% of fentanyl") or another measure ("growth fell 0.4 per cent").
 */
import type { Anchor } from "./anchors.ts";

export interface RateExpr {
  /** The rate stated: the new one of a change, the top of a range. */
  value: number;
  /** The rate before a change ("from 25% to 50%", "cut its 25 per cent surtax … to 10 per cent"). */
  previous?: number;
  range?: [number, number];
  /** The rate applies above a quota. */
  overQuota?: boolean;
  start: number;
  end: number;
  /** Index of the anchor (tariff word) the rate belongs to. */
  anchor: number;
}

const NUM = String.raw`(\d{1,3}(?:\.\d+)?)`;
const PCT = String.raw`(?:\s?%|[\s-]per[\s-]?cent(?![\p{L}])|[\s-]percent(?![\p{L}]))`;
const LEAD = String.raw`(?<![\d.,\p{L}])`;
// Regexes with \p{…} are module constants: tsx (esbuild) turns such a literal into
// `new RegExp(…)`, which inside a function is compiled again on every call.
const DOTTED_INITIALISM = /\b(?:\p{Lu}\.){2,}/gu;
const STARTS_UPPER = /^\p{Lu}/u;
const SHAPES: { kind: "change" | "range" | "single"; re: RegExp }[] = [
  { kind: "change", re: new RegExp(String.raw`\bfrom\s+${NUM}${PCT}?\s+to\s+${NUM}${PCT}`, "giu") },
  {
    kind: "range",
    re: new RegExp(String.raw`\bbetween\s+${NUM}${PCT}?\s+and\s+${NUM}${PCT}`, "giu"),
  },
  {
    kind: "range",
    re: new RegExp(String.raw`${LEAD}${NUM}${PCT}?\s*(?:to|-|–|—)\s*${NUM}${PCT}`, "giu"),
  },
  { kind: "single", re: new RegExp(`${LEAD}${NUM}${PCT}`, "giu") },
];
/** ", down from 35.2 per cent" (after at most a few words: "20.5 per cent on Tuesday, down from …"). */
const PREVIOUS_AFTER = new RegExp(
  String.raw`^[^\d.;]{0,25}?,?\s*\(?\s*(?:down|up)\s+from\s+${NUM}${PCT}`,
  "iu",
);
const OVER_QUOTA =
  /\b(?:above|over|beyond|outside|exceed\w*|in excess of)\s+(?:the\s+|a\s+|its\s+|that\s+)?quotas?\b|\b(?:over|above|out-of|outside)[-\s]quota\b/i;

/** Words that may stand between a tariff word and its rate ("tariffs, which were raised to 35%"). */
const BETWEEN_WORDS = new Set(
  (
    "which that were was is are be been being has have had will would could may might now currently still " +
    "at of to from set raised hiked increased lowered cut reduced doubled tripled halved imposed applied fixed " +
    "stand stands stood rise rises rose risen fall falls fell fallen run runs ran as high much up go goes " +
    "went jump jumps jumped climb climbs climbed on in the a an its their new combined total average top " +
    "blanket flat additional further extra effective goods products all some certain"
  ).split(" "),
);
/** Words after a rate that end the search for its tariff word ("15% drop in exports due to tariffs"). */
const STOP_AFTER = new Set(
  "in of off on to for from by with and or than as at but since because".split(" "),
);

interface Raw {
  value: number;
  previous?: number;
  range?: [number, number];
  start: number;
  end: number;
}

/** Every tariff rate in `text` (one sentence), each tied to the anchor it belongs to. */
export function findRates(text: string, anchors: Anchor[], sectorWords: Set<string>): RateExpr[] {
  const found: RateExpr[] = [];
  for (const raw of rawRates(text)) {
    if (found.some((f) => raw.start < f.end)) continue; // already read as a previous rate
    const rest = text.slice(raw.end);
    if (/^\s+(?:of|off)\b/i.test(rest)) continue;
    const anchor = anchorAfter(text, raw, anchors) ?? anchorBefore(text, raw, anchors, sectorWords);
    if (anchor === undefined) continue;
    const expr: RateExpr = { ...raw, anchor };
    const prev = PREVIOUS_AFTER.exec(rest);
    if (prev && expr.previous === undefined && !expr.range) {
      expr.previous = Number(prev[1]);
      expr.end += prev[0].length;
    }
    if (isOverQuota(text, expr)) expr.overQuota = true;
    found.push(expr);
  }
  return mergeChanges(text, found);
}

function rawRates(text: string): Raw[] {
  const out: Raw[] = [];
  for (const { kind, re } of SHAPES) {
    for (const m of text.matchAll(re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (out.some((r) => r.start < end && r.end > start)) continue;
      const a = Number(m[1]);
      const b = Number(m[2]);
      if (kind === "single") out.push({ value: a, start, end });
      else if (kind === "change") out.push({ value: b, previous: a, start, end });
      else if (a < b) out.push({ value: b, range: [a, b], start, end });
    }
  }
  return out.sort((x, y) => x.start - y.start);
}

/** "a 50% rate", "25-per-cent retaliatory tariffs": the tariff word within three words after. */
function anchorAfter(text: string, raw: Raw, anchors: Anchor[]): number | undefined {
  const words = /[^\s,;:.()]+/gy;
  let pos = raw.end;
  for (let n = 0; n < 4; n++) {
    const space = /^\s*/.exec(text.slice(pos))?.[0].length ?? 0;
    words.lastIndex = pos + space;
    const m = words.exec(text);
    if (!m) return undefined;
    const i = anchors.findIndex((a) => a.start <= m.index && m.index < a.end);
    if (i >= 0) return i;
    if (STOP_AFTER.has(m[0].toLowerCase())) return undefined;
    pos = m.index + m[0].length;
  }
  return undefined;
}

/** "tariffs, which were raised to 35%": the nearest tariff word before, with only neutral words between. */
function anchorBefore(
  text: string,
  raw: Raw,
  anchors: Anchor[],
  sectorWords: Set<string>,
): number | undefined {
  let best = -1;
  anchors.forEach((a, i) => {
    if (a.end <= raw.start && (best < 0 || a.end > (anchors[best] as Anchor).end)) best = i;
  });
  if (best < 0) return undefined;
  // Dotted initialisms ("U.S.") are words, not sentence punctuation.
  const between = text
    .slice((anchors[best] as Anchor).end, raw.start)
    .replace(DOTTED_INITIALISM, "US");
  if (/[.;:!?—()]/.test(between)) return undefined;
  const words = between.split(/[\s,]+/).filter(Boolean);
  if (words.length > 8) return undefined;
  const neutral = words.every((w) =>
    w.split(/[-‑]/).every((part) => {
      const bare = part.replace(/^["'“‘]+|["'”’]+$/g, "");
      const lower = bare.toLowerCase();
      return !bare || BETWEEN_WORDS.has(lower) || sectorWords.has(lower) || STARTS_UPPER.test(bare);
    }),
  );
  return neutral ? best : undefined;
}

function isOverQuota(text: string, r: { start: number; end: number }): boolean {
  return (
    OVER_QUOTA.test(text.slice(r.end, r.end + 50)) ||
    OVER_QUOTA.test(text.slice(Math.max(0, r.start - 25), r.start))
  );
}

/**
 * "cut its 25 per cent surtax on U.S. steel to 10 per cent": a rate introduced by "to" (not "up
 * to") after another rate on the same tariff word is the new rate, and the earlier one the previous.
 */
function mergeChanges(text: string, rates: RateExpr[]): RateExpr[] {
  const out: RateExpr[] = [];
  for (const r of rates) {
    const isTo = /(?<!\bup\s)\bto\s*$/i.test(text.slice(Math.max(0, r.start - 8), r.start));
    const earlierIndex = out.findIndex(
      (e) => e.anchor === r.anchor && e.previous === undefined && !e.range,
    );
    const earlier = out[earlierIndex];
    if (isTo && earlier && r.previous === undefined && !r.range) {
      out[earlierIndex] = { ...r, previous: earlier.value, start: earlier.start };
      continue;
    }
    out.push(r);
  }
  return out;
}
