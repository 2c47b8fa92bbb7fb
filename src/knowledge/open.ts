/** Opens a knowledge folder as a KnowledgeBase: the one entry point the front ends use. */
import { loadSynonyms } from "../search/synonyms.ts";
import { KnowledgeBase } from "./base.ts";
import { loadKnowledge } from "./load.ts";

export function openKnowledge(dir: string): KnowledgeBase {
  const { articles, problems } = loadKnowledge(dir);
  const synonyms = loadSynonyms(dir);
  return new KnowledgeBase(articles, [...problems, ...synonyms.problems], {
    dir,
    synonyms: synonyms.map,
  });
}
