/** `articles`: the knowledge, newest first, with each date's precision. */
import { formatPubDate } from "../../knowledge/pubdate.ts";
import type { Verb } from "../verb.ts";

export const articlesVerb: Verb = {
  name: "articles",
  summary: "list the articles: id, headline, outlet, published (with precision)",
  usage: "articles",
  options: {},
  run(ctx) {
    const list = ctx
      .kb()
      .articles()
      .map((a) => ({
        id: a.id,
        headline: a.headline,
        outlet: a.outlet,
        published: a.published.value,
        precision: a.published.precision,
      }));
    if (ctx.json) ctx.out(JSON.stringify(list, null, 2));
    else
      for (const a of ctx.kb().articles())
        ctx.out(`${a.id}\n    ${a.headline} · ${a.outlet} · ${formatPubDate(a.published)}`);
    return 0;
  },
};
