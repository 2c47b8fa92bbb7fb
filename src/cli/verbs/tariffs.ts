/**
 * `tariffs [sector] [--json]`: the tariff facts extracted from the knowledge, newest first, for
 * one sector or all. With --json, a JSON array of the fact objects (see docs/tariffs.md).
 */
import { type TariffFact, tariffFacts } from "../../extract/tariffs/facts.ts";
import { resolveSector } from "../../extract/tariffs/sectors.ts";
import { sectorVocabulary } from "../../extract/tariffs/sectors-file.ts";
import { formatPubDate } from "../../knowledge/pubdate.ts";
import type { Verb } from "../verb.ts";

export const tariffsVerb: Verb = {
  name: "tariffs",
  summary:
    "tariff facts (sector, rate, imposedBy, on, basis, status, asOf, cited sentence), newest first",
  usage: "tariffs [sector]",
  options: {},
  run(ctx, { positionals }) {
    const kb = ctx.kb();
    const vocab = sectorVocabulary(kb);
    for (const p of vocab.problems)
      ctx.err(
        `warning: ${p.file}: ${p.field}: ${p.message} (using the ${vocab.source} sector list)`,
      );
    let facts = tariffFacts(kb);
    const asked = positionals.join(" ").trim();
    if (asked) {
      const sector = resolveSector(asked, vocab.vocabulary);
      if (!sector) {
        const known = vocab.vocabulary.sectors.map((s) => s.key).join(", ");
        ctx.err(`unknown sector "${asked}". Known sectors: ${known}`);
        return 1;
      }
      facts = facts.filter((f) => f.sector === sector.key);
    }
    if (ctx.json) ctx.out(JSON.stringify(facts, null, 2));
    else if (!facts.length)
      ctx.out(`No tariff facts${asked ? ` about ${asked}` : ""} in the ${kb.size} articles.`);
    else for (const f of facts) ctx.out(line(f));
    return 0;
  },
};

function line(f: TariffFact): string {
  const rate =
    f.rate === null
      ? "rate not stated"
      : f.rateRange
        ? `${f.rateRange[0]}–${f.rateRange[1]}%`
        : `${f.rate}%`;
  const head = [
    formatPubDate(f.asOf) + (f.asOfFrom === "published" ? " (article date)" : ""),
    `${f.sector}`,
    `${f.imposedBy} on ${f.on}`,
    rate +
      (f.previousRate !== undefined ? ` (was ${f.previousRate}%)` : "") +
      (f.overQuota ? " above quota" : ""),
    f.status,
    f.basis ?? "basis not named",
  ].join(" · ");
  return `${head}\n    “${f.snippet}” — ${f.articleId}`;
}
