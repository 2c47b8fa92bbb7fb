/**
 * Each resolution rule on its own, through the real resolver (chrono-node plus our rules),
 * against publication dates of every precision.
 */
import { describe, expect, it } from "vitest";
import { resolveDates } from "../../src/extract/dates/resolve.ts";
import type { DateExpr } from "../../src/extract/dates/types.ts";
import { type PubDate, parsePubDate } from "../../src/knowledge/pubdate.ts";

function pub(value: string): PubDate {
  const d = parsePubDate(value);
  if (!d) throw new Error(`bad test date ${value}`);
  return d;
}

/** The one phrase `text` in `sentence`, resolved against `published`. */
function read(sentence: string, published: string, text: string): DateExpr {
  const all = resolveDates(sentence, pub(published));
  const found = all.find((d) => d.text === text);
  if (!found) throw new Error(`“${text}” not found; got ${JSON.stringify(all.map((d) => d.text))}`);
  expect(sentence.slice(found.start, found.end)).toBe(text);
  return found;
}

function value(sentence: string, published: string, text: string): string | null {
  const d = read(sentence, published, text);
  return d.endValue ? `${d.value}..${d.endValue}` : d.value;
}

describe("weekdays", () => {
  it("resolves forward when the sentence speaks of the future", () => {
    // 2025-10-06 is a Monday.
    expect(
      value(
        "Ana Ruiz will sit down with Pol Kerr at the ministry Tuesday.",
        "2025-10-06",
        "Tuesday",
      ),
    ).toBe("2025-10-07");
    expect(
      value("The ministers are expected to sign the accord on Saturday.", "2025-10-06", "Saturday"),
    ).toBe("2025-10-11");
  });

  it("resolves backward when the sentence reports the past", () => {
    expect(value("Ana Ruiz said Tuesday that talks had stalled.", "2025-10-09", "Tuesday")).toBe(
      "2025-10-07",
    );
    expect(value("Ana Ruiz said Thursday that talks had stalled.", "2025-10-06", "Thursday")).toBe(
      "2025-10-02",
    );
    expect(
      read("Ana Ruiz said Thursday that talks had stalled.", "2025-10-06", "Thursday").direction,
    ).toBe("past");
  });

  it("reads the publication day's own weekday as the publication day, in either tense", () => {
    expect(
      value("The minister said in the House Monday that relief was near.", "2025-10-06", "Monday"),
    ).toBe("2025-10-06");
    expect(value("The minister will announce the plan Monday.", "2025-10-06", "Monday")).toBe(
      "2025-10-06",
    );
  });

  it("takes the nearest cue before the phrase over a trailing attribution", () => {
    expect(value("The two will meet on Friday, officials said.", "2025-10-06", "Friday")).toBe(
      "2025-10-10",
    );
  });

  it("keeps the tenses of a mixed sentence apart", () => {
    const s =
      "Lee Park asked Wednesday whether the premier will announce a deal during his trip on Friday.";
    expect(value(s, "2025-10-09", "Wednesday")).toBe("2025-10-08");
    expect(value(s, "2025-10-09", "Friday")).toBe("2025-10-10");
  });

  it("reads “Thursday and Friday” and “Friday through Sunday” as ranges", () => {
    expect(
      value(
        "The premiers will gather on Thursday and Friday in Regina.",
        "2025-09-17",
        "Thursday and Friday",
      ),
    ).toBe("2025-09-18..2025-09-19");
    expect(
      value("She will tour mills Friday through Sunday.", "2025-08-14", "Friday through Sunday"),
    ).toBe("2025-08-15..2025-08-17");
  });

  it("reads next, last and this weekdays by the calendar week", () => {
    expect(value("They meet again next Wednesday.", "2025-10-06", "next Wednesday")).toBe(
      "2025-10-15",
    );
    expect(value("They meet again next Wednesday.", "2025-10-09", "next Wednesday")).toBe(
      "2025-10-15",
    );
    expect(value("They met last Friday.", "2025-10-06", "last Friday")).toBe("2025-10-03");
    expect(value("They meet this Friday.", "2025-10-06", "this Friday")).toBe("2025-10-10");
  });

  it("leaves a weekday unresolved when the publication date is only a month or a year", () => {
    const d = read("The prime minister said Tuesday that talks continue.", "2025-10", "Tuesday");
    expect(d.value).toBeNull();
    expect(d.precision).toBe("day");
    expect(d.note).toContain("2025-10 (month only)");
    expect(read("He will visit Friday.", "2025", "Friday").value).toBeNull();
  });
});

describe("periods keep their precision", () => {
  it("later this month / next month / last month are months, not days", () => {
    expect(read("The summit is later this month.", "2025-10-06", "later this month")).toMatchObject(
      {
        value: "2025-10",
        precision: "month",
        direction: "future",
      },
    );
    expect(value("It starts next month.", "2025-12-10", "next month")).toBe("2026-01");
    expect(value("He was confirmed just last month.", "2025-05", "last month")).toBe("2025-04");
  });

  it("next year, this year and early next year are years", () => {
    expect(
      read("The review is scheduled to start next year.", "2025-10-06", "next year"),
    ).toMatchObject({
      value: "2026",
      precision: "year",
    });
    expect(value("Officials hope to finish this year.", "2025-06", "this year")).toBe("2025");
    expect(value("A ruling is due early next year.", "2025-11-20", "early next year")).toBe("2026");
  });

  it("seasons are three-month ranges chosen by tense", () => {
    expect(read("An appeal panel will rule in the fall.", "2025-07-10", "the fall")).toMatchObject({
      value: "2025-09",
      endValue: "2025-11",
      precision: "season",
    });
    expect(value("They agreed over the summer to keep talking.", "2025-10-06", "the summer")).toBe(
      "2025-06..2025-08",
    );
    expect(value("The plant closes this winter.", "2025-11-02", "this winter")).toBe(
      "2025-12..2026-02",
    );
    expect(value("The dispute began in the fall of 2024.", "2026-03-04", "the fall of 2024")).toBe(
      "2024-09..2024-11",
    );
    expect(value("It resumes next spring.", "2025-04-01", "next spring")).toBe("2026-03..2026-05");
  });

  it("last week and earlier this week resolve into the past, as weeks", () => {
    // 2025-09-05 is a Friday.
    expect(read("Talks were held last week.", "2025-09-05", "last week")).toMatchObject({
      value: "2025-08-25",
      endValue: "2025-08-31",
      precision: "week",
      direction: "past",
    });
    expect(value("A call took place earlier this week.", "2025-09-05", "earlier this week")).toBe(
      "2025-09-01..2025-09-04",
    );
    expect(value("Talks continued this week.", "2025-09-05", "this week")).toBe(
      "2025-09-01..2025-09-07",
    );
  });

  it("month and year periods still resolve on a month-precision publication date", () => {
    expect(value("The summit is later this month.", "2025-10", "later this month")).toBe("2025-10");
    expect(value("The review starts next year.", "2025-10", "next year")).toBe("2026");
    expect(
      value("Comments are due by the end of the month.", "2025-10", "the end of the month"),
    ).toBe("2025-10-31");
    expect(read("Talks were held last week.", "2025-10", "last week").value).toBeNull();
    expect(
      read("A decision is expected in two weeks.", "2025-06", "in two weeks").value,
    ).toBeNull();
    expect(read("It starts later this month.", "2025", "later this month").value).toBeNull();
  });
});

describe("calendar dates and offsets", () => {
  it("month and day without a year take the year the tense points to", () => {
    expect(value("Public comments are due on Nov. 1.", "2025-09-17", "Nov. 1")).toBe("2025-11-01");
    expect(value("Tariffs will rise on Dec. 2.", "2025-10-06", "Dec. 2")).toBe("2025-12-02");
    expect(value("The accord was signed on Dec. 2.", "2026-01-10", "Dec. 2")).toBe("2025-12-02");
    expect(value("Submissions were due Dec. 12.", "2026-01-12", "Dec. 12")).toBe("2025-12-12");
    expect(value("The meeting is on Jan. 20.", "2025-12-29", "Jan. 20")).toBe("2026-01-20");
  });

  it("full dates are taken as written", () => {
    expect(read("The hearing opens Jan. 15, 2026.", "2025-11-20", "Jan. 15, 2026")).toMatchObject({
      value: "2026-01-15",
      direction: "none",
    });
    expect(
      value(
        "A move announced on August 22, 2025, to align exemptions.",
        "2025-09-05",
        "August 22, 2025",
      ),
    ).toBe("2025-08-22");
    expect(value("Judges met Sept. 18-19 in Calgary.", "2025-09-30", "Sept. 18-19")).toBe(
      "2025-09-18..2025-09-19",
    );
  });

  it("offsets count from the publication day", () => {
    expect(value("The comment period closes in two weeks.", "2026-03-04", "in two weeks")).toBe(
      "2026-03-18",
    );
    expect(value("New duties took effect three days ago.", "2025-08-14", "three days ago")).toBe(
      "2025-08-11",
    );
    expect(value("She met exporters yesterday.", "2025-08-14", "yesterday")).toBe("2025-08-13");
    expect(
      value("A decision is due by the end of the month.", "2026-03-04", "the end of the month"),
    ).toBe("2026-03-31");
  });

  it("months without a day keep month precision and look the way the tense points", () => {
    expect(value("The tariff was imposed in March.", "2025-05", "March")).toBe("2025-03");
    expect(value("The tariff will take effect in March.", "2025-10-06", "March")).toBe("2026-03");
    expect(value("Last August, Canada aligned its exemptions.", "2025-10", "Last August")).toBe(
      "2025-08",
    );
    expect(value("Contact has been rare since late August.", "2025-09-17", "late August")).toBe(
      "2025-08",
    );
    expect(value("She plans a visit in mid-October.", "2025-08-14", "mid-October")).toBe("2025-10");
    expect(value("Tariffs were raised in August 2025.", "2025-09-05", "August 2025")).toBe(
      "2025-08",
    );
  });

  it("bare years are years", () => {
    expect(value("A formal review isn’t scheduled until 2026.", "2025-05", "2026")).toBe("2026");
  });
});

describe("what is not a date", () => {
  it("ignores modal may, the fall of a government, money, percentages and section numbers", () => {
    const s =
      "Progress may require concessions after the fall of the government; Section 232 duties of 35% cost $2025 million.";
    expect(resolveDates(s, pub("2025-10-06"))).toEqual([]);
  });

  it("still reads May after a preposition", () => {
    expect(value("The king visited Canada in May.", "2025-09-17", "May")).toBe("2025-05");
  });
});
