/**
 * Reads knowledge/sectors.yml. The file is re-read when it changes on disk (checked by size and
 * modification time on each use), so an editor's change applies without a restart. A file with
 * a mistake is not used at all: answers fall back to the last good version of that file, or the
 * built-in list, and the mistake is reported by file and field.
 */
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import type { Problem } from "../../knowledge/article.ts";
import type { KnowledgeBase } from "../../knowledge/base.ts";
import { makeVocabulary, type SectorVocabulary, vocabularySchema } from "./sectors.ts";
import { DEFAULT_VOCABULARY } from "./sectors-default.ts";

export const SECTORS_FILE = "sectors.yml";

export interface LoadedVocabulary {
  vocabulary: SectorVocabulary;
  /** Where the vocabulary in use came from. */
  source: "file" | "built-in" | "last good file";
  problems: Problem[];
}

const cache = new Map<string, { stamp: string; loaded: LoadedVocabulary }>();
const lastGood = new Map<string, SectorVocabulary>();

/** The vocabulary for a knowledge folder (no folder, or no file: the built-in list). */
export function loadSectorVocabulary(dir: string | undefined): LoadedVocabulary {
  if (!dir) return { vocabulary: DEFAULT_VOCABULARY, source: "built-in", problems: [] };
  const path = join(dir, SECTORS_FILE);
  let stamp: string;
  try {
    const st = statSync(path);
    stamp = `${st.mtimeMs}:${st.size}`;
  } catch {
    return { vocabulary: DEFAULT_VOCABULARY, source: "built-in", problems: [] };
  }
  const hit = cache.get(path);
  if (hit?.stamp === stamp) return hit.loaded;
  const loaded = parseFile(path, readFileSync(path, "utf8"));
  cache.set(path, { stamp, loaded });
  return loaded;
}

/** The vocabulary for the knowledge a KnowledgeBase was opened from. */
export function sectorVocabulary(kb: KnowledgeBase): LoadedVocabulary {
  return loadSectorVocabulary(kb.options.dir);
}

function parseFile(path: string, text: string): LoadedVocabulary {
  const result = validate(text);
  if (result.vocabulary) {
    lastGood.set(path, result.vocabulary);
    return { vocabulary: result.vocabulary, source: "file", problems: [] };
  }
  const previous = lastGood.get(path);
  return previous
    ? { vocabulary: previous, source: "last good file", problems: result.problems }
    : { vocabulary: DEFAULT_VOCABULARY, source: "built-in", problems: result.problems };
}

/** Validates the file's text: the vocabulary, or every problem found, each naming its field. */
export function validate(text: string): { vocabulary?: SectorVocabulary; problems: Problem[] } {
  let data: unknown;
  try {
    data = parseYaml(text, { schema: "core" });
  } catch (e) {
    const msg = (e as Error).message.split("\n")[0];
    return {
      problems: [{ file: SECTORS_FILE, field: "file", message: `unreadable YAML: ${msg}` }],
    };
  }
  const parsed = vocabularySchema.safeParse(data ?? {});
  if (parsed.success) return { vocabulary: makeVocabulary(parsed.data), problems: [] };
  return {
    problems: parsed.error.issues.map((i) => ({
      file: SECTORS_FILE,
      field:
        i.code === "unrecognized_keys"
          ? [...i.path, ...i.keys].join(".")
          : i.path.length
            ? i.path.join(".")
            : "sectors",
      message:
        i.code === "unrecognized_keys"
          ? `unknown field(s): ${i.keys.join(", ")}`
          : i.code === "invalid_key"
            ? (i.issues[0]?.message ?? i.message)
            : i.message,
    })),
  };
}
