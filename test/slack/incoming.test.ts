/** What users type, as Slack delivers it, back to the plain question; and answering once. */
import { describe, expect, it } from "vitest";
import { plainQuestion } from "../../src/slack/incoming-text.ts";
import { SeenEvents } from "../../src/slack/seen-events.ts";

describe("plainQuestion", () => {
  it("drops user mentions, keeps channel names and link labels, and decodes Slack's entities", () => {
    expect(plainQuestion("<@U0BOT> what did <@U0AB|dana> say about R&amp;D &lt;steel&gt;?")).toBe(
      "  what did   say about R&D <steel>?",
    );
    expect(
      plainQuestion("news in <#C0TRADE|trade-desk> on <https://example.org/a|the mill story>"),
    ).toBe("news in #trade-desk on the mill story");
    expect(plainQuestion("see <https://example.org/b>")).toBe("see https://example.org/b");
  });

  it("leaves a broadcast token as typed, to be shown escaped rather than dropped silently", () => {
    expect(plainQuestion("<!channel> steel")).toBe("<!channel> steel");
    expect(plainQuestion("&lt;!channel&gt; steel")).toBe("<!channel> steel");
  });
});

describe("SeenEvents", () => {
  it("is true once per event id and once per message, whichever key repeats", () => {
    const seen = new SeenEvents();
    expect(seen.firstTime(["event:Ev1", "message:C1:1.1"])).toBe(true);
    expect(seen.firstTime(["event:Ev1", "message:C1:1.1"])).toBe(false);
    expect(seen.firstTime(["event:Ev2", "message:C1:1.1"])).toBe(false);
    expect(seen.firstTime(["event:Ev3", "message:C1:1.2"])).toBe(true);
  });

  it("forgets the oldest keys beyond its capacity", () => {
    const seen = new SeenEvents(4);
    for (let i = 0; i < 6; i++) seen.firstTime([`k${i}`]);
    expect(seen.firstTime(["k0"])).toBe(true);
    expect(seen.firstTime(["k5"])).toBe(false);
  });
});
