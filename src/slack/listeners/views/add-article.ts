/**
 * Submitting the add-article form. Answered within Slack's 3 seconds, in the form itself:
 * field errors beside the fields (`response_action: "errors"`), or the form replaced by the
 * new article's id and the first facts found in it. The editor check is repeated here because
 * a submission is a request like any other.
 */
import type { App } from "@slack/bolt";
import { addArticle, type FormValues, readForm } from "../../../live/add-article.ts";
import { firstFacts } from "../../../live/first-facts.ts";
import {
  ADD_ARTICLE_VIEW,
  addedModal,
  FIELDS,
  notEditorModal,
} from "../../../render/add-article-modal.ts";
import type { Registration, SlackDeps } from "../../deps.ts";

export const STILL_LOADING =
  "Tariff Desk is still loading its archive after a restart. Nothing was saved; submit again in a few seconds.";

export function registerAddArticleSubmission(app: App, deps: SlackDeps): Registration {
  app.view(ADD_ARTICLE_VIEW, async ({ ack, body, view, logger }) => {
    const user = body.user.id;
    if (!deps.editors.has(user)) {
      logger.warn(`Add article: ${user} is not in EDITOR_USER_IDS; nothing written`);
      await ack({ response_action: "update", view: notEditorModal(user) });
      return;
    }
    const form = readForm(view.state.values as FormValues);
    if ("errors" in form) {
      await ack({ response_action: "errors", errors: form.errors });
      return;
    }
    // The form must be answered within 3 s, so it cannot wait for a restart to finish loading.
    const kb = deps.loadedNow()?.kb;
    if (!kb) {
      logger.info(`Add article: ${user} submitted while the knowledge was loading; asked to retry`);
      await ack({ response_action: "errors", errors: { [FIELDS.text]: STILL_LOADING } });
      return;
    }
    const added = addArticle(kb, form.input);
    if (!added.ok) {
      await ack({ response_action: "errors", errors: added.errors });
      return;
    }
    const { article } = added;
    logger.info(`Add article: ${user} added ${article.id} (${article.file})`);
    await ack({
      response_action: "update",
      view: addedModal(article, firstFacts(kb, article)),
    });
  });
  return { kind: "view", name: ADD_ARTICLE_VIEW };
}
