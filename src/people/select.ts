/**
 * Wording shared by the CLI's `quotes --speaker` and the quotes intent (which pick quotes by
 * speaker alike, through `speakerQuotes` in src/answer/views/quotes.ts).
 */
import type { QuoteRecord } from "./directory.ts";

/** The word that selects quotes nobody is named for. */
export const UNATTRIBUTED = "unattributed";

/** "No quotes from Smith in 5 articles. Closest names: …" */
export function noQuotesNotice(name: string, articles: number, closest: string[]): string {
  const n = `${articles} article${articles === 1 ? "" : "s"}`;
  const near = closest.length ? ` Closest names: ${closest.join(", ")}.` : "";
  return `No quotes from ${name.trim()} in ${n}.${near}`;
}

/** The speaker line: "Peter Hoekstra, U.S. Ambassador to Canada" or "unattributed". */
export function speakerLine(q: QuoteRecord): string {
  if (!q.speaker) return UNATTRIBUTED;
  return q.role ? `${q.speaker}, ${q.role}` : q.speaker;
}
