import type { App } from "@slack/bolt";
import type { Registration, SlackDeps } from "../../deps.ts";
import { registerAddArticleSubmission } from "./add-article.ts";

export function registerViews(app: App, deps: SlackDeps): Registration[] {
  return [registerAddArticleSubmission(app, deps)];
}
