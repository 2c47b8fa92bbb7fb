/** `show <id>`: one article as stored. */
import { formatPubDate } from "../../knowledge/pubdate.ts";
import { UsageError, type Verb } from "../verb.ts";

export const showVerb: Verb = {
  name: "show",
  summary: "print one article (--json: { id, headline, outlet, author, published, body })",
  usage: "show <id>",
  options: {},
  run(ctx, { positionals }) {
    if (positionals.length !== 1) throw new UsageError("show takes exactly one article id");
    const id = positionals[0] as string;
    const a = ctx.kb().get(id);
    if (!a) {
      ctx.err(`no article with id "${id}" in ${ctx.knowledgeDir} (see the "articles" verb)`);
      return 1;
    }
    if (ctx.json) {
      const { id: _id, headline, outlet, author, published, body } = a;
      ctx.out(
        JSON.stringify(
          { id, headline, outlet, author: author ?? null, published: published.value, body },
          null,
          2,
        ),
      );
    } else {
      const byline = [a.outlet, a.author, formatPubDate(a.published)].filter(Boolean).join(" · ");
      ctx.out(`${a.headline}\n${byline}\n\n${a.body}`);
    }
    return 0;
  },
};
