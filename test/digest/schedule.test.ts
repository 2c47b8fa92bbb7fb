/** Wall-clock arithmetic and fire times: 08:00 stays 08:00 local across daylight-saving changes. */
import { describe, expect, it } from "vitest";
import { dueDate, nextFire } from "../../src/digest/schedule.ts";
import { parseSettings } from "../../src/digest/subscriptions.ts";
import { canonicalTimeZone, localDate, zonedInstant } from "../../src/digest/zoned.ts";

const TO = "America/Toronto";
const sub = { time: "08:00", timeZone: TO };

describe("zonedInstant", () => {
  it("finds 08:00 Toronto on both sides of the November and March changes", () => {
    expect(zonedInstant("2025-11-01", "08:00", TO).toISOString()).toBe("2025-11-01T12:00:00.000Z");
    expect(zonedInstant("2025-11-02", "08:00", TO).toISOString()).toBe("2025-11-02T13:00:00.000Z");
    expect(zonedInstant("2025-03-08", "08:00", TO).toISOString()).toBe("2025-03-08T13:00:00.000Z");
    expect(zonedInstant("2025-03-09", "08:00", TO).toISOString()).toBe("2025-03-09T12:00:00.000Z");
  });

  it("reads a skipped time as after the gap and a repeated time as its first occurrence", () => {
    // 02:30 does not exist on 2025-03-09 in Toronto: 03:30 EDT.
    expect(zonedInstant("2025-03-09", "02:30", TO).toISOString()).toBe("2025-03-09T07:30:00.000Z");
    // 01:30 happens twice on 2025-11-02: the first is 01:30 EDT.
    expect(zonedInstant("2025-11-02", "01:30", TO).toISOString()).toBe("2025-11-02T05:30:00.000Z");
  });

  it("works in zones with half-hour offsets and southern-hemisphere summers", () => {
    expect(zonedInstant("2025-10-07", "08:00", "Asia/Kolkata").toISOString()).toBe(
      "2025-10-07T02:30:00.000Z",
    );
    expect(zonedInstant("2025-10-07", "08:00", "Australia/Sydney").toISOString()).toBe(
      "2025-10-06T21:00:00.000Z",
    );
  });

  it("gives local dates and canonical zone names", () => {
    expect(localDate(new Date("2025-10-07T03:00Z"), TO)).toBe("2025-10-06");
    expect(localDate(new Date("2025-10-07T03:00Z"), "Europe/Paris")).toBe("2025-10-07");
    expect(canonicalTimeZone("america/toronto")).toBe("America/Toronto");
    expect(canonicalTimeZone("Mars/Olympus_Mons")).toBeNull();
  });
});

describe("dueDate and nextFire", () => {
  it("owes nothing before 08:00 and today's digest from 08:00 on, however late", () => {
    expect(dueDate(sub, new Date("2025-11-02T12:59Z"))).toBeNull(); // 07:59 EST
    expect(dueDate(sub, new Date("2025-11-02T13:00Z"))).toBe("2025-11-02");
    expect(dueDate(sub, new Date("2025-11-03T04:59Z"))).toBe("2025-11-02"); // 23:59 EST
  });

  it("does not owe a day whose time came before the subscription existed", () => {
    const late = { ...sub, since: "2025-11-02T15:00:00Z" }; // subscribed at 10:00 EST
    expect(dueDate(late, new Date("2025-11-02T16:00Z"))).toBeNull();
    expect(dueDate(late, new Date("2025-11-03T13:00Z"))).toBe("2025-11-03");
  });

  it("fires next at 08:00 local, across the change", () => {
    expect(nextFire(sub, new Date("2025-11-01T12:00Z")).toISOString()).toBe(
      "2025-11-02T13:00:00.000Z",
    );
    expect(nextFire(sub, new Date("2025-11-01T11:00Z")).toISOString()).toBe(
      "2025-11-01T12:00:00.000Z",
    );
    expect(nextFire(sub, new Date("2025-03-08T14:00Z")).toISOString()).toBe(
      "2025-03-09T12:00:00.000Z",
    );
  });
});

describe("parseSettings", () => {
  const defaults = { time: "08:00", timeZone: TO, skipEmpty: false };

  it("reads time, zone and skip-empty in any order, with defaults for what is not given", () => {
    expect(parseSettings([], defaults)).toEqual(defaults);
    expect(parseSettings(["7:30"], defaults)).toEqual({ ...defaults, time: "07:30" });
    expect(parseSettings(["europe/paris", "skip-empty", "18:05"], defaults)).toEqual({
      time: "18:05",
      timeZone: "Europe/Paris",
      skipEmpty: true,
    });
  });

  it("names what is wrong", () => {
    expect(parseSettings(["25:00"], defaults)).toMatch(/"25:00" is not a time of day/);
    expect(parseSettings(["Mars/Base"], defaults)).toMatch(/"Mars\/Base" is neither a time/);
    expect(parseSettings(["08:00", "09:00"], defaults)).toMatch(/one time/);
  });
});
