/** The mrkdwn helpers, and the limit checker the other render tests rely on. */
import { describe, expect, it } from "vitest";
import { decodeRef, encodeRef } from "../../src/render/answer-ref.ts";
import { escapeMrkdwn, link, splitEscaped, userMention } from "../../src/render/mrkdwn.ts";
import { blockProblems, mrkdwnProblems } from "./limits.ts";

describe("escaping and links", () => {
  it("escapes only &, < and >", () => {
    expect(escapeMrkdwn("R&D <!channel> > 5% *bold*")).toBe(
      "R&amp;D &lt;!channel&gt; &gt; 5% *bold*",
    );
  });

  it("links only http(s) URLs, with the label escaped and unable to end the URL part", () => {
    expect(link("https://news.example.org/a?x=1&y=2", "Steel & <Iron> | Co")).toBe(
      "<https://news.example.org/a?x=1&amp;y=2|Steel &amp; &lt;Iron&gt; ¦ Co>",
    );
    expect(link("javascript:alert(1)", "Click")).toBe("Click");
    expect(link("https://example.org/a b", "Spaces")).toBe("Spaces");
  });

  it("mentions only real user ids", () => {
    expect(userMention("U0123ABC")).toBe("<@U0123ABC>");
    expect(userMention("<!everyone>")).toBe("&lt;!everyone&gt;");
  });
});

describe("splitEscaped", () => {
  const text = `${"Duties rose & fell <again>. ".repeat(200)}The end.`;

  it("cuts pieces whose escaped length fits, at sentence ends, losing no words", () => {
    const pieces = splitEscaped(text, 500);
    expect(pieces.length).toBeGreaterThan(5);
    for (const p of pieces) {
      expect(escapeMrkdwn(p).length).toBeLessThanOrEqual(500);
      expect(p.endsWith(".")).toBe(true);
    }
    expect(pieces.join(" ")).toBe(text);
  });

  it("still cuts a text with no spaces at all", () => {
    const pieces = splitEscaped("&".repeat(30), 10);
    expect(pieces.every((p) => escapeMrkdwn(p).length <= 10)).toBe(true);
    expect(pieces.join("")).toBe("&".repeat(30));
  });
});

describe("button values", () => {
  it("carry the question and page, keep Slack's control characters out, and read back", () => {
    const value = encodeRef({ query: "<!channel> steel & aluminum", from: 12 }) as string;
    expect(value).not.toMatch(/[<>&]/);
    expect(decodeRef(value)).toEqual({ query: "<!channel> steel & aluminum", from: 12 });
  });

  it("refuse a question too long for Slack's 2000 characters", () => {
    expect(encodeRef({ query: "x".repeat(1990), from: 0 })).toBeNull();
  });

  it("reject values that are not ours, with a plain message", () => {
    for (const bad of [undefined, "", "{", '{"q":1,"from":0}', '{"q":"x","from":-1}']) {
      expect(() => decodeRef(bad)).toThrow("button value is not an answer reference");
    }
  });
});

describe("the limit checker", () => {
  it("flags unescaped mrkdwn and accepts the bot's own links, mentions and quotes", () => {
    expect(mrkdwnProblems("<!channel> hi", "t")).toHaveLength(1);
    expect(mrkdwnProblems("R&D", "t")).toHaveLength(1);
    expect(mrkdwnProblems("x > y", "t")).toHaveLength(1);
    expect(
      mrkdwnProblems("> quoted &amp; <https://a.example/x|A &lt;b&gt;> by <@U0ABC>", "t"),
    ).toEqual([]);
  });

  it("flags each of Slack's limits", () => {
    const section = (n: number) => ({
      type: "section" as const,
      text: { type: "mrkdwn" as const, text: "a".repeat(n) },
    });
    expect(blockProblems(Array.from({ length: 51 }, () => section(1)))).toEqual([
      "51 blocks (max 50)",
    ]);
    expect(blockProblems([section(3001)])).toHaveLength(1);
    expect(
      blockProblems([{ type: "header", text: { type: "plain_text", text: "h".repeat(151) } }]),
    ).toHaveLength(1);
    const el = { type: "mrkdwn" as const, text: "c" };
    expect(
      blockProblems([{ type: "context", elements: Array.from({ length: 11 }, () => el) }]),
    ).toHaveLength(1);
    const button = {
      type: "button" as const,
      action_id: "a",
      text: { type: "plain_text" as const, text: "b" },
      value: "v".repeat(2001),
    };
    expect(blockProblems([{ type: "actions", elements: [button] }])).toEqual([
      "block 0 (actions): button value 2001",
    ]);
  });
});
