/** Opening the bot's Home tab publishes a fresh dashboard for that user. */
import type { App } from "@slack/bolt";
import { answerViewsReady } from "../../../answer/views/warm.ts";
import type { Registration, SlackDeps } from "../../deps.ts";
import { logFailure } from "../../errors.ts";
import { homeView } from "../../home.ts";

export function registerAppHomeOpened(app: App, deps: SlackDeps): Registration {
  app.event("app_home_opened", async ({ event, logger }) => {
    if (event.tab !== "home") return;
    try {
      const { kb } = await deps.loaded;
      await answerViewsReady(kb);
      const view = homeView({ ...deps, kb }, event.user);
      await deps.client.views.publish({ user_id: event.user, view });
    } catch (e) {
      // Nobody to apologize to in a tab that failed to draw; the log says why.
      logFailure(logger, `App Home for ${event.user}`, e);
    }
  });
  return { kind: "event", name: "app_home_opened" };
}
