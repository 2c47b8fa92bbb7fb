/**
 * The App Home panel that tells editors which knowledge files need fixing, and that nothing was
 * lost meanwhile: a file that fails validation keeps its last good version in service.
 */
import type { Problem } from "../knowledge/article.ts";
import { type Block, LIMITS } from "./block-kit.ts";
import { context, section } from "./blocks.ts";
import { clip, escapeMrkdwn } from "./mrkdwn.ts";

const SHOWN = 15;

export function problemBlocks(problems: readonly Problem[]): Block[] {
  if (problems.length === 0) return [];
  let list = "";
  let listed = 0;
  for (const p of problems.slice(0, SHOWN)) {
    const line = `${list ? "\n" : ""}• \`${escapeMrkdwn(clip(p.file, 200))}\` — ${escapeMrkdwn(clip(`${p.field}: ${p.message}`, 400))}`;
    if (list.length + line.length > LIMITS.sectionText - 40) break;
    list += line;
    listed++;
  }
  if (listed < problems.length) list += `\n…and ${problems.length - listed} more`;
  const count = `${problems.length} problem${problems.length === 1 ? "" : "s"}`;
  return [
    {
      type: "header",
      text: { type: "plain_text", text: `Knowledge files to fix (${count})` },
    },
    section(list),
    context(
      "Shown to editors only. An article whose file fails validation stays in service in its last good version; a fixed file is picked up within seconds, without a restart.",
    ),
  ];
}
