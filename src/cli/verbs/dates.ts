/**
 * `dates <text…> --published DATE`: the date resolver on its own, so an editor can see how a
 * phrase was read ("Tuesday" in a Monday article → 2025-10-07) without any knowledge loaded.
 */
import { formatResolved } from "../../extract/dates/format.ts";
import { resolveDates } from "../../extract/dates/resolve.ts";
import { parsePubDate } from "../../knowledge/pubdate.ts";
import { UsageError, type Verb } from "../verb.ts";

export const datesVerb: Verb = {
  name: "dates",
  summary: "show how each date phrase of a text resolves against a publication date",
  usage: "dates <text…> --published DATE",
  options: { published: "value" },
  run(ctx, { positionals, options }) {
    const text = positionals.join(" ").trim();
    if (!text)
      throw new UsageError(
        "dates needs a text, e.g. dates Carney will meet Trump Tuesday --published 2025-10-06",
      );
    const raw = options.published;
    if (typeof raw !== "string")
      throw new UsageError("dates needs --published DATE (YYYY-MM-DD, YYYY-MM or YYYY)");
    const published = parsePubDate(raw);
    if (!published)
      throw new UsageError(
        `--published must be a date as YYYY-MM-DD, YYYY-MM or YYYY, not "${raw}"`,
      );
    const found = resolveDates(text, published);
    if (ctx.json) {
      ctx.out(JSON.stringify(found, null, 2));
      return 0;
    }
    if (!found.length) ctx.out("no date phrase found");
    for (const d of found) {
      const value =
        d.value === null ? "unresolved" : d.endValue ? `${d.value} to ${d.endValue}` : d.value;
      const why =
        d.note ?? `${formatResolved(d.value, d.endValue, d.precision)}; read as ${d.direction}`;
      ctx.out(`“${d.text}” [${d.start}-${d.end}] → ${value} (${d.precision}, ${d.rule}): ${why}`);
    }
    return 0;
  },
};
