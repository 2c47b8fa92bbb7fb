/**
 * Turns raw pasted text plus metadata into a validated knowledge file. It refuses duplicates
 * (same id, or the same body already present) and bad metadata, and writes nothing when it
 * refuses.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { crc32 } from "node:zlib";
import { type Article, formatArticle, parseArticle } from "./article.ts";
import { writeFileAtomic } from "./atomic.ts";
import type { KnowledgeBase } from "./base.ts";

export interface IngestInput {
  text: string;
  headline: string;
  outlet: string;
  published: string;
  author?: string;
  url?: string;
  id?: string;
}

export type IngestResult =
  | { ok: true; article: Article; path: string }
  | { ok: false; errors: { field: string; message: string }[] };

/**
 * Paragraphs from pasted text: blank-line separated when the text has blank lines (lines inside
 * a paragraph are joined), otherwise one paragraph per line. A first line repeating the headline goes.
 */
export function cleanBody(text: string, headline: string): string {
  const normalized = text.replace(/\r\n?/g, "\n").replace(/\u00a0/g, " ");
  const blocks = /\n[ \t]*\n/.test(normalized)
    ? normalized.split(/\n[ \t]*\n/)
    : normalized.split("\n");
  const paras = blocks
    .map((b) =>
      b
        .replace(/\s*\n\s*/g, " ")
        .replace(/[ \t]+/g, " ")
        .trim(),
    )
    .filter(Boolean);
  if (paras[0] && paras[0].toLowerCase() === headline.trim().toLowerCase()) paras.shift();
  return paras.join("\n\n");
}

export function slugId(published: string, headline: string): string {
  const words = headline
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .slice(0, 7);
  return [published, ...words].join("-");
}

/** Whitespace-insensitive body identity, for the "same body already present" rule. */
function bodyKey(body: string): string {
  return body.replace(/\s+/g, " ").trim().toLowerCase();
}

/** The per-article key of an article's body number. */
export const BODY_NUMBER_KEY = "body:number";

/**
 * A number for an article's body identity, kept per article and saved with the snapshot's
 * extraction results (src/extract/registry.ts), so the duplicate check reads only the bodies
 * whose number is the new one's. Reading every body took seconds at 100,000 articles, while
 * Slack waited for the form's answer (issue 9).
 */
export function bodyNumber(kb: KnowledgeBase, article: Article): number {
  return kb.perArticle(BODY_NUMBER_KEY, article, (a) => crc32(bodyKey(a.body)));
}

export function ingest(kb: KnowledgeBase, dir: string, input: IngestInput): IngestResult {
  const body = cleanBody(input.text, input.headline);
  const id = input.id ?? slugId(input.published, input.headline);
  const file = `${id}.md`;
  const draft = formatArticle({
    id,
    headline: input.headline,
    outlet: input.outlet,
    author: input.author,
    url: input.url,
    // Validated below by the same schema as every knowledge file.
    published: { value: input.published, precision: "day" },
    body,
  });
  const { article, problems } = parseArticle(file, draft);
  if (!article)
    return { ok: false, errors: problems.map(({ field, message }) => ({ field, message })) };
  const existing = kb.get(id);
  if (existing || existsSync(join(dir, file))) {
    return {
      ok: false,
      errors: [
        {
          field: "id",
          message: `an article with id "${id}" already exists (${existing?.file ?? file})`,
        },
      ],
    };
  }
  const key = bodyKey(article.body);
  const n = bodyNumber(kb, article);
  const same = kb.articles().find((a) => bodyNumber(kb, a) === n && bodyKey(a.body) === key);
  if (same) {
    return {
      ok: false,
      errors: [
        { field: "body", message: `the same text is already in the knowledge as "${same.id}"` },
      ],
    };
  }
  const path = join(dir, file);
  try {
    writeFileAtomic(path, draft, { exclusive: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") {
      return {
        ok: false,
        errors: [{ field: "id", message: `an article with id "${id}" already exists (${file})` }],
      };
    }
    throw e;
  }
  return { ok: true, article, path };
}
