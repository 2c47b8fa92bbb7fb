/** `check`: validates the knowledge folder; exit 1 with every problem listed if any. */
import { loadSectorVocabulary } from "../../extract/tariffs/sectors-file.ts";
import { formatProblem } from "../../knowledge/load.ts";
import { loadAliases } from "../../people/aliases.ts";
import type { Verb } from "../verb.ts";

export const checkVerb: Verb = {
  name: "check",
  summary:
    "validate the knowledge folder: articles, synonyms.yml, sectors.yml, aliases.yml (exit 1 and every problem listed)",
  usage: "check",
  options: {},
  run(ctx) {
    const kb = ctx.kb();
    // The data files beside the articles are checked too: an editor's typo there matters as much.
    const problems = [
      ...kb.problems,
      ...loadSectorVocabulary(ctx.knowledgeDir).problems,
      ...loadAliases(ctx.knowledgeDir).problems,
    ];
    if (ctx.json)
      ctx.out(JSON.stringify({ ok: problems.length === 0, articles: kb.size, problems }, null, 2));
    else if (problems.length === 0)
      ctx.out(`ok: ${kb.size} articles in ${ctx.knowledgeDir}, no problems`);
    else {
      ctx.out(`${problems.length} problem(s) in ${ctx.knowledgeDir} (${kb.size} articles loaded):`);
      for (const p of problems) ctx.out(`  ${formatProblem(p)}`);
    }
    return problems.length ? 1 : 0;
  },
};
