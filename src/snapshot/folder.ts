/**
 * Reads every article file of the knowledge folder with its content hash. The hash is what the
 * snapshot is keyed by, so a file whose bytes did not change is recognised whatever its date or
 * name, and one changed byte is enough to re-read and re-extract it.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Problem } from "../knowledge/article.ts";
import { listArticleFiles } from "../knowledge/load.ts";
import type { Pace } from "../knowledge/pace.ts";

export interface FolderFile {
  file: string;
  hash: string;
  text: string;
}

export function contentHash(bytes: Uint8Array): string {
  return createHash("sha1").update(bytes).digest("base64url");
}

/** Reads the folder, taking a turn of the event loop whenever `pace` says so. */
export async function readFolder(
  dir: string,
  pace?: Pace,
): Promise<{ files: FolderFile[]; problems: Problem[] }> {
  let names: string[];
  try {
    names = listArticleFiles(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return {
      files: [],
      problems: [
        { file: dir, field: "knowledge", message: `cannot read the folder (${code ?? String(e)})` },
      ],
    };
  }
  const files: FolderFile[] = [];
  const problems: Problem[] = [];
  for (const file of names) {
    if (pace?.due()) await pace.turn();
    try {
      const bytes = readFileSync(join(dir, file));
      files.push({ file, hash: contentHash(bytes), text: bytes.toString("utf8") });
    } catch (e) {
      problems.push({
        file,
        field: "file",
        message: `unreadable (${(e as NodeJS.ErrnoException).code})`,
      });
    }
  }
  return { files, problems };
}

/** Where an article's body sits in its file's text: parseArticle trims it from the end of the file. */
export function bodyRange(
  text: string,
  body: string,
): { bodyStart: number; bodyEnd: number } | null {
  const bodyEnd = text.trimEnd().length;
  const bodyStart = bodyEnd - body.length;
  return bodyStart >= 0 && text.slice(bodyStart, bodyEnd) === body ? { bodyStart, bodyEnd } : null;
}
