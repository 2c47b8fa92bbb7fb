/**
 * manifest.yml is what a workspace admin pastes to create the app: it must pass Slack's
 * manifest schema, ask for the least scopes, and subscribe to exactly what the app listens for.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { readConfig } from "../../src/config/env.ts";
import { createSlackApp } from "../../src/slack/app.ts";
import { bundledKb, PROJECT } from "../helpers/knowledge.ts";
import { MemoryLogger, NO_SHARED, sharedJson } from "./helpers.ts";
import { SIGNING_SECRET } from "./slack-requests.ts";

interface Manifest {
  features: {
    app_home: Record<string, boolean>;
    slash_commands: { command: string; description: string; usage_hint?: string }[];
    bot_user: { display_name: string };
    shortcuts?: { callback_id: string }[];
  };
  oauth_config: { scopes: { bot: string[]; user?: string[] } };
  settings: {
    event_subscriptions: { bot_events: string[] };
    interactivity: { is_enabled: boolean };
    socket_mode_enabled: boolean;
  };
}

const manifest = parse(readFileSync(join(PROJECT, "manifest.yml"), "utf8")) as Manifest;

/** The listeners a real app registers (HTTP mode; nothing is started). */
function registrations() {
  const config = readConfig({
    SLACK_BOT_TOKEN: "xoxb-0-manifest",
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: "http://127.0.0.1:9/api/",
  });
  return createSlackApp({ config, kb: bundledKb(), logger: new MemoryLogger() }).registrations;
}

describe("manifest.yml", () => {
  it.skipIf(NO_SHARED)(`is valid against Slack's app manifest schema ${NO_SHARED ?? ""}`, () => {
    const validate = new Ajv({ strict: false, allErrors: true }).compile(
      sharedJson("slack-app-manifest.schema.json") as object,
    );
    validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
  });

  it("declares the commands, shortcuts and events the app registers listeners for, no more, no fewer", () => {
    const regs = registrations();
    const names = (kind: string) =>
      regs
        .filter((r) => r.kind === kind)
        .map((r) => r.name)
        .sort();
    expect(manifest.features.slash_commands.map((c) => c.command).sort()).toEqual(names("command"));
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(names("event"));
    const shortcuts = (manifest.features.shortcuts ?? []).map((s) => s.callback_id).sort();
    expect(shortcuts).toEqual(names("shortcut"));
    expect(names("action").length).toBeGreaterThan(0);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });

  it("asks for the least bot scopes that work, and no user scopes", () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([
      "app_mentions:read",
      "chat:write",
      "commands",
      "im:history",
    ]);
    expect(manifest.oauth_config.scopes.user).toBeUndefined();
  });

  it.skipIf(NO_SHARED)(
    `grants every scope Slack's Events API spec requires for the subscribed events ${NO_SHARED ?? ""}`,
    () => {
      const topics = sharedJson<{
        topics: Record<string, { subscribe: { "x-scopes-required": string[] } }>;
      }>("slack_events_api_async_v1.json").topics;
      for (const event of manifest.settings.event_subscriptions.bot_events) {
        const topic = topics[event.replace(/_/g, ".")];
        // app_home_opened postdates the 2020 spec; it needs no scope.
        if (!topic) continue;
        for (const scope of topic.subscribe["x-scopes-required"])
          expect(manifest.oauth_config.scopes.bot).toContain(scope);
      }
    },
  );

  it("turns on what the features need: Socket Mode, the Home tab, and DMs in the Messages tab", () => {
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.features.app_home).toMatchObject({
      home_tab_enabled: true,
      messages_tab_enabled: true,
      messages_tab_read_only_enabled: false,
    });
    const [command] = manifest.features.slash_commands;
    expect(command?.description.length).toBeGreaterThan(10);
    expect(command?.usage_hint).toContain("help");
  });
});
