/**
 * The knowledge file format: YAML front matter validated with zod, then the clean body.
 * Every offset anywhere in the project (passages, quotes, events, citations) points into
 * `Article.body` exactly as returned here, so this is the one place that decides what the body is.
 */
import { z } from "zod";
import { readFrontMatter } from "./frontmatter.ts";
import { type PubDate, parsePubDate } from "./pubdate.ts";

export interface Article {
  id: string;
  headline: string;
  outlet: string;
  author?: string;
  published: PubDate;
  time?: string;
  url?: string;
  dateNote?: string;
  note?: string;
  body: string;
  /** The file it came from, relative to the knowledge folder. */
  file: string;
}

/** One thing wrong with one file; `field` is the front-matter key, or "body" / "front matter". */
export interface Problem {
  file: string;
  field: string;
  message: string;
}

const nonEmpty = (what: string) =>
  z
    .string({ error: `${what} is required` })
    .trim()
    .min(1, `${what} is empty`);

export const frontMatterSchema = z
  .object({
    id: nonEmpty("id").regex(
      /^[a-z0-9][a-z0-9-]*$/,
      "id must be lower-case letters, digits and hyphens (e.g. 2025-10-06-carney-white-house)",
    ),
    headline: nonEmpty("headline"),
    outlet: nonEmpty("outlet"),
    author: z.string().trim().min(1).optional(),
    published: z
      .union([z.string(), z.number(), z.date()], { error: "published is required" })
      .transform((v, ctx) => {
        const text = v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
        const d = parsePubDate(text);
        if (!d) {
          ctx.addIssue({
            code: "custom",
            message: `published must be a date as YYYY-MM-DD, YYYY-MM or YYYY, not "${text}"`,
          });
          return z.NEVER;
        }
        return d;
      }),
    time: z
      .string()
      .regex(/^\d{2}:\d{2}$/, "time must be HH:MM")
      .optional(),
    url: z.url({ error: "url must be an absolute http(s) URL" }).optional(),
    dateNote: z.string().optional(),
    note: z.string().optional(),
  })
  .strict();

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

/** Parses one knowledge file. Returns the article, or every problem found in it. */
export function parseArticle(
  file: string,
  text: string,
): { article?: Article; problems: Problem[] } {
  const m = FRONT_MATTER.exec(text);
  if (!m) {
    return {
      problems: [
        {
          file,
          field: "front matter",
          message: "missing: the file must start with a --- YAML block ---",
        },
      ],
    };
  }
  let data: unknown;
  try {
    data = readFrontMatter(m[1] ?? "");
  } catch (e) {
    const msg = (e as Error).message.split("\n")[0];
    return { problems: [{ file, field: "front matter", message: `unreadable YAML: ${msg}` }] };
  }
  const problems: Problem[] = [];
  const parsed = frontMatterSchema.safeParse(data ?? {});
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path.length ? issue.path.join(".") : "front matter";
      const message =
        issue.code === "unrecognized_keys"
          ? `unknown field(s): ${issue.keys.join(", ")}`
          : issue.message;
      problems.push({
        file,
        field: issue.code === "unrecognized_keys" ? issue.keys.join(", ") : field,
        message,
      });
    }
  }
  const body = text.slice(m[0].length).trim();
  if (!body) problems.push({ file, field: "body", message: "body is empty" });
  if (problems.length || !parsed.success) return { problems };
  return { article: { ...parsed.data, body, file }, problems };
}

/** Serializes an article back to the file format (front matter + body), for ingest and Slack adds. */
export function formatArticle(a: Omit<Article, "file">): string {
  const lines = [
    "---",
    `id: ${a.id}`,
    `headline: ${JSON.stringify(a.headline)}`,
    `outlet: ${JSON.stringify(a.outlet)}`,
  ];
  if (a.author) lines.push(`author: ${JSON.stringify(a.author)}`);
  lines.push(`published: ${JSON.stringify(a.published.value)}`);
  if (a.time) lines.push(`time: ${JSON.stringify(a.time)}`);
  if (a.url) lines.push(`url: ${JSON.stringify(a.url)}`);
  if (a.dateNote) lines.push(`dateNote: ${JSON.stringify(a.dateNote)}`);
  if (a.note) lines.push(`note: ${JSON.stringify(a.note)}`);
  lines.push("---", "", a.body.trim(), "");
  return lines.join("\n");
}
