/**
 * What a button carries: the question and where the page starts, never the answer itself
 * (a button value holds 2000 characters; an answer can be far longer). The click re-asks.
 */
import { LIMITS } from "./block-kit.ts";

export interface AnswerRef {
  /** The question as asked (Answer.query). */
  query: string;
  /** Index of the first item to show. */
  from: number;
}

/** The button value for `ref`, or null when the question is too long to fit in one. */
export function encodeRef(ref: AnswerRef): string | null {
  // JSON's \u escapes keep Slack's control characters out of even this unseen field.
  const value = JSON.stringify({ q: ref.query, from: ref.from }).replace(
    /[&<>]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
  return value.length <= LIMITS.buttonValue ? value : null;
}

/** Reads a button value back; throws a plain error when it is not one of ours. */
export function decodeRef(value: string | undefined): AnswerRef {
  let data: unknown;
  try {
    data = JSON.parse(value ?? "");
  } catch {
    throw new Error("button value is not an answer reference");
  }
  const { q, from } = (data ?? {}) as { q?: unknown; from?: unknown };
  if (typeof q !== "string" || !Number.isInteger(from) || (from as number) < 0) {
    throw new Error("button value is not an answer reference");
  }
  return { query: q, from: from as number };
}
