/**
 * The editable synonym list (knowledge/synonyms.yml). Each word maps to its group's first
 * word, applied to index and query terms alike, so one lookup serves both directions.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import type { Problem } from "../knowledge/article.ts";
import { foldTerm } from "./normalize.ts";

export const SYNONYMS_FILE = "synonyms.yml";

const schema = z
  .object({
    groups: z.array(
      z
        .array(
          z
            .string()
            .trim()
            .regex(/^[\p{L}\p{N}]+$/u, "a synonym must be one word"),
        )
        .min(2, "a group needs two words or more"),
    ),
  })
  .strict();

export type SynonymMap = ReadonlyMap<string, string>;

export function buildSynonymMap(groups: string[][]): SynonymMap {
  const map = new Map<string, string>();
  for (const group of groups) {
    const head = foldTerm(group[0] as string);
    for (const word of group) map.set(foldTerm(word), head);
  }
  return map;
}

/** Reads synonyms.yml from the knowledge folder; a missing file means no synonyms, a bad one is a problem. */
export function loadSynonyms(dir: string): { map: SynonymMap; problems: Problem[] } {
  const path = join(dir, SYNONYMS_FILE);
  if (!existsSync(path)) return { map: new Map(), problems: [] };
  try {
    const parsed = schema.safeParse(parseYaml(readFileSync(path, "utf8")));
    if (parsed.success) return { map: buildSynonymMap(parsed.data.groups), problems: [] };
    const problems = parsed.error.issues.map((i) => ({
      file: SYNONYMS_FILE,
      field: i.path.join(".") || "groups",
      message: i.message,
    }));
    return { map: new Map(), problems };
  } catch (e) {
    return {
      map: new Map(),
      problems: [
        {
          file: SYNONYMS_FILE,
          field: "file",
          message: `unreadable YAML: ${(e as Error).message.split("\n")[0]}`,
        },
      ],
    };
  }
}
