/** `@Tariff Desk <question>` in a channel: answered in the thread of the mention. */
import type { App } from "@slack/bolt";
import type { Registration, SlackDeps } from "../../deps.ts";
import { replyToMessage } from "../../reply.ts";

export function registerAppMention(app: App, deps: SlackDeps): Registration {
  app.event("app_mention", async ({ event, body, logger }) => {
    await replyToMessage(deps, logger, "app_mention", {
      eventId: body.event_id,
      channel: event.channel,
      ts: event.ts,
      text: event.text,
      threadTs: event.thread_ts ?? event.ts,
    });
  });
  return { kind: "event", name: "app_mention" };
}
