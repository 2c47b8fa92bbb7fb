/**
 * What a sentence says is happening to a tariff: in force, raised, lowered, lifted, paused,
 * announced, threatened, proposed, or under negotiation. Status words attach to the tariff word
 * they govern (a verb to the tariff word after it, "tariff relief" to the one it follows), and
 * a change wanted rather than made ("determined to get the Americans to lift …") is a negotiation.
 */
import { type Anchor, gap } from "./anchors.ts";

export const STATUSES = [
  "in force",
  "raised",
  "lowered",
  "lifted",
  "paused",
  "announced",
  "threatened",
  "proposed",
  "under negotiation",
] as const;
export type Status = (typeof STATUSES)[number];

/** Statuses that change a measure: a later fact with one of these replaces an earlier rate. */
export const CHANGES: ReadonlySet<Status> = new Set(["raised", "lowered", "lifted", "paused"]);

const CUES: { status: Status; re: RegExp }[] = [
  {
    status: "lifted",
    re: /\b(?:lift(?:s|ed|ing)?|remov(?:e|es|ed|ing)|drop(?:s|ped|ping)?|scrap(?:s|ped|ping)?|rescind(?:s|ed|ing)?|repeal(?:s|ed|ing)?|eliminat(?:e|es|ed|ing)|roll(?:s|ed|ing)? back|withdr(?:ew|awn|aws?))\b/gi,
  },
  { status: "paused", re: /\b(?:paus(?:e|es|ed|ing)|suspend(?:s|ed|ing)?|suspension)\b/gi },
  {
    status: "lowered",
    re: /\b(?:lower(?:s|ed|ing)?|cut(?:s|ting)?|reduc(?:e|es|ed|ing|tions?)|eas(?:e|es|ed|ing)|halv(?:e|es|ed|ing))\b/gi,
  },
  {
    status: "raised",
    re: /\b(?:rais(?:e|es|ed|ing)|hik(?:e|es|ed|ing)|increas(?:e|es|ed|ing)|doubl(?:e|es|ed|ing)|tripl(?:e|es|ed|ing))\b/gi,
  },
  { status: "threatened", re: /\bthreaten(?:s|ed|ing)?\b/gi },
  {
    status: "proposed",
    re: /\b(?:propos(?:e|es|ed|ing|al)|consider(?:s|ed|ing)?|weigh(?:s|ed|ing)|mull(?:s|ed|ing)?|plans? to|planning to)\b/gi,
  },
  {
    status: "announced",
    re: /\b(?:announc(?:e|es|ed|ing)|promis(?:e|es|ed|ing)|unveil(?:s|ed|ing)?)\b/gi,
  },
  {
    status: "under negotiation",
    re: /\b(?:negotiat\w*|talks|discuss\w*|address(?:es|ed|ing)?|relief|lobby\w*|broker\w*|movement)\b/gi,
  },
  {
    status: "in force",
    re: /\b(?:impos(?:e|es|ed|ing)|maintain(?:s|ed|ing)?|keep(?:s|ing)?|kept|remain(?:s|ed|ing)?|in (?:force|effect|place)|appl(?:y|ies|ied)|levied|slapped|still|currently|hammer\w*)\b/gi,
  },
];

/** Wanting, asking or pushing for a change: the change is sought, not made. */
const GOAL =
  /\b(?:hope[sd]?|hoping|wants?|wanted|seek\w*|sought|urg(?:e|es|ed|ing)|ask(?:s|ed|ing)?|persuade\w*|lobby\w*|press(?:es|ed|ing)? for|push(?:es|ed|ing)? for|determined to|aim(?:s|ed|ing)? to|get\b.{0,30}\bto|key issues?|priorit(?:y|ies)|demand(?:s|ed|ing)?)\b[^.;]*$/i;

export interface Cue {
  status: Status;
  start: number;
  end: number;
  /** Index of the anchor the cue governs. */
  anchor: number;
}

/** Every status word in `text`, each tied to the tariff word it governs. */
export function findCues(text: string, anchors: Anchor[]): Cue[] {
  const out: Cue[] = [];
  for (const { status, re } of CUES) {
    for (const m of text.matchAll(re)) {
      const span = { start: m.index, end: m.index + m[0].length };
      if (out.some((c) => c.start < span.end && c.end > span.start)) continue;
      if (anchors.some((a) => a.start < span.end && a.end > span.start)) continue;
      const anchor = governed(text, span, anchors);
      if (anchor < 0 || activeAfter(text, status, span, anchors[anchor] as Anchor)) continue;
      out.push({ status: goalOrSelf(text, status, span.start), ...span, anchor });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * The anchor a status word governs: the tariff word it directly follows ("tariff relief"), else
 * the next one within 40 characters with no comma between ("lifted its 25% retaliatory tariffs"),
 * else the nearest one before it ("tariffs, which were raised"), else the next one at all.
 */
function governed(text: string, span: { start: number; end: number }, anchors: Anchor[]): number {
  const follows = anchors.findIndex(
    (a) => a.end <= span.start && /^\s?$/.test(text.slice(a.end, span.start)),
  );
  if (follows >= 0) return follows;
  const next = anchors.findIndex((a) => a.start >= span.end);
  const nextAnchor = anchors[next];
  if (
    nextAnchor &&
    nextAnchor.start - span.end <= 40 &&
    !/[,;:—()]/.test(text.slice(span.end, nextAnchor.start))
  ) {
    return next;
  }
  let before = -1;
  anchors.forEach((a, i) => {
    if (a.end <= span.start) before = i;
  });
  return before >= 0 ? before : next;
}

/**
 * A change verb after its tariff word in the active voice makes the tariff the agent, not what
 * changed: "the 25% tariff … has cut their exports". Only a passive ("tariffs, which were raised
 * to 35%") or a compound noun ("tariff cuts") says the tariff itself changed.
 */
function activeAfter(
  text: string,
  status: Status,
  span: { start: number; end: number },
  anchor: Anchor,
): boolean {
  if (!CHANGES.has(status) || anchor.end > span.start) return false;
  const between = text.slice(anchor.end, span.start);
  if (/^\s?$/.test(between)) return false;
  return !/\b(?:is|are|was|were|be|been|being|get|gets|got|gotten)\s+(?:\w+\s+)?$/i.test(between);
}

function goalOrSelf(text: string, status: Status, at: number): Status {
  if (status !== "lifted" && status !== "lowered" && status !== "raised" && status !== "paused")
    return status;
  return GOAL.test(text.slice(Math.max(0, at - 45), at)) ? "under negotiation" : status;
}

/**
 * The status of one sector under one anchor: a status word between the anchor and the sector
 * name first ("… while keeping restrictions on certain steel"), else the nearest one the anchor
 * governs, preferring words before it (verbs come before their objects).
 */
export function statusFor(
  cues: Cue[],
  anchorIndex: number,
  anchor: Anchor,
  mention: { start: number; end: number },
): Status | undefined {
  const own = cues.filter((c) => c.anchor === anchorIndex);
  const lo = Math.min(anchor.end, mention.end);
  const hi = Math.max(anchor.start, mention.start);
  const inside = own.filter((c) => c.start >= lo && c.end <= hi);
  if (inside.length) {
    const towardMention = mention.start >= anchor.end ? inside[inside.length - 1] : inside[0];
    return towardMention?.status;
  }
  let best: Cue | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const c of own) {
    const score = gap(c, anchor) * (c.start < anchor.start ? 1 : 2);
    if (score < bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best?.status;
}
