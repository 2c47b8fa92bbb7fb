/** `people`: the people directory: one entry per person across articles, with roles and quote count. */
import { directory } from "../../people/directory.ts";
import type { Verb } from "../verb.ts";
import { warn } from "./quotes.ts";

export const peopleVerb: Verb = {
  name: "people",
  summary:
    "who is quoted: one entry per person across articles; " +
    "--json: [{ name, kind, aliases, roles, quotes, articles }]",
  usage: "people",
  options: {},
  run(ctx) {
    const d = directory(ctx.kb());
    warn(ctx, d.problems);
    if (ctx.json) {
      const list = d.people.map(({ name, kind, aliases, roles, quotes, articles }) => ({
        name,
        kind,
        aliases,
        roles,
        quotes,
        articles,
      }));
      ctx.out(JSON.stringify(list, null, 2));
      return 0;
    }
    for (const p of d.people) {
      const kind = p.kind === "person" ? "" : ` (${p.kind})`;
      const lines = [`${p.name}${kind} — ${p.quotes} quote${p.quotes === 1 ? "" : "s"}`];
      if (p.roles.length) lines.push(`    roles: ${p.roles.join("; ")}`);
      if (p.aliases.length) lines.push(`    also: ${p.aliases.join(", ")}`);
      ctx.out(lines.join("\n"));
    }
    return 0;
  },
};
