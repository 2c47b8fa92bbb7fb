/**
 * Whether a re-read file says exactly what the article in service says. A touched file, or one
 * the Slack add flow already put in service, then costs no index update and no re-extraction.
 */
import type { Article } from "../knowledge/article.ts";

const FIELDS = [
  "id",
  "headline",
  "outlet",
  "author",
  "time",
  "url",
  "dateNote",
  "note",
  "body",
  "file",
] as const satisfies readonly (keyof Article)[];

export function sameArticle(a: Article, b: Article): boolean {
  return (
    FIELDS.every((k) => a[k] === b[k]) &&
    a.published.value === b.published.value &&
    a.published.precision === b.published.precision
  );
}
