import type { App } from "@slack/bolt";
import type { Registration, SlackDeps } from "../../deps.ts";
import { registerAppHomeOpened } from "./app-home-opened.ts";
import { registerAppMention } from "./app-mention.ts";
import { registerDirectMessage } from "./direct-message.ts";

export function registerEvents(app: App, deps: SlackDeps): Registration[] {
  return [
    registerAppMention(app, deps),
    registerDirectMessage(app, deps),
    registerAppHomeOpened(app, deps),
  ];
}
