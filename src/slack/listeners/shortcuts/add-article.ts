/**
 * The global shortcut "Add article": opens the add-article form for an editor, and for anyone
 * else a short note on who can add and how to become one.
 */
import type { App } from "@slack/bolt";
import { addArticleModal, notEditorModal } from "../../../render/add-article-modal.ts";
import type { Registration, SlackDeps } from "../../deps.ts";
import { logFailure } from "../../errors.ts";

export const ADD_ARTICLE_SHORTCUT = "add_article";

export function registerAddArticleShortcut(app: App, deps: SlackDeps): Registration {
  app.shortcut(
    { callback_id: ADD_ARTICLE_SHORTCUT, type: "shortcut" },
    async ({ shortcut, ack, logger }) => {
      await ack();
      const user = shortcut.user.id;
      const view = deps.editors.has(user)
        ? addArticleModal({ today: deps.clock().toISOString().slice(0, 10) })
        : notEditorModal(user);
      // The trigger_id is good for 3 seconds: open the view before anything else.
      await deps.client.views
        .open({ trigger_id: shortcut.trigger_id, view })
        .catch((e: unknown) => logFailure(logger, `Add article form for ${user}`, e));
    },
  );
  return { kind: "shortcut", name: ADD_ARTICLE_SHORTCUT };
}
