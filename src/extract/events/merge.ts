/**
 * Merges mentions of the same event: same dates, kinds that can describe the same occasion,
 * and a shared person or name ("CUSMA", "APEC"). Every mention is kept, so the merged event
 * cites every article that reported it.
 */
import { type Steps, sortInSteps, stepDone } from "../../knowledge/steps.ts";
import { byCodeUnit } from "../../lists.ts";
import { family } from "./triggers.ts";
import type { DatedEvent, EventMention } from "./types.ts";

function surname(participant: string): string {
  return participant.slice(participant.lastIndexOf(" ") + 1);
}

/**
 * `mentions` in citation order (newest article first, then position): the first becomes the
 * headline mention. `made` gets every event by its first mention; an event of `previous` (the
 * last merge's `made`) whose mentions are the same, in the same order, is taken as it is: after a
 * live change nearly all are, and at 100,000 articles the events are 190 MB the garbage collector
 * would otherwise have to mark again.
 */
export function* mergeMentions(
  mentions: EventMention[],
  previous: ReadonlyMap<EventMention, DatedEvent> | undefined,
  made: Map<EventMention, DatedEvent>,
): Steps<DatedEvent[]> {
  const groups: EventMention[][] = [];
  // A mention joins the first group holding a mention with the same dates and kind family and
  // a shared surname or name. Indexing groups by those keys finds that group directly;
  // scanning every group took 40 s at 10,000 articles (issue 9). The groups are the same.
  // Per dates and family, the first group of each surname and of each name: no key string and no
  // key list is made per surname or name (0.4 million mentions at 100,000 articles).
  const firstGroup = new Map<
    string,
    { surnames: Map<string, number>; terms: Map<string, number> }
  >();
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i] as EventMention;
    const key = `${m.date}|${m.endDate}|${m.precision}|${family(m.kind)}`;
    let first = firstGroup.get(key);
    if (!first) {
      first = { surnames: new Map(), terms: new Map() };
      firstGroup.set(key, first);
    }
    let at = Number.POSITIVE_INFINITY;
    for (const p of m.participants) at = Math.min(at, first.surnames.get(surname(p)) ?? at);
    for (const t of m.terms) at = Math.min(at, first.terms.get(t) ?? at);
    if (at === Number.POSITIVE_INFINITY) {
      at = groups.length;
      groups.push([m]);
    } else (groups[at] as EventMention[]).push(m);
    // `at` is no later than any group these keys had: each now points to it.
    for (const p of m.participants) first.surnames.set(surname(p), at);
    for (const t of m.terms) first.terms.set(t, at);
    if (stepDone(i)) yield;
  }
  const events: DatedEvent[] = [];
  // Sorted as positions over the days: a comparison then reads two arrays, not two events' fields
  // (events differ in shape, so reading their fields in every comparison is several times slower).
  const firsts: string[] = [];
  const lasts: string[] = [];
  const positions: number[] = [];
  for (let g = 0; g < groups.length; g++) {
    const ordered = leadFirst(groups[g] as EventMention[]);
    const lead = ordered[0] as EventMention;
    const before = previous?.get(lead);
    const e = before && sameList(before.mentions, ordered) ? before : toEvent(ordered);
    made.set(lead, e);
    events.push(e);
    firsts.push(e.first);
    lasts.push(e.last);
    positions.push(g);
    if (stepDone(g)) yield;
  }
  // Days are ISO strings: code-unit order is date order, as localeCompare's was, at far less cost
  // (hundreds of thousands of events at archive scale, issue 9).
  const sorted = yield* sortInSteps(
    positions,
    (a, b) =>
      byCodeUnit(firsts[a] as string, firsts[b] as string) ||
      byCodeUnit(lasts[a] as string, lasts[b] as string),
  );
  const out: DatedEvent[] = [];
  for (let i = 0; i < sorted.length; i++) {
    out.push(events[sorted[i] as number] as DatedEvent);
    if (stepDone(i)) yield;
  }
  return out;
}

/** A sentence with its own date leads; one that borrowed it ("at the APEC summit") follows. */
function leadFirst(group: EventMention[]): EventMention[] {
  return group.some((m) => m.inherited)
    ? [...group.filter((m) => !m.inherited), ...group.filter((m) => m.inherited)]
    : group;
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The event `ordered` (lead first) describes: a function of those mentions alone. */
export function toEvent(ordered: EventMention[]): DatedEvent {
  const lead = ordered[0] as EventMention;
  // One mention (most events): its own list, not a copy (nothing changes either list).
  const participants: string[] = ordered.length === 1 ? lead.participants : [];
  // Where mentions narrow the days differently (by tense), the event keeps what all allow.
  let first = lead.first;
  let last = lead.last;
  for (const m of ordered) {
    if (ordered.length > 1)
      for (const p of m.participants) if (!participants.includes(p)) participants.push(p);
    if (m.first > first) first = m.first;
    if (m.last < last) last = m.last;
  }
  const place = lead.place ?? ordered.find((m) => m.place)?.place ?? null;
  // The lead's fields but its terms, in its order (mention.ts), then the mentions. Written out,
  // not a rest and a spread: V8 gives a spread object of this size about 480 bytes of spare
  // property room (120 MB for the 250,000 events of 100,000 articles), and the rest copy took
  // 0.4 s of a restart that makes them all again (issue 9). One literal each way, so the fields
  // sit in the object itself.
  const { date, precision, datePrecision, kind, what, articleId, start, end } = lead;
  const { dateText, dateStart, dateEnd, endDate } = lead;
  return endDate === undefined
    ? {
        date,
        precision,
        datePrecision,
        kind,
        what,
        participants,
        place,
        articleId,
        start,
        end,
        dateText,
        dateStart,
        dateEnd,
        first,
        last,
        mentions: ordered,
      }
    : {
        date,
        precision,
        datePrecision,
        kind,
        what,
        participants,
        place,
        articleId,
        start,
        end,
        dateText,
        dateStart,
        dateEnd,
        first,
        last,
        endDate,
        mentions: ordered,
      };
}
