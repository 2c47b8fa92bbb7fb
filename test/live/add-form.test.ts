/**
 * The pieces of the add-article flow that need no Slack: reading Slack's text, the modal's
 * shape within Block Kit's limits, reading the submitted form, and adding with ingest's rules.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseArticle } from "../../src/knowledge/article.ts";
import { openKnowledge } from "../../src/knowledge/open.ts";
import { addArticle, type FormValues, readForm } from "../../src/live/add-article.ts";
import { firstFacts } from "../../src/live/first-facts.ts";
import {
  messageToPlain,
  mrkdwnToPlain,
  plainToRichText,
  type RichText,
  richTextToPlain,
} from "../../src/live/slack-text.ts";
import {
  ADD_ARTICLE_VIEW,
  addArticleModal,
  addedModal,
  FIELD_ACTION,
  FIELDS,
  type ModalView,
  notEditorModal,
} from "../../src/render/add-article-modal.ts";
import { askKb, citedIds, liveFolder } from "./helpers.ts";

/** Slack's documented limits for a modal view. */
function modalProblems(v: ModalView): string[] {
  const out: string[] = [];
  if (v.title.text.length > 24) out.push(`title over 24: ${v.title.text}`);
  if (v.submit && v.submit.text.length > 24) out.push("submit over 24");
  if (v.close.text.length > 24) out.push("close over 24");
  if (v.blocks.length > 100) out.push("over 100 blocks");
  for (const b of v.blocks) {
    if (b.type === "input") {
      if (b.label.text.length > 2000) out.push(`label over 2000 in ${b.block_id}`);
      if ((b.element.placeholder?.text.length ?? 0) > 150) out.push(`placeholder over 150`);
      if ((b.element.max_length ?? 0) > 3000) out.push(`max_length over 3000`);
    }
    if (b.type === "section" && b.text.text.length > 3000) out.push("section over 3000");
  }
  return out;
}

const STORY = [
  "Steelmakers in Hamilton said on Tuesday that the 25% tariff on Canadian steel has cut their exports by a third.",
  "“We are shipping less every month,” said Renata Okafor, who heads the mill association.",
  "The association will meet trade officials on December 3, 2026.",
].join("\n\n");

const values = (v: Record<string, string | RichText | undefined>): FormValues =>
  Object.fromEntries(
    Object.entries(v).map(([k, x]) => [
      k,
      {
        [FIELD_ACTION]:
          typeof x === "object" ? { rich_text_value: x } : { value: x === undefined ? null : x },
      },
    ]),
  );

describe("Slack text made plain", () => {
  it("unescapes a message's mrkdwn and keeps link labels, not markup", () => {
    expect(
      mrkdwnToPlain(
        "Ottawa &amp; Washington <https://example.org/a|agreed> &lt;in principle&gt; — <https://example.org/b>, said <@U0ABC|maria> in <#C0DESK|trade-desk> <!here>",
      ),
    ).toBe(
      "Ottawa & Washington agreed <in principle> — https://example.org/b, said @maria in #trade-desk @here",
    );
  });

  it("reads rich text: sections, lists, quotes, links, emoji, mentions", () => {
    const rich: RichText = {
      type: "rich_text",
      elements: [
        {
          type: "rich_text_section",
          elements: [
            { type: "text", text: "Mills idle in " },
            { type: "link", url: "https://example.org/x", text: "Sault" },
            { type: "text", text: " " },
            { type: "emoji", name: "flag-ca", unicode: "1f1e8-1f1e6" },
            { type: "text", text: "\n\n" },
          ],
        },
        {
          type: "rich_text_list",
          style: "bullet",
          elements: [
            { type: "rich_text_section", elements: [{ type: "text", text: "first point" }] },
            { type: "rich_text_section", elements: [{ type: "text", text: "second point" }] },
          ],
        },
        {
          type: "rich_text_quote",
          elements: [
            { type: "text", text: "A quoted line, for " },
            { type: "user", user_id: "U0XYZ" },
          ],
        },
      ],
    };
    expect(richTextToPlain(rich)).toBe(
      "Mills idle in Sault 🇨🇦\n\n- first point\n- second point\n\nA quoted line, for @U0XYZ",
    );
  });

  it("prefers a message's rich text to its mrkdwn, and round-trips plain text", () => {
    expect(
      messageToPlain({ text: "fallback", blocks: [plainToRichText("Typed words\n\nSecond")] }),
    ).toBe("Typed words\n\nSecond");
    expect(messageToPlain({ text: "only &amp; text" })).toBe("only & text");
    expect(richTextToPlain(plainToRichText(STORY))).toBe(STORY);
  });
});

describe("the add-article modal", () => {
  it("has the six fields, today's date prefilled, the text as rich text, within Slack's limits", () => {
    const v = addArticleModal({ today: "2026-11-21", text: plainToRichText(STORY) });
    expect(v.callback_id).toBe(ADD_ARTICLE_VIEW);
    const inputs = v.blocks.filter((b) => b.type === "input");
    expect(inputs.map((b) => b.block_id)).toEqual(Object.values(FIELDS));
    expect(inputs.filter((b) => b.optional).map((b) => b.block_id)).toEqual(["author", "url"]);
    const published = inputs.find((b) => b.block_id === "published");
    expect(published?.element.initial_value).toBe("2026-11-21");
    const text = inputs.find((b) => b.block_id === "text");
    expect(text?.element.type).toBe("rich_text_input");
    expect(richTextToPlain(text?.element.initial_value as RichText)).toBe(STORY);
    expect(modalProblems(v)).toEqual([]);
    expect(modalProblems(notEditorModal("U0NOBODY"))).toEqual([]);
  });

  it("tells a non-editor who can add and how to become one, with their member id", () => {
    const text = JSON.stringify(notEditorModal("U0GUEST"));
    expect(text).toContain("Only the desk's editors can add articles");
    expect(text).toContain("U0GUEST");
    expect(text).toContain("EDITOR_USER_IDS");
    expect(notEditorModal("U0GUEST").submit).toBeUndefined();
  });
});

describe("reading and adding a submitted form", () => {
  it("names every required field left empty", () => {
    const r = readForm(values({ headline: "  ", published: "2026-11-20" }));
    expect(r).toEqual({
      errors: {
        headline: "Headline is required",
        outlet: "Outlet is required",
        text: "Article text is required",
      },
    });
  });

  it("adds a valid article: written, in service, answerable, with its first facts cited", () => {
    const dir = liveFolder();
    const kb = openKnowledge(dir);
    const form = readForm(
      values({
        headline: "Hamilton mills count the cost of steel tariff",
        outlet: "Lakeshore Courier",
        author: "Dev Anand",
        published: "2026-11-20",
        url: "https://example.org/hamilton-mills",
        text: plainToRichText(`Hamilton mills count the cost of steel tariff\n\n${STORY}`),
      }),
    );
    if (!("input" in form)) throw new Error(JSON.stringify(form));
    const added = addArticle(kb, form.input);
    if (!added.ok) throw new Error(JSON.stringify(added.errors));
    const id = "2026-11-20-hamilton-mills-count-the-cost-of-steel";
    expect(added.article.id).toBe(id);
    expect(added.article.body).toBe(STORY);
    const onDisk = parseArticle(`${id}.md`, readFileSync(join(dir, `${id}.md`), "utf8"));
    expect(onDisk.article).toEqual(added.article);
    expect(kb.get(id)).toBe(added.article);
    expect(citedIds(askKb(kb, "Hamilton steelmakers exports"))).toContain(id);

    const facts = firstFacts(kb, added.article);
    for (const item of facts) {
      for (const c of item.citations) {
        expect(c.articleId).toBe(id);
        expect(c.snippet).toBe(added.article.body.slice(c.start, c.end));
      }
    }
    expect(facts.map((f) => f.section)).toEqual(["Tariff facts", "Quotes", "Dates"]);
    expect(facts.find((f) => f.kind === "quote")).toMatchObject({
      text: "We are shipping less every month",
      note: "Renata Okafor",
    });
    const modal = addedModal(added.article, facts);
    expect(modalProblems(modal)).toEqual([]);
    expect(JSON.stringify(modal)).toContain(id);
  });

  it("shows ingest's validation errors on the fields they concern, writing nothing", () => {
    const dir = liveFolder();
    const kb = openKnowledge(dir);
    const r = addArticle(kb, {
      headline: "Wharf fees rise",
      outlet: "Harbour Ledger",
      published: "next Tuesday",
      url: "harbour-ledger/wharf",
      text: "Wharf fees rose by a third on Monday.",
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.errors).sort()).toEqual(["published", "url"]);
    expect(r.errors.published).toContain('not "next Tuesday"');
    expect(r.errors.url).toBe("Url must be an absolute http(s) URL");
    expect(kb.size).toBe(2);
  });

  it("refuses duplicates by id (shown on the headline) and by text (shown on the text)", () => {
    const dir = liveFolder();
    const kb = openKnowledge(dir);
    const input = {
      headline: "Wharf fees rise",
      outlet: "Harbour Ledger",
      published: "2026-06-01",
      text: "Wharf fees rose by a third on Monday.",
    };
    expect(addArticle(kb, input).ok).toBe(true);
    const again = addArticle(kb, { ...input, text: "Other words entirely." });
    expect(again).toEqual({
      ok: false,
      errors: {
        headline:
          'An article with id "2026-06-01-wharf-fees-rise" already exists (2026-06-01-wharf-fees-rise.md). The id is made from the date and headline: change the headline if this is a different article.',
      },
    });
    const sameText = addArticle(kb, { ...input, headline: "Port costs climb" });
    expect(sameText).toEqual({
      ok: false,
      errors: { text: 'The same text is already in the knowledge as "2026-06-01-wharf-fees-rise"' },
    });
    expect(existsSync(join(dir, "2026-06-01-port-costs-climb.md"))).toBe(false);
  });
});
