/** `quotes [--speaker NAME]`: every quote with its speaker, role, date and place in the article. */
import { ascending } from "../../answer/views/merge.ts";
import { quotesView, speakerQuotes } from "../../answer/views/quotes.ts";
import { formatPubDate, parsePubDate } from "../../knowledge/pubdate.ts";
import { allQuotes, type QuoteRecord } from "../../people/directory.ts";
import { noQuotesNotice, speakerLine } from "../../people/select.ts";
import type { Verb, VerbContext } from "../verb.ts";

export const quotesVerb: Verb = {
  name: "quotes",
  summary:
    'quotes with speaker, role and date, newest first (--speaker NAME, or "unattributed"); ' +
    "--json: [{ speaker, role, text, kind, articleId, published, start, end }]",
  usage: "quotes [--speaker NAME]",
  options: { speaker: "value" },
  run(ctx, { options }) {
    const kb = ctx.kb();
    const v = quotesView(kb);
    const d = v.directory;
    warn(ctx, d.problems);
    let list: QuoteRecord[];
    if (typeof options.speaker === "string") {
      // The same choice of whom a name means as the quotes intent's; every quote, not the newest few.
      const sel = speakerQuotes(v, options.speaker);
      if (!sel.found) {
        ctx.err(noQuotesNotice(options.speaker, kb.size, sel.closest));
        if (ctx.json) ctx.out("[]");
        return 1;
      }
      list = [...ascending(sel.runs)].map((i) => d.quote(i));
    } else list = allQuotes(d);
    if (ctx.json) ctx.out(JSON.stringify(list.map(publicShape), null, 2));
    else if (list.length === 0) ctx.out("No quotes.");
    else for (const q of list) ctx.out(readable(q));
    return 0;
  },
};

/** The documented JSON fields, and nothing internal. */
export function publicShape(q: QuoteRecord) {
  const { speaker, role, text, kind, articleId, published, start, end } = q;
  return { speaker, role, text, kind, articleId, published, start, end };
}

function readable(q: QuoteRecord): string {
  const date = parsePubDate(q.published);
  const when = date ? formatPubDate(date) : q.published;
  const partial = q.kind === "partial" ? " (partial)" : "";
  return `“${q.text}”${partial}\n    — ${speakerLine(q)} · ${when} · ${q.articleId} [${q.start}–${q.end}]`;
}

export function warn(
  ctx: VerbContext,
  problems: { file: string; field: string; message: string }[],
): void {
  for (const p of problems) ctx.err(`warning: ${p.file}: ${p.field}: ${p.message}`);
}
