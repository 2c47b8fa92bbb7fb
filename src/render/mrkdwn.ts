/**
 * Slack mrkdwn is a markup in which `&`, `<` and `>` are control characters: text between
 * `<` and `>` is a link or a mention (`<!channel>` pings a whole channel). Every article or user
 * text goes through `escapeMrkdwn`; links and mentions are made only here, on purpose.
 */

export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * A link the bot means: `<url|label>`. The label is escaped (and `|` in it would end the URL
 * part early, so it is replaced); a URL that is not plain http(s) is shown as text, not linked.
 */
export function link(url: string, label: string): string {
  const safeLabel = escapeMrkdwn(label).replace(/\|/g, "¦");
  if (!/^https?:\/\/[^\s<>|]+$/i.test(url)) return safeLabel;
  return `<${url.replace(/&/g, "&amp;")}|${safeLabel}>`;
}

/** A mention of a Slack user by id; anything that is not a user id is shown escaped instead. */
export function userMention(userId: string): string {
  return /^[UW][A-Z0-9]{2,}$/.test(userId) ? `<@${userId}>` : escapeMrkdwn(userId);
}

/** Shortens our own text (titles, headlines in a list) to `max` characters with an ellipsis. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max - 1).trimEnd()}…`;
}

/**
 * Splits raw text into pieces whose ESCAPED length is at most `max`, cutting at a paragraph,
 * line, sentence or word boundary when one is near, so no piece ends inside an `&amp;`.
 * Joining the pieces gives back the text (whitespace at the cuts aside).
 */
export function splitEscaped(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (escapeMrkdwn(rest).length > max) {
    const cut = cutPoint(rest, max);
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) pieces.push(rest);
  return pieces;
}

/** The longest prefix length whose escaped form fits, pulled back to a natural boundary. */
function cutPoint(text: string, max: number): number {
  let fit = 0;
  let used = 0;
  while (fit < text.length) {
    const ch = text[fit] as string;
    const w = ch === "&" ? 5 : ch === "<" || ch === ">" ? 4 : 1;
    if (used + w > max) break;
    used += w;
    fit++;
  }
  const head = text.slice(0, fit);
  // Prefer the last boundary in the second half of the piece, strongest kind first.
  for (const re of [/\n\s*\n/g, /\n/g, /[.!?]["'”’)]?\s/g, /\s/g]) {
    let best = -1;
    for (let m = re.exec(head); m; m = re.exec(head)) best = m.index + m[0].length;
    if (best > fit / 2) return best;
  }
  return Math.max(fit, 1);
}
