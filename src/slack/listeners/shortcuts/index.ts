import type { App } from "@slack/bolt";
import type { Registration, SlackDeps } from "../../deps.ts";
import { registerAddArticleShortcut } from "./add-article.ts";
import { registerAddToTariffDeskShortcut } from "./add-to-tariff-desk.ts";

export function registerShortcuts(app: App, deps: SlackDeps): Registration[] {
  return [registerAddArticleShortcut(app, deps), registerAddToTariffDeskShortcut(app, deps)];
}
