import type { App } from "@slack/bolt";
import type { Registration, SlackDeps } from "../../deps.ts";
import { registerMoreResults } from "./more-results.ts";
import { registerShareAnswer } from "./share-answer.ts";

export function registerActions(app: App, deps: SlackDeps): Registration[] {
  return [registerShareAnswer(app, deps), registerMoreResults(app, deps)];
}
