/** `ingest <file> --headline H --outlet O --published DATE …`: a raw text file into a knowledge file. */
import { readFileSync } from "node:fs";
import { ingest } from "../../knowledge/ingest.ts";
import { UsageError, type Verb } from "../verb.ts";

export const ingestVerb: Verb = {
  name: "ingest",
  summary: "turn a raw text file into a clean, validated knowledge file; prints its id",
  usage: "ingest <file> --headline H --outlet O --published DATE [--author A] [--url U] [--id ID]",
  options: {
    headline: "value",
    outlet: "value",
    published: "value",
    author: "value",
    url: "value",
    id: "value",
  },
  run(ctx, { positionals, options }) {
    if (positionals.length !== 1) throw new UsageError("ingest takes exactly one file");
    for (const required of ["headline", "outlet", "published"]) {
      if (typeof options[required] !== "string") throw new UsageError(`ingest needs --${required}`);
    }
    const file = positionals[0] as string;
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (e) {
      ctx.err(`cannot read ${file} (${(e as NodeJS.ErrnoException).code})`);
      return 1;
    }
    const opt = (k: string) =>
      typeof options[k] === "string" ? (options[k] as string) : undefined;
    const result = ingest(ctx.kb(), ctx.knowledgeDir, {
      text,
      headline: opt("headline") as string,
      outlet: opt("outlet") as string,
      published: opt("published") as string,
      author: opt("author"),
      url: opt("url"),
      id: opt("id"),
    });
    if (!result.ok) {
      for (const e of result.errors) ctx.err(`refused: ${e.field}: ${e.message}`);
      return 1;
    }
    ctx.out(
      ctx.json ? JSON.stringify({ id: result.article.id, file: result.path }) : result.article.id,
    );
    return 0;
  },
};
