/**
 * The digest as one Slack message: within Slack's limits however busy the day (50 new articles
 * with long ledes and headlines that carry `<!channel>` and `&`), every article accounted for.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderDigestBlocks } from "../../src/digest/blocks.ts";
import { buildDigest } from "../../src/digest/build.ts";
import { openKnowledge } from "../../src/knowledge/open.ts";
import type { Block } from "../../src/render/block-kit.ts";
import { bundledKb, writeArticle } from "../helpers/knowledge.ts";
import { blockProblems } from "../render/limits.ts";

const TZ = "America/Toronto";

/** `n` articles dated March 2032, each with a long one-sentence lede. */
function busyKnowledge(n: number): string {
  const dir = mkdtempSync(join(tmpdir(), "tariff-desk-digest-busy-"));
  for (let i = 0; i < n; i++) {
    const day = String(1 + (i % 28)).padStart(2, "0");
    const clause = `shipments of item ${i} & its parts were held at the <Northgate> crossing`;
    const lede = `Customs officers said on Tuesday that ${Array.from({ length: 12 }, () => clause).join(", and ")}.`;
    writeArticle(
      dir,
      `a${i}.md`,
      {
        id: `busy-${String(i).padStart(2, "0")}`,
        headline: JSON.stringify(
          `<!channel> Item ${i} & friends: ${"a very long headline about border delays ".repeat(6)}`,
        ),
        outlet: JSON.stringify(i % 2 ? "Harbour & Hill Gazette" : "Prairie Ledger"),
        published: `2032-03-${day}`,
        ...(i % 3 === 0 ? { url: `https://news.example.org/busy/${i}?a=1&b=2` } : {}),
      },
      `${lede}\n\nA second paragraph follows.`,
    );
  }
  return dir;
}

const allText = (blocks: Block[]) =>
  blocks
    .map((b) =>
      b.type === "section"
        ? b.text.text
        : b.type === "context"
          ? b.elements.map((e) => e.text).join("\n")
          : b.type === "header"
            ? b.text.text
            : "",
    )
    .join("\n");

describe("digest blocks", () => {
  it("fits Slack's limits with 50 new articles and accounts for every one", () => {
    const kb = openKnowledge(busyKnowledge(50));
    expect(kb.problems).toEqual([]);
    const digest = buildDigest(kb, {
      since: new Date("2032-03-01T00:00-05:00"),
      now: new Date("2032-03-29T08:00-04:00"),
      timeZone: TZ,
    });
    expect(digest.articleIds).toHaveLength(50);
    const message = renderDigestBlocks(digest);
    expect(blockProblems(message.blocks)).toEqual([]);
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    const text = allText(message.blocks);
    expect(text).toContain("New articles (50)");
    // Each article appears by its (escaped) headline: with its lede first, then in the list.
    for (let i = 0; i < 50; i++) expect(text).toContain(`&lt;!channel&gt; Item ${i} &amp; friends`);
    expect(text).not.toContain("<!channel>");
    expect(message.text.length).toBeLessThanOrEqual(1000);
    expect(message.text).toContain("New articles: 50");
  });

  it("counts what does not fit on a day of 300 new articles instead of dropping it silently", () => {
    const kb = openKnowledge(busyKnowledge(300));
    const digest = buildDigest(kb, {
      since: new Date("2032-03-01T00:00-05:00"),
      now: new Date("2032-03-29T08:00-04:00"),
      timeZone: TZ,
    });
    expect(digest.articleIds).toHaveLength(300);
    const { blocks } = renderDigestBlocks(digest);
    expect(blockProblems(blocks)).toEqual([]);
    const text = allText(blocks);
    const shown = text.match(/Item \d+ &amp; friends/g)?.length ?? 0;
    const more = /…and (\d+) more, not listed here/.exec(text);
    expect(more).not.toBeNull();
    expect(shown + Number(more?.[1])).toBe(300);
  });

  it("shows the example window with its sections, header and freshness footer", () => {
    const digest = buildDigest(bundledKb(), {
      since: new Date("2025-09-10T00:00-04:00"),
      now: new Date("2025-10-06T12:00-04:00"),
      timeZone: TZ,
    });
    const { blocks, text } = renderDigestBlocks(digest);
    expect(blockProblems(blocks)).toEqual([]);
    expect(blocks[0]).toEqual({
      type: "header",
      text: { type: "plain_text", text: "Tariff Desk digest for Monday, October 6, 2025" },
    });
    const all = allText(blocks);
    expect(all).toContain("New since Sep 10, 2025, 12:00 a.m. EDT");
    expect(all).toContain("*New articles (2)*");
    expect(all).toContain("*Upcoming (next 7 days)*");
    expect(all).toContain("_Tue Oct. 7, 2025_");
    expect(all).toContain(
      "Carney heads to the White House seeking tariff relief · CBC News · Oct. 6, 2025",
    );
    expect(all.trimEnd().endsWith("5 articles in the knowledge, newest Oct. 6, 2025")).toBe(true);
    expect(text).toContain("New articles: 2 · Tariff changes: 3");
  });

  it("posts a short line when nothing is new", () => {
    const digest = buildDigest(bundledKb(), {
      since: new Date("2026-11-20T08:00-05:00"),
      now: new Date("2026-11-21T08:00-05:00"),
      timeZone: TZ,
    });
    const { blocks, text } = renderDigestBlocks(digest);
    expect(blockProblems(blocks)).toEqual([]);
    expect(blocks).toHaveLength(4);
    expect(allText(blocks)).toContain("No new coverage since Nov 20, 2026, 8:00 a.m. EST.");
    expect(text).toContain("No new coverage since");
  });
});
