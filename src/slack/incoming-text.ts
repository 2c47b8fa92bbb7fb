/**
 * Slack's markup in what a user typed, turned back into the plain question: Slack sends literal
 * `&`, `<`, `>` as entities and mentions, channels and links as `<…>` tokens. Broadcast tokens
 * (`<!channel>`) stay as typed: they are shown as text, escaped, never sent back live.
 */
export function plainQuestion(slackText: string): string {
  return slackText
    .replace(/<@[UW][A-Z0-9]+(?:\|[^>]*)?>/g, " ")
    .replace(/<#[CG][A-Z0-9]+\|([^>]*)>/g, "#$1")
    .replace(/<(https?:\/\/[^>|]+)\|([^>]*)>/g, "$2")
    .replace(/<(https?:\/\/[^>|]+)>/g, "$1")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}
