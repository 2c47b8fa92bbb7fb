/**
 * Loads the knowledge folder. A bad file is reported and skipped; the rest still load,
 * so one editor's typo never takes the bot down.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type Article, type Problem, parseArticle } from "./article.ts";

export interface LoadResult {
  articles: Article[];
  problems: Problem[];
}

/**
 * The article files of a knowledge folder: every `*.md`, sorted for a stable order. `names`: the
 * folder's names, when the caller read them already.
 */
export function listArticleFiles(
  dir: string,
  names: readonly string[] = readdirSync(dir),
): string[] {
  return names.filter((f) => f.endsWith(".md") && !f.startsWith(".")).sort();
}

export function loadKnowledge(dir: string): LoadResult {
  let files: string[];
  try {
    files = listArticleFiles(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return {
      articles: [],
      problems: [
        { file: dir, field: "knowledge", message: `cannot read the folder (${code ?? String(e)})` },
      ],
    };
  }
  const parsed = files.map((file) => {
    let text: string;
    try {
      text = readFileSync(join(dir, file), "utf8");
    } catch (e) {
      return {
        problems: [
          { file, field: "file", message: `unreadable (${(e as NodeJS.ErrnoException).code})` },
        ],
      };
    }
    return parseArticle(file, text);
  });
  return dedupe(parsed);
}

/**
 * Keeps the first file for each id (files are sorted by name) and reports the others,
 * naming the file that already holds the id.
 */
export function dedupe(parsed: { article?: Article; problems: Problem[] }[]): LoadResult {
  const articles: Article[] = [];
  const problems: Problem[] = [];
  const byId = new Map<string, Article>();
  for (const p of parsed) {
    for (const problem of p.problems) problems.push(problem);
    if (!p.article) continue;
    const first = byId.get(p.article.id);
    if (first) {
      problems.push({
        file: p.article.file,
        field: "id",
        message: `duplicate id "${p.article.id}", already used by ${first.file}`,
      });
      continue;
    }
    byId.set(p.article.id, p.article);
    articles.push(p.article);
  }
  return { articles, problems };
}

export function formatProblem(p: Problem): string {
  return `${p.file}: ${p.field}: ${p.message}`;
}
