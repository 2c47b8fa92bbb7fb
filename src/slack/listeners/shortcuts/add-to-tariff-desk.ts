/**
 * The message shortcut "Add to Tariff Desk": the add-article form, prefilled with the message's
 * text (an editor pastes a story into a channel, then adds it from there).
 */
import type { App } from "@slack/bolt";
import { messageToPlain, plainToRichText } from "../../../live/slack-text.ts";
import { addArticleModal, notEditorModal } from "../../../render/add-article-modal.ts";
import type { Registration, SlackDeps } from "../../deps.ts";
import { logFailure } from "../../errors.ts";

export const ADD_TO_TARIFF_DESK_SHORTCUT = "add_to_tariff_desk";

export function registerAddToTariffDeskShortcut(app: App, deps: SlackDeps): Registration {
  app.shortcut(
    { callback_id: ADD_TO_TARIFF_DESK_SHORTCUT, type: "message_action" },
    async ({ shortcut, ack, logger }) => {
      await ack();
      const user = shortcut.user.id;
      const text = messageToPlain(shortcut.message as { text?: string; blocks?: unknown[] });
      const view = deps.editors.has(user)
        ? addArticleModal({
            today: deps.clock().toISOString().slice(0, 10),
            ...(text ? { text: plainToRichText(text) } : {}),
          })
        : notEditorModal(user);
      await deps.client.views
        .open({ trigger_id: shortcut.trigger_id, view })
        .catch((e: unknown) => logFailure(logger, `Add to Tariff Desk form for ${user}`, e));
    },
  );
  return { kind: "shortcut", name: ADD_TO_TARIFF_DESK_SHORTCUT };
}
