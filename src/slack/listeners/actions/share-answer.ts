/**
 * "Share in channel": re-asks the question the button carries and posts the answer to the
 * channel, naming who shared it, then removes the private copy. Where the bot is not a member
 * (a slash command works in any channel) it posts through the click's response_url instead,
 * which Slack allows in that channel without an invitation.
 */
import type { App, BlockButtonAction } from "@slack/bolt";
import { decodeRef } from "../../../render/answer-ref.ts";
import { ACTION_SHARE, renderAnswer } from "../../../render/blocks.ts";
import { answerFor, type Registration, type SlackDeps, yieldToIO } from "../../deps.ts";
import { APOLOGY, logFailure, slackErrorCode } from "../../errors.ts";
import { postToResponseUrl } from "../../respond.ts";

const NOT_A_MEMBER = new Set(["not_in_channel", "channel_not_found"]);

export function registerShareAnswer(app: App, deps: SlackDeps): Registration {
  app.action<BlockButtonAction>(ACTION_SHARE, async ({ ack, body, action, logger }) => {
    await ack();
    await yieldToIO();
    try {
      const ref = decodeRef(action.value);
      const message = renderAnswer(await answerFor(deps, ref.query), {
        from: ref.from,
        sharedBy: body.user.id,
      });
      const channel = body.channel?.id;
      if (!channel) throw new Error("share clicked outside a channel");
      const threadTs = body.container?.thread_ts as string | undefined;
      try {
        await deps.client.chat.postMessage({
          channel,
          ...(threadTs ? { thread_ts: threadTs } : {}),
          text: message.text,
          blocks: message.blocks,
          unfurl_links: false,
          unfurl_media: false,
        });
      } catch (e) {
        if (!NOT_A_MEMBER.has(slackErrorCode(e))) throw e;
        logger.info(
          `share in ${channel}: ${slackErrorCode(e)}; posting through the response_url instead`,
        );
        await postToResponseUrl(body.response_url, {
          response_type: "in_channel",
          replace_original: false,
          text: message.text,
          blocks: message.blocks,
        });
      }
      await postToResponseUrl(body.response_url, { delete_original: true }).catch((e) =>
        logFailure(logger, "removing the private copy after a share", e),
      );
    } catch (e) {
      logFailure(logger, `share by ${body.user.id}`, e);
      await postToResponseUrl(body.response_url, {
        response_type: "ephemeral",
        replace_original: false,
        text: APOLOGY,
      }).catch((e2) => logFailure(logger, "share apology", e2));
    }
  });
  return { kind: "action", name: ACTION_SHARE };
}
