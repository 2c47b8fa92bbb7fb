/**
 * The editable alias file, knowledge/aliases.yml: names the automatic matching cannot join
 * (a maiden name, a transliteration) and the display name the desk prefers. A bad file is
 * reported as problems naming the file and field; the directory then works without it.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import type { Problem } from "../knowledge/article.ts";

export const ALIASES_FILE = "aliases.yml";

const name = z.string({ error: "must be a name (text)" }).trim().min(1, "must not be empty");

const schema = z
  .object({
    people: z.array(
      z
        .object({
          name,
          aliases: z
            .array(name, { error: "must be a list of names" })
            .min(1, "needs at least one alias"),
        })
        .strict(),
      { error: "must be a list of { name, aliases } entries" },
    ),
  })
  .strict();

export interface AliasEntry {
  /** The name to show for this person. */
  name: string;
  aliases: string[];
}

export interface Aliases {
  entries: AliasEntry[];
  problems: Problem[];
}

/** A stamp that changes whenever the file does, so the directory is rebuilt after an edit. */
export function aliasesStamp(dir: string | undefined): string {
  if (!dir) return "none";
  try {
    const st = statSync(join(dir, ALIASES_FILE));
    return `${st.mtimeMs}:${st.size}`;
  } catch {
    return "none";
  }
}

export function loadAliases(dir: string | undefined): Aliases {
  if (!dir) return { entries: [], problems: [] };
  const path = join(dir, ALIASES_FILE);
  if (!existsSync(path)) return { entries: [], problems: [] };
  let data: unknown;
  try {
    data = parseYaml(readFileSync(path, "utf8"));
  } catch (e) {
    const message = `unreadable YAML: ${(e as Error).message.split("\n")[0]}`;
    return { entries: [], problems: [{ file: ALIASES_FILE, field: "file", message }] };
  }
  if (data === null || data === undefined) return { entries: [], problems: [] };
  const parsed = schema.safeParse(data);
  if (parsed.success) return { entries: parsed.data.people, problems: [] };
  const problems = parsed.error.issues.map((i) => ({
    file: ALIASES_FILE,
    field: i.path.join(".") || (i.code === "unrecognized_keys" ? i.keys.join(", ") : "people"),
    message: i.code === "unrecognized_keys" ? `unknown field(s): ${i.keys.join(", ")}` : i.message,
  }));
  return { entries: [], problems };
}
