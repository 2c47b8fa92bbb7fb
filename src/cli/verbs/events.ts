/**
 * `events [--upcoming] [--from DATE] [--to DATE]`: the dated events of the knowledge in date
 * order, each with its status against --now and the article sentences that report it.
 */
import { formatResolved } from "../../extract/dates/format.ts";
import { eventsAt } from "../../extract/events/index.ts";
import type { EventWithStatus } from "../../extract/events/types.ts";
import { parsePubDate, pubDateRange } from "../../knowledge/pubdate.ts";
import { UsageError, type Verb } from "../verb.ts";

/** The first or last day of a --from/--to value; a month or a year stands for all its days. */
function bound(option: "from" | "to", raw: string | true | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const d = typeof raw === "string" ? parsePubDate(raw) : null;
  if (!d)
    throw new UsageError(`--${option} must be a date as YYYY-MM-DD, YYYY-MM or YYYY, not "${raw}"`);
  const range = pubDateRange(d);
  return option === "from" ? range.first : range.last;
}

export const eventsVerb: Verb = {
  name: "events",
  summary: "list dated events (meetings, summits, deadlines, tariff actions) with their status",
  usage: "events [--upcoming] [--from DATE] [--to DATE]",
  options: { upcoming: "flag", from: "value", to: "value" },
  run(ctx, { options, positionals }) {
    if (positionals.length)
      throw new UsageError(`events takes no text, got "${positionals.join(" ")}"`);
    const from = bound("from", options.from);
    const to = bound("to", options.to);
    if (from && to && from > to)
      throw new UsageError(`--from (${options.from}) is after --to (${options.to})`);
    const list = eventsAt(ctx.kb(), ctx.now).filter(
      (e) =>
        (!options.upcoming || e.status !== "past") &&
        (!from || e.last >= from) &&
        (!to || e.first <= to),
    );
    if (ctx.json) {
      ctx.out(JSON.stringify(list, null, 2));
      return 0;
    }
    if (!list.length) ctx.out("no dated events match");
    for (const e of list) ctx.out(describe(e));
    return 0;
  },
};

function describe(e: EventWithStatus): string {
  const who = [e.participants.join(", "), e.place ? `in/at ${e.place}` : ""]
    .filter(Boolean)
    .join(" · ");
  const head = `${formatResolved(e.date, e.endDate, e.datePrecision)} · ${e.status} · ${e.kind}${who ? ` · ${who}` : ""}`;
  const sources = e.mentions.map((m) => `    “${m.what}” — ${m.articleId} (“${m.dateText}”)`);
  return [head, ...sources].join("\n");
}
