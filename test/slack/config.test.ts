/** The environment, read once: modes, defaults, and one clear line per bad variable. */
import { describe, expect, it } from "vitest";
import { ConfigError, describeConfig, readConfig } from "../../src/config/env.ts";
import { BUNDLED } from "../helpers/knowledge.ts";

const base = { TARIFF_DESK_KNOWLEDGE: BUNDLED };

function error(env: Record<string, string>): string {
  try {
    readConfig({ ...base, ...env });
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error("expected a ConfigError");
}

describe("readConfig", () => {
  it("picks the mode from the tokens present", () => {
    expect(readConfig(base).slackMode).toBe("console");
    expect(
      readConfig({ ...base, SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "abc" }).slackMode,
    ).toBe("http");
    expect(
      readConfig({ ...base, SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xapp-1" }).slackMode,
    ).toBe("socket");
    // Both partners set: Socket Mode, as on a laptop.
    expect(
      readConfig({
        ...base,
        SLACK_BOT_TOKEN: "xoxb-1",
        SLACK_APP_TOKEN: "xapp-1",
        SLACK_SIGNING_SECRET: "abc",
      }).slackMode,
    ).toBe("socket");
  });

  it("defaults PORT to 3000, treats blank values as unset, and returns a frozen config", () => {
    const c = readConfig({ ...base, PORT: "  ", SLACK_APP_TOKEN: "" });
    expect(c.port).toBe(3000);
    expect(c.slackMode).toBe("console");
    expect(Object.isFrozen(c)).toBe(true);
    expect(Object.isFrozen(c.slack)).toBe(true);
    expect(readConfig({ ...base, PORT: "8080" }).port).toBe(8080);
  });

  it("takes SLACK_API_URL with or without the final slash", () => {
    expect(readConfig({ ...base, SLACK_API_URL: "http://127.0.0.1:9000/api" }).slack.apiUrl).toBe(
      "http://127.0.0.1:9000/api/",
    );
    expect(readConfig({ ...base, SLACK_API_URL: "https://proxy.example/api/" }).slack.apiUrl).toBe(
      "https://proxy.example/api/",
    );
  });

  it("names the variable and what is wrong, in one line", () => {
    const cases: [Record<string, string>, string][] = [
      [
        { SLACK_BOT_TOKEN: "xoxp-123", SLACK_SIGNING_SECRET: "s" },
        'SLACK_BOT_TOKEN must be the bot token (OAuth & Permissions) starting with "xoxb-"',
      ],
      [
        { SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xoxb-2" },
        'SLACK_APP_TOKEN must be an app-level token with connections:write starting with "xapp-"',
      ],
      [
        { SLACK_SIGNING_SECRET: "has space" },
        "SLACK_SIGNING_SECRET must be the app's signing secret (no spaces)",
      ],
      [{ PORT: "70000" }, "PORT must be a whole number from 1 to 65535"],
      [{ PORT: "eighty" }, "PORT must be a whole number from 1 to 65535"],
      [
        { SLACK_API_URL: "slack.com/api" },
        "SLACK_API_URL must be an http(s) URL such as https://slack.com/api/",
      ],
      [
        { TARIFF_DESK_KNOWLEDGE: "/no/such/folder" },
        "TARIFF_DESK_KNOWLEDGE must be a folder of article files; there is none at /no/such/folder",
      ],
      [
        { SLACK_SIGNING_SECRET: "abc" },
        "SLACK_SIGNING_SECRET is set but SLACK_BOT_TOKEN is missing (the xoxb- bot token)",
      ],
      [
        { SLACK_BOT_TOKEN: "xoxb-1" },
        "SLACK_BOT_TOKEN is set but neither SLACK_APP_TOKEN (Socket Mode) nor SLACK_SIGNING_SECRET (HTTP) is",
      ],
    ];
    for (const [env, message] of cases) {
      const got = error(env);
      expect(got).toBe(message);
      expect(got).not.toContain("\n");
    }
  });

  it("never puts a token's value in a message or the start-up line", () => {
    expect(
      error({ SLACK_BOT_TOKEN: "xoxp-very-secret-value", SLACK_SIGNING_SECRET: "s" }),
    ).not.toContain("very-secret");
    const c = readConfig({
      ...base,
      SLACK_BOT_TOKEN: "xoxb-very-secret",
      SLACK_SIGNING_SECRET: "signing-secret-value",
    });
    const line = describeConfig(c);
    expect(line).toContain("HTTP on every interface port 3000 at /slack/events");
    expect(line).not.toMatch(/very-secret|signing-secret-value/);
  });
});
