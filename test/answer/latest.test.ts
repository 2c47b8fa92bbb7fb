import { describe, expect, it } from "vitest";
import { ask } from "../../src/answer/router.ts";
import { openKnowledge } from "../../src/knowledge/open.ts";
import { bundledKb, tempKnowledge, writeArticle } from "../helpers/knowledge.ts";

const now = new Date("2026-11-21T12:00:00Z");

/** The articles an answer cites, in order of first appearance. */
function articleOrder(q: string, kb = bundledKb()): string[] {
  return [...new Set(ask({ kb, now }, q).items.map((i) => i.citations[0]?.articleId ?? ""))];
}

describe("latest", () => {
  it("leads the CUSMA review with October 6, then September 17", () => {
    const answer = ask({ kb: bundledKb(), now }, "what's the latest on the CUSMA review?");
    expect(answer.intent).toBe("latest");
    const order = articleOrder("what's the latest on the CUSMA review?");
    expect(order.slice(0, 2)).toEqual([
      "2025-10-06-carney-white-house-tariff-relief",
      "2025-09-17-little-progress-trade-talks",
    ]);
    expect(answer.items[0]?.text).toContain("preparation for the first joint review");
    const sept = answer.items.find(
      (i) =>
        i.citations[0]?.articleId === "2025-09-17-little-progress-trade-talks" &&
        i.text.includes("Nov. 1"),
    );
    expect(sept?.text).toContain("formal review process");
    // Each item says its date.
    expect(answer.items[0]?.note).toBe("Oct. 6, 2025");
  });

  it("accepts the usual phrasings", () => {
    for (const q of [
      "latest on lumber",
      "news on steel",
      "What is the latest about aluminum?",
      "updates on the USMCA",
    ]) {
      expect(ask({ kb: bundledKb(), now }, q).intent, q).toBe("latest");
    }
  });

  it("orders articles newest first, and by relevance where dates overlap", () => {
    const dir = tempKnowledge(false);
    const fm = (id: string, published: string) => ({
      id,
      headline: "Widget trade",
      outlet: "T",
      published,
    });
    writeArticle(dir, "a.md", fm("a-2024", "2024-05-01"), "Widget quotas were raised.");
    writeArticle(dir, "b.md", fm("b-2025-03-10", "2025-03-10"), "Widget quotas were cut.");
    writeArticle(
      dir,
      "c.md",
      fm("c-2025-03", "2025-03"),
      "Widget quotas, widget quotas and widget quotas again.",
    );
    writeArticle(dir, "d.md", fm("d-2025-01-05", "2025-01-05"), "Widget quotas held.");
    const order = articleOrder("latest on widget quotas", openKnowledge(dir));
    expect(order).toEqual(["c-2025-03", "b-2025-03-10", "d-2025-01-05", "a-2024"]);
  });

  it("says nothing was found rather than showing a weak match", () => {
    const answer = ask({ kb: bundledKb(), now }, "latest on hockey");
    expect(answer.items).toEqual([]);
    expect(answer.notice).toMatch(/^Nothing in the 5 articles matches “hockey”/);
  });
});
