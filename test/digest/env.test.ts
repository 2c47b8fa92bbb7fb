/** DIGEST_* and TARIFF_DESK_STATE through the app's own readConfig: defaults, and one clear line. */
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, readConfig } from "../../src/config/env.ts";

const read = (env: Record<string, string>) => readConfig(env).digest;
const errorOf = (env: Record<string, string>) => {
  try {
    readConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.message;
    throw e;
  }
  return "no error";
};

describe("digest configuration", () => {
  it("defaults to 08:00 America/Toronto, no fixed channels, ./state", () => {
    expect(read({})).toEqual({
      defaults: { time: "08:00", timeZone: "America/Toronto", skipEmpty: false },
      channels: [],
      stateDir: resolve("state"),
    });
  });

  it("reads DIGEST_TIME, DIGEST_TZ and DIGEST_CHANNELS, each channel with its own settings", () => {
    const d = read({
      DIGEST_TIME: "7:45",
      DIGEST_TZ: "america/vancouver",
      DIGEST_CHANNELS: "C0AAA, C0BBB 06:30, C0CCC 09:00 Europe/Paris skip-empty,, C0AAA 10:00",
      TARIFF_DESK_STATE: "/tmp/td-state",
    });
    expect(d.defaults).toEqual({ time: "07:45", timeZone: "America/Vancouver", skipEmpty: false });
    expect(d.stateDir).toBe("/tmp/td-state");
    expect(d.channels).toEqual([
      {
        channel: "C0AAA",
        source: "env",
        time: "07:45",
        timeZone: "America/Vancouver",
        skipEmpty: false,
      },
      {
        channel: "C0BBB",
        source: "env",
        time: "06:30",
        timeZone: "America/Vancouver",
        skipEmpty: false,
      },
      { channel: "C0CCC", source: "env", time: "09:00", timeZone: "Europe/Paris", skipEmpty: true },
    ]);
  });

  it("names the variable and what is wrong in one line", () => {
    expect(errorOf({ DIGEST_TIME: "8am" })).toBe(
      'DIGEST_TIME must be a time of day as HH:MM on a 24-hour clock (e.g. 08:00), not "8am"',
    );
    expect(errorOf({ DIGEST_TZ: "Toronto" })).toBe(
      'DIGEST_TZ must be an IANA time zone such as America/Toronto, not "Toronto"',
    );
    expect(errorOf({ DIGEST_CHANNELS: "#trade-desk" })).toMatch(
      /^DIGEST_CHANNELS: "#trade-desk" is not a channel id \(like C0123ABCD\); write "C0123ABCD \[HH:MM\]/,
    );
    expect(errorOf({ DIGEST_CHANNELS: "C0AAA 31:00" })).toMatch(
      /^DIGEST_CHANNELS: "31:00" is not a time of day/,
    );
    for (const message of [errorOf({ DIGEST_TIME: "8am" }), errorOf({ DIGEST_TZ: "X/Y" })])
      expect(message.split("\n")).toHaveLength(1);
  });
});
