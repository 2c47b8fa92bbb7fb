/**
 * Checks Block Kit against Slack's limits (block count, text lengths, context elements, button
 * values) and against unescaped mrkdwn: the only `<…>` allowed is a link or user mention the bot
 * made, and every `&` must start one of the three entities.
 */
import { type Block, LIMITS } from "../../src/render/block-kit.ts";

const SANCTIONED = /^<(?:https?:\/\/[^\s<>|]+\|[^<>|]+|@[UW][A-Z0-9]+)>$/;

export function mrkdwnProblems(text: string, where: string): string[] {
  const problems: string[] = [];
  for (const m of text.matchAll(/<[^<>]*>?/g)) {
    if (!SANCTIONED.test(m[0])) problems.push(`${where}: unescaped "${m[0].slice(0, 40)}"`);
  }
  if (/>/.test(text.replace(/<[^<>]*>/g, "").replace(/^> /gm, "")))
    problems.push(`${where}: unescaped ">"`);
  if (/&(?!amp;|lt;|gt;)/.test(text)) problems.push(`${where}: unescaped "&"`);
  return problems;
}

export function blockProblems(
  blocks: readonly Block[],
  maxBlocks: number = LIMITS.messageBlocks,
): string[] {
  const p: string[] = [];
  if (blocks.length > maxBlocks) p.push(`${blocks.length} blocks (max ${maxBlocks})`);
  const actionIds = new Set<string>();
  blocks.forEach((b, i) => {
    const at = `block ${i} (${b.type})`;
    switch (b.type) {
      case "section":
        if (!b.text.text || b.text.text.length > LIMITS.sectionText)
          p.push(`${at}: text length ${b.text.text.length}`);
        p.push(...mrkdwnProblems(b.text.text, at));
        break;
      case "header":
        if (b.text.type !== "plain_text") p.push(`${at}: header text must be plain_text`);
        if (!b.text.text || b.text.text.length > LIMITS.headerText)
          p.push(`${at}: header length ${b.text.text.length}`);
        break;
      case "context":
        if (b.elements.length < 1 || b.elements.length > LIMITS.contextElements)
          p.push(`${at}: ${b.elements.length} elements`);
        for (const e of b.elements) {
          if (!e.text || e.text.length > LIMITS.contextText)
            p.push(`${at}: element length ${e.text.length}`);
          p.push(...mrkdwnProblems(e.text, at));
        }
        break;
      case "actions":
        if (b.elements.length < 1 || b.elements.length > LIMITS.actionsElements)
          p.push(`${at}: ${b.elements.length} elements`);
        for (const e of b.elements) {
          if (e.text.text.length > LIMITS.buttonText)
            p.push(`${at}: button text ${e.text.text.length}`);
          if (e.value.length > LIMITS.buttonValue) p.push(`${at}: button value ${e.value.length}`);
          if (e.action_id.length > LIMITS.actionId)
            p.push(`${at}: action_id ${e.action_id.length}`);
          if (actionIds.has(e.action_id)) p.push(`${at}: duplicate action_id ${e.action_id}`);
          actionIds.add(e.action_id);
          p.push(...mrkdwnProblems(e.value, `${at} value`));
        }
        break;
      case "divider":
        break;
      default:
        p.push(`${at}: unknown block type`);
    }
  });
  return p;
}
