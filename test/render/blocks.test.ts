/**
 * Answer → Block Kit, on real answers: every question of the shared list (so every intent the
 * registry holds) on the bundled knowledge and on a large generated one, all pages, checked
 * against Slack's limits and for unescaped mrkdwn; then a 60-result answer built from real
 * cite() calls to check how a long answer is cut into pages.
 */
import { rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { snippetItem } from "../../src/answer/cite.ts";
import { makeAnswer } from "../../src/answer/freshness.ts";
import { INTENTS } from "../../src/answer/intents/index.ts";
import { ask } from "../../src/answer/router.ts";
import type { Answer, AnswerItem, Citation } from "../../src/answer/types.ts";
import type { KnowledgeBase } from "../../src/knowledge/base.ts";
import { openKnowledge } from "../../src/knowledge/open.ts";
import { decodeRef } from "../../src/render/answer-ref.ts";
import type { Block, SectionBlock } from "../../src/render/block-kit.ts";
import { ACTION_MORE, ACTION_SHARE, renderAnswer } from "../../src/render/blocks.ts";
import { escapeMrkdwn } from "../../src/render/mrkdwn.ts";
import { citationLine, renderTerminal } from "../../src/render/terminal.ts";
import { paragraphs, sentences } from "../../src/text/passages.ts";
import { bundledKb } from "../helpers/knowledge.ts";
import { QUESTIONS } from "../helpers/questions.ts";
import { generateKnowledge } from "./generated-knowledge.ts";
import { blockProblems } from "./limits.ts";

const NOW = new Date("2026-11-21T12:00:00Z");
const genDir = generateKnowledge(80);
const generated = openKnowledge(genDir);
afterAll(() => rmSync(genDir, { recursive: true, force: true }));

/** All pages of an answer, following "More results" the way the button does. */
function pages(answer: Answer) {
  const out = [renderAnswer(answer, { share: true })];
  for (let next = out[0]?.next ?? null; next !== null; ) {
    const page = renderAnswer(answer, { from: next, share: true });
    expect(page.next === null || page.next > next).toBe(true);
    out.push(page);
    next = page.next;
  }
  return out;
}

function sectionTexts(blocks: Block[]): string {
  return blocks
    .filter((b): b is SectionBlock => b.type === "section")
    .map((b) => b.text.text)
    .join("\n");
}

/** What an item's text looks like once rendered, whitespace aside (long texts span sections). */
const squash = (s: string) => s.replace(/^> /gm, "").replace(/\s+/g, "");

const GENERATED_QUESTIONS = [
  ...QUESTIONS,
  "potash",
  "Odile Fairweather",
  "latest on copper",
  "what did Fairweather say",
  "Port Aldane",
];

describe.each([
  ["bundled", () => bundledKb(), QUESTIONS],
  ["generated (80 articles)", () => generated, GENERATED_QUESTIONS],
] as const)("every question on the %s knowledge", (_name, kbOf, questions) => {
  it("renders every page within Slack's limits, escaped, each item once and whole", () => {
    const kb: KnowledgeBase = kbOf();
    const intents = new Set<string>();
    for (const q of questions) {
      const answer = ask({ kb, now: NOW }, q);
      intents.add(answer.intent);
      const all = pages(answer);
      for (const [i, page] of all.entries()) {
        expect(blockProblems(page.blocks), `${q} page ${i + 1}`).toEqual([]);
        expect(page.text.length).toBeGreaterThan(0);
      }
      const shown = squash(all.map((p) => sectionTexts(p.blocks)).join("\n"));
      let at = 0;
      for (const item of answer.items) {
        const found = shown.indexOf(squash(escapeMrkdwn(item.text)), at);
        expect(found, `${q}: item "${item.text.slice(0, 40)}" in order`).toBeGreaterThanOrEqual(at);
        at = found + 1;
      }
    }
    console.log(
      `intents rendered: ${[...intents].sort().join(", ")} (registry: ${INTENTS.map((i) => i.name).join(", ")})`,
    );
    expect(intents.size).toBeGreaterThanOrEqual(3);
  });
});

/**
 * Sixty real passages from the generated knowledge, in two groups, each cited with cite():
 * every paragraph over 3000 characters, then whole paragraphs, with every fifth a quote (the
 * words inside the quotation marks, citing the sentence around them).
 */
function sixtyResults(): Answer {
  const candidates = generated
    .articles()
    .flatMap((article) => paragraphs(article.body).map((p) => ({ article, p })));
  const long = candidates.filter(({ p }) => p.end - p.start > 3000);
  const chosen = [...long, ...candidates.filter((c) => !long.includes(c))].slice(0, 60);
  const items = chosen.map(({ article, p }, n): AnswerItem => {
    const extra = {
      section: n < 30 ? "Earlier coverage" : "Later coverage",
      note: article.published.value,
    };
    const quoted = /“([^”]+)”/.exec(article.body.slice(p.start, p.end));
    if (n % 5 === 4 && quoted?.[1]) {
      const sentence = sentences(article.body).find(
        (x) => x.start <= p.start + quoted.index && x.end > p.start + quoted.index,
      );
      if (sentence)
        return {
          ...snippetItem(article, sentence.start, sentence.end, extra),
          kind: "quote",
          text: quoted[1],
        };
    }
    return snippetItem(article, p.start, p.end, extra);
  });
  return makeAnswer(generated, "duties", "search", items, {
    title: "Sixty passages on “duties”",
    notice: "Try a narrower question.",
  });
}

describe("a 60-result answer", () => {
  const answer = sixtyResults();

  it("is built from real citations", () => {
    expect(answer.items).toHaveLength(60);
    for (const item of answer.items) {
      for (const c of item.citations)
        expect(c.snippet).toBe(generated.get(c.articleId)?.body.slice(c.start, c.end));
    }
    expect(answer.items.some((i) => i.text.length > 3000)).toBe(true);
  });

  it("is cut into pages at item boundaries, each within limits, with More results pointing at the next", () => {
    const all = pages(answer);
    console.log(
      `60 results → ${all.length} pages of ${all.map((p) => p.blocks.length).join(", ")} blocks`,
    );
    expect(all.length).toBeGreaterThan(1);
    let from = 0;
    for (const page of all) {
      expect(blockProblems(page.blocks)).toEqual([]);
      const buttons = page.blocks.flatMap((b) => (b.type === "actions" ? b.elements : []));
      const more = buttons.find((b) => b.action_id === ACTION_MORE);
      const share = buttons.find((b) => b.action_id === ACTION_SHARE);
      expect(share && decodeRef(share.value)).toEqual({ query: "duties", from });
      if (page.next === null) {
        expect(more).toBeUndefined();
      } else {
        expect(more && decodeRef(more.value)).toEqual({ query: "duties", from: page.next });
        // The cut falls between items: the last item shown is whole, the next one absent.
        const shown = squash(sectionTexts(page.blocks));
        expect(shown).toContain(
          squash(escapeMrkdwn(answer.items[page.next - 1]?.text ?? "?")).slice(-200),
        );
        expect(shown).not.toContain(
          squash(escapeMrkdwn(answer.items[page.next]?.text ?? "?")).slice(0, 120),
        );
        from = page.next;
      }
    }
  });

  it("repeats a group heading on a page that starts inside the group", () => {
    const second = renderAnswer(answer, { from: renderAnswer(answer).next ?? 0 });
    const firstSection = second.blocks.find(
      (b): b is SectionBlock => b.type === "section" && !b.text.text.startsWith("*Sixty"),
    );
    expect(firstSection?.text.text).toMatch(/^\*(Earlier|Later) coverage\*\n/);
  });

  it("splits a passage over 3000 characters into sections that keep every word", () => {
    const long = answer.items.find((i) => i.text.length > 3000) as AnswerItem;
    const page = renderAnswer({ ...answer, items: [long] });
    const sections = page.blocks.filter(
      (b): b is SectionBlock =>
        b.type === "section" && /^(\*\w+ coverage\*\n)?> /.test(b.text.text),
    );
    expect(sections.length).toBeGreaterThan(1);
    expect(squash(sections.map((s) => s.text.text).join("\n"))).toContain(
      squash(escapeMrkdwn(long.text)),
    );
  });

  it("offers no buttons when the question is too long to fit in one, and says how to get the rest", () => {
    const longQuery = { ...answer, query: "duties ".repeat(400) };
    const page = renderAnswer(longQuery, { share: true });
    expect(page.blocks.some((b) => b.type === "actions")).toBe(false);
    expect(JSON.stringify(page.blocks)).toContain("ask a narrower question for the rest");
  });
});

describe("citations and escaping", () => {
  it("links the headline only when the article has a URL, escapes it, and keeps the date's precision", () => {
    const withUrl = generated.articles().find((a) => a.url && a.published.precision === "month");
    const without = generated.articles().find((a) => !a.url);
    for (const article of [withUrl, without]) {
      if (!article) throw new Error("the generated knowledge lacks a case");
      const p = paragraphs(article.body)[0] as { start: number; end: number };
      const page = renderAnswer(
        makeAnswer(generated, "q", "search", [snippetItem(article, p.start, p.end)]),
      );
      const context = page.blocks.find((b) => b.type === "context");
      const line = context?.type === "context" ? (context.elements[0]?.text ?? "") : "";
      if (article.url) {
        expect(
          line.startsWith(
            `<${article.url.replace(/&/g, "&amp;")}|${escapeMrkdwn(article.headline)}>`,
          ),
        ).toBe(true);
        expect(line).toContain("(day not known)");
      } else {
        expect(line.startsWith(escapeMrkdwn(article.headline))).toBe(true);
        expect(line).not.toContain("<");
      }
      expect(line).toContain(escapeMrkdwn(article.outlet));
    }
  });

  it("shows a pasted <!channel> and <link|text> from an article as text", () => {
    const article = generated.articles().find((a) => a.body.includes("<!channel>"));
    if (!article) throw new Error("the generated knowledge lacks a pasted <!channel>");
    const start = article.body.indexOf("A message pasted");
    const page = renderAnswer(
      makeAnswer(generated, "q", "search", [snippetItem(article, start, article.body.length)]),
    );
    const raw = JSON.stringify(page);
    expect(raw).not.toContain("<!channel>");
    expect(raw).toContain("&lt;!channel&gt;");
    expect(raw).toContain("&lt;https://example.org|click here&gt;");
    expect(blockProblems(page.blocks)).toEqual([]);
  });

  it("lists at most 10 citations under an item, saying how many more there are", () => {
    const cites = generated
      .articles()
      .slice(0, 14)
      .map((a) => snippetItem(a, 0, 10).citations[0]);
    const label: AnswerItem = {
      text: "Duties on 14 goods",
      kind: "label",
      citations: cites.filter((c) => c !== undefined),
    };
    const page = renderAnswer(makeAnswer(generated, "q", "overview", [label]));
    const ctx = page.blocks.find((b) => b.type === "context");
    expect(ctx?.type === "context" && ctx.elements.length).toBe(10);
    expect(ctx?.type === "context" && ctx.elements[9]?.text).toBe("and 5 more sources");
  });

  it("lists each article once under an item that cites two of its sentences, in both renderings, and keeps every citation in the answer", () => {
    const [a, b] = generated.articles();
    if (!a || !b) throw new Error("expected two generated articles");
    const cites = [snippetItem(a, 0, 10), snippetItem(b, 0, 10), snippetItem(a, 20, 40)].map(
      (i) => i.citations[0],
    );
    const label: AnswerItem = {
      text: "Duties on two goods",
      kind: "label",
      citations: cites.filter((c) => c !== undefined),
    };
    const answer = makeAnswer(generated, "q", "overview", [label]);
    const ctx = renderAnswer(answer).blocks.find((b) => b.type === "context");
    const texts = ctx?.type === "context" ? ctx.elements.map((e) => e.text) : [];
    expect(texts).toHaveLength(2);
    expect(texts[0]).toContain(escapeMrkdwn(a.headline));
    expect(texts[1]).toContain(escapeMrkdwn(b.headline));
    const lines = renderTerminal(answer)
      .split("\n")
      .filter((l) => l.startsWith("    — "));
    expect(lines).toEqual([
      `    — ${citationLine(label.citations[0] as Citation)}`,
      `    — ${citationLine(label.citations[1] as Citation)}`,
    ]);
    expect(answer.items[0]?.citations.map((c) => c.snippet)).toEqual(cites.map((c) => c?.snippet));
  });

  it("shows no source line twice under any item of the bundled knowledge's overview", () => {
    const answer = ask({ kb: bundledKb(), now: NOW }, "tariffs");
    expect(answer.intent).toBe("overview");
    // The bundled lumber line cites two sentences of one article.
    expect(
      answer.items.some(
        (i) => new Set(i.citations.map((c) => c.articleId)).size < i.citations.length,
      ),
    ).toBe(true);
    for (const block of renderAnswer(answer).blocks) {
      if (block.type !== "context") continue;
      const texts = block.elements.map((e) => e.text);
      expect(new Set(texts).size).toBe(texts.length);
    }
    const items = renderTerminal(answer).split("\n• ").slice(1);
    for (const item of items) {
      const lines = item.split("\n").filter((l) => l.startsWith("    — "));
      expect(new Set(lines).size).toBe(lines.length);
    }
  });

  it("names who shared an answer with a real mention, and anything else as text", () => {
    const a = ask({ kb: bundledKb(), now: NOW }, "steel");
    expect(JSON.stringify(renderAnswer(a, { sharedBy: "U0SHARER" }).blocks[0])).toContain(
      "Shared by <@U0SHARER>",
    );
    expect(JSON.stringify(renderAnswer(a, { sharedBy: "<!here>" }).blocks[0])).toContain(
      "Shared by &lt;!here&gt;",
    );
  });
});
