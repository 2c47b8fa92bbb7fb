/**
 * Adding an article from the Slack form: read the submitted fields, ingest them with the same
 * rules as the CLI's `ingest` (validation, duplicates, atomic exclusive write), and put the
 * article in service at once, so it answers before the folder watcher even sees the file.
 * Errors come back keyed by the form's fields, ready for `response_action: "errors"`.
 */

import type { Article } from "../knowledge/article.ts";
import type { KnowledgeBase } from "../knowledge/base.ts";
import { type IngestInput, ingest } from "../knowledge/ingest.ts";
import { FIELD_ACTION, FIELDS, type Field } from "../render/add-article-modal.ts";
import { type RichText, richTextToPlain } from "./slack-text.ts";

/** A view_submission's `view.state.values`: block id → action id → the element's state. */
export type FormValues = Record<
  string,
  Record<string, { type?: string; value?: string | null; rich_text_value?: RichText }>
>;

export type FieldErrors = Partial<Record<Field, string>>;

export type AddOutcome =
  | { ok: true; article: Article; path: string }
  | { ok: false; errors: FieldErrors };

const LABELS: Record<Field, string> = {
  headline: "Headline",
  outlet: "Outlet",
  author: "Author",
  published: "Published",
  url: "Link",
  text: "Article text",
};
const REQUIRED: Field[] = ["headline", "outlet", "published", "text"];

/** The submitted fields as ingest input, or what is missing. */
export function readForm(values: FormValues): { input: IngestInput } | { errors: FieldErrors } {
  const get = (f: Field): string | undefined => {
    const state = values[FIELDS[f]]?.[FIELD_ACTION];
    const raw = state?.rich_text_value ? richTextToPlain(state.rich_text_value) : state?.value;
    return raw?.trim() || undefined;
  };
  const errors: FieldErrors = {};
  for (const f of REQUIRED) if (!get(f)) errors[f] = `${LABELS[f]} is required`;
  if (Object.keys(errors).length) return { errors };
  const input: IngestInput = {
    headline: get("headline") as string,
    outlet: get("outlet") as string,
    published: get("published") as string,
    text: get("text") as string,
  };
  const author = get("author");
  const url = get("url");
  if (author) input.author = author;
  if (url) input.url = url;
  return { input };
}

/** Ingests into the folder `kb` was opened from and puts the article in service. */
export function addArticle(kb: KnowledgeBase, input: IngestInput): AddOutcome {
  const dir = kb.options.dir;
  if (!dir) throw new Error("this knowledge base has no folder to add articles to");
  const result = ingest(kb, dir, input);
  if (!result.ok) return { ok: false, errors: fieldErrors(result.errors) };
  kb.upsert(result.article);
  return result;
}

/**
 * Ingest's errors on the form's fields. The id is made from the date and headline, so an id
 * problem is shown on the headline; it is left out when another field is wrong, because then
 * it only repeats that mistake.
 */
function fieldErrors(errors: { field: string; message: string }[]): FieldErrors {
  const own = errors.filter((e) => e.field !== "id");
  const shown = own.length ? own : errors;
  const out: FieldErrors = {};
  for (const e of shown) {
    const field: Field =
      e.field === "body" ? "text" : e.field === "id" ? "headline" : toField(e.field);
    const message =
      e.field === "id"
        ? `${e.message}. The id is made from the date and headline: change the headline if this is a different article.`
        : e.message;
    const text = message.charAt(0).toUpperCase() + message.slice(1);
    out[field] = out[field] ? `${out[field]}; ${text}` : text;
  }
  return out;
}

function toField(name: string): Field {
  return name in FIELDS ? (name as Field) : "text";
}
