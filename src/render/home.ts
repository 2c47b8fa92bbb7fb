/**
 * The App Home tab as Block Kit: a few dashboard answers (sector board, upcoming events), the
 * latest articles, and how fresh the knowledge is. Pure: the Slack layer gathers the answers.
 */
import type { Answer, Citation, Freshness } from "../answer/types.ts";
import type { Problem } from "../knowledge/article.ts";
import { formatPubDate, parsePubDate } from "../knowledge/pubdate.ts";
import { type Block, LIMITS } from "./block-kit.ts";
import { context, freshnessText, section } from "./blocks.ts";
import { citationText } from "./citation.ts";
import { renderItems } from "./items.ts";
import { problemBlocks } from "./knowledge-problems.ts";
import { clip, escapeMrkdwn, splitEscaped } from "./mrkdwn.ts";

export interface HomePanel {
  /** Our own heading ("Sector board"). */
  heading: string;
  answer: Answer;
}

export interface HomeParts {
  panels: HomePanel[];
  /** Newest first; only the first few are shown. */
  latest: Pick<Citation, "headline" | "outlet" | "published" | "url">[];
  freshness: Freshness;
  /** Knowledge files that failed to load (editors fix them with the CLI's `check`). */
  problems: number;
  /** The problems themselves, listed at the top for editors (absent for everyone else). */
  editorProblems?: readonly Problem[];
  now: Date;
}

export interface HomeView {
  type: "home";
  blocks: Block[];
}

const LATEST_SHOWN = 8;
/** Blocks outside the panels: two at the top, four for latest articles and freshness. */
const FIXED_BLOCKS = 6;
/** Blocks a panel uses besides its items: heading, title, up to two of notice, "more" line. */
const PANEL_OVERHEAD = 5;
const PANEL_CHARS = 6000;

export function renderHome(parts: HomeParts): HomeView {
  const blocks: Block[] = [
    header("Tariff Desk"),
    context(
      "Cited answers from the newsroom's own tariff coverage. Ask with `/tariffs &lt;question&gt;`, by mentioning the bot, or in a message here. `/tariffs help` lists what to ask.",
    ),
  ];
  const toFix = problemBlocks(parts.editorProblems ?? []);
  blocks.push(...toFix);
  const n = Math.max(parts.panels.length, 1);
  const itemBlocks =
    Math.floor((LIMITS.homeBlocks - FIXED_BLOCKS - toFix.length) / n) - PANEL_OVERHEAD;
  for (const panel of parts.panels) blocks.push(...panelBlocks(panel, itemBlocks));
  blocks.push(header("Latest articles"));
  blocks.push(section(latestList(parts.latest) || "_No articles in the knowledge yet._"));
  blocks.push({ type: "divider" });
  const fresh = `${escapeMrkdwn(freshnessText({ freshness: parts.freshness }))} · as of ${escapeMrkdwn(today(parts.now))}`;
  const broken = parts.problems
    ? ` · ${parts.problems} knowledge file${parts.problems === 1 ? " has" : "s have"} problems (run the CLI's \`check\`)`
    : "";
  blocks.push(context(fresh + broken));
  return { type: "home", blocks };
}

function panelBlocks({ heading, answer }: HomePanel, maxBlocks: number): Block[] {
  const out: Block[] = [header(heading)];
  if (answer.title) out.push(section(`*${escapeMrkdwn(clip(answer.title, 500))}*`));
  const page = renderItems(answer.items, { from: 0, maxBlocks, maxChars: PANEL_CHARS });
  out.push(...page.blocks);
  if (answer.notice) {
    const pieces = splitEscaped(answer.notice, LIMITS.sectionText - 2);
    out.push(
      ...pieces
        .slice(0, 2)
        .map((p, i) => section(escapeMrkdwn(p) + (i === 1 && pieces.length > 2 ? " …" : ""))),
    );
  }
  if (page.next !== null) {
    const rest = answer.items.length - page.next;
    out.push(context(`${rest} more: ask \`/tariffs ${escapeMrkdwn(clip(answer.query, 200))}\``));
  }
  return out;
}

/** One line per article, as many as fit in a section (a line is never cut: it holds a link). */
function latestList(latest: HomeParts["latest"]): string {
  let text = "";
  for (const c of latest.slice(0, LATEST_SHOWN)) {
    const line = `${text ? "\n" : ""}• ${citationText(c)}`;
    if (text.length + line.length > LIMITS.sectionText) break;
    text += line;
  }
  return text;
}

/** Headers are plain text and hold only our own words, so they are clipped, not escaped. */
function header(text: string): Block {
  return { type: "header", text: { type: "plain_text", text: clip(text, LIMITS.headerText) } };
}

function today(now: Date): string {
  const d = parsePubDate(now.toISOString().slice(0, 10));
  return d ? formatPubDate(d) : now.toISOString().slice(0, 10);
}
