/**
 * A direct message to the bot (message.im): answered in the DM. Edits, joins and bot messages
 * (including the bot's own answers) carry a subtype or a bot_id and are not questions.
 */
import type { App } from "@slack/bolt";
import type { Registration, SlackDeps } from "../../deps.ts";
import { replyToMessage } from "../../reply.ts";

export function registerDirectMessage(app: App, deps: SlackDeps): Registration {
  app.event("message", async ({ event, body, logger }) => {
    if (event.channel_type !== "im" || event.subtype !== undefined || event.bot_id) return;
    if (!event.text?.trim()) return;
    await replyToMessage(deps, logger, "message.im", {
      eventId: body.event_id,
      channel: event.channel,
      ts: event.ts,
      text: event.text,
      // A question asked inside a thread of the DM is answered there; otherwise in the DM.
      threadTs: event.thread_ts,
    });
  });
  return { kind: "event", name: "message.im" };
}
