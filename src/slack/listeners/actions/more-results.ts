/**
 * "More results": re-asks the question the button carries and shows the next page to the
 * person who clicked, privately (the page they clicked on may be a public message).
 */
import type { App, BlockButtonAction } from "@slack/bolt";
import { decodeRef } from "../../../render/answer-ref.ts";
import { ACTION_MORE, renderAnswer } from "../../../render/blocks.ts";
import { answerFor, type Registration, type SlackDeps, yieldToIO } from "../../deps.ts";
import { APOLOGY, logFailure } from "../../errors.ts";
import { postToResponseUrl } from "../../respond.ts";

export function registerMoreResults(app: App, deps: SlackDeps): Registration {
  app.action<BlockButtonAction>(ACTION_MORE, async ({ ack, body, action, logger }) => {
    await ack();
    await yieldToIO();
    try {
      const ref = decodeRef(action.value);
      const message = renderAnswer(await answerFor(deps, ref.query), {
        from: ref.from,
        share: true,
      });
      await postToResponseUrl(body.response_url, {
        response_type: "ephemeral",
        replace_original: false,
        text: message.text,
        blocks: message.blocks,
      });
    } catch (e) {
      logFailure(logger, `more results for ${body.user.id}`, e);
      await postToResponseUrl(body.response_url, {
        response_type: "ephemeral",
        replace_original: false,
        text: APOLOGY,
      }).catch((e2) => logFailure(logger, "more results apology", e2));
    }
  });
  return { kind: "action", name: ACTION_MORE };
}
