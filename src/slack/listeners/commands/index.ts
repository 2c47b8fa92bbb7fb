import type { App } from "@slack/bolt";
import type { Registration, SlackDeps } from "../../deps.ts";
import { registerTariffsCommand } from "./tariffs.ts";

export function registerCommands(app: App, deps: SlackDeps): Registration[] {
  return [registerTariffsCommand(app, deps)];
}
