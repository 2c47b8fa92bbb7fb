/**
 * Every listener, one per file by kind (like Slack's bolt-ts-starter-template). The returned
 * registrations are what the manifest test compares manifest.yml against.
 */
import type { App } from "@slack/bolt";
import type { Registration, SlackDeps } from "../deps.ts";
import { registerActions } from "./actions/index.ts";
import { registerCommands } from "./commands/index.ts";
import { registerEvents } from "./events/index.ts";
import { registerShortcuts } from "./shortcuts/index.ts";
import { registerViews } from "./views/index.ts";

export function registerListeners(app: App, deps: SlackDeps): Registration[] {
  return [
    ...registerCommands(app, deps),
    ...registerEvents(app, deps),
    ...registerActions(app, deps),
    ...registerShortcuts(app, deps),
    ...registerViews(app, deps),
  ];
}
