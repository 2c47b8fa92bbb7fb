/**
 * Merges mentions of the same event: same dates, kinds that can describe the same occasion,
 * and a shared person or name ("CUSMA", "APEC"). Every mention is kept, so the merged event
 * cites every article that reported it.
 */
import { byCodeUnit } from "../../lists.ts";
import { family } from "./triggers.ts";
import type { DatedEvent, EventMention } from "./types.ts";

function surnames(m: EventMention): string[] {
  return m.participants.map((p) => p.split(" ").pop() as string);
}

/** `mentions` in citation order (newest article first, then position): the first becomes the headline mention. */
export function mergeMentions(mentions: EventMention[]): DatedEvent[] {
  const groups: EventMention[][] = [];
  // A mention joins the first group holding a mention with the same dates and kind family and
  // a shared surname or name. Indexing groups by those keys finds that group directly;
  // scanning every group took 40 s at 10,000 articles (issue 9). The groups are the same.
  const firstGroup = new Map<string, number>();
  for (const m of mentions) {
    const key = `${m.date}|${m.endDate}|${m.precision}|${family(m.kind)}`;
    const keys = [
      ...surnames(m).map((p) => `${key}|s:${p}`),
      ...m.terms.map((t) => `${key}|t:${t}`),
    ];
    let at = Number.POSITIVE_INFINITY;
    for (const k of keys) at = Math.min(at, firstGroup.get(k) ?? at);
    if (at === Number.POSITIVE_INFINITY) {
      at = groups.length;
      groups.push([m]);
    } else (groups[at] as EventMention[]).push(m);
    for (const k of keys) firstGroup.set(k, Math.min(at, firstGroup.get(k) ?? at));
  }
  // Days are ISO strings: code-unit order is date order, as localeCompare's was, at far less cost
  // (hundreds of thousands of events at archive scale, issue 9).
  return groups
    .map(toEvent)
    .sort((a, b) => byCodeUnit(a.first, b.first) || byCodeUnit(a.last, b.last));
}

function toEvent(group: EventMention[]): DatedEvent {
  // A sentence with its own date leads; one that borrowed it ("at the APEC summit") follows.
  const ordered = group.some((m) => m.inherited)
    ? [...group.filter((m) => !m.inherited), ...group.filter((m) => m.inherited)]
    : group;
  const lead = ordered[0] as EventMention;
  const { terms: _terms, inherited: _inherited, ...fields } = lead;
  const participants: string[] = [];
  // Where mentions narrow the days differently (by tense), the event keeps what all allow.
  let first = lead.first;
  let last = lead.last;
  for (const m of ordered) {
    for (const p of m.participants) if (!participants.includes(p)) participants.push(p);
    if (m.first > first) first = m.first;
    if (m.last < last) last = m.last;
  }
  return {
    ...fields,
    participants,
    place: lead.place ?? ordered.find((m) => m.place)?.place ?? null,
    first,
    last,
    mentions: ordered,
  };
}
