/**
 * `/tariffs <question>`: acknowledged before any search (Slack allows 3 seconds), then
 * answered on the command's response_url, visible only to the asker, with "Share in channel".
 */
import type { App } from "@slack/bolt";
import { renderAnswer } from "../../../render/blocks.ts";
import { answerFor, type Registration, type SlackDeps, yieldToIO } from "../../deps.ts";
import { digestReply, digestWords } from "../../digest/command.ts";
import { APOLOGY, logFailure } from "../../errors.ts";
import { plainQuestion } from "../../incoming-text.ts";
import { postToResponseUrl } from "../../respond.ts";

export const TARIFFS_COMMAND = "/tariffs";

export function registerTariffsCommand(app: App, deps: SlackDeps): Registration {
  app.command(TARIFFS_COMMAND, async ({ command, ack, logger }) => {
    await ack();
    await yieldToIO();
    try {
      const digest = digestWords(plainQuestion(command.text));
      if (digest) {
        const req = { words: digest, channel: command.channel_id, user: command.user_id };
        const { digest: service } = await deps.loaded;
        await postToResponseUrl(command.response_url, await digestReply(service, req));
        return;
      }
      const message = renderAnswer(await answerFor(deps, plainQuestion(command.text)), {
        share: true,
      });
      await postToResponseUrl(command.response_url, {
        response_type: "ephemeral",
        text: message.text,
        blocks: message.blocks,
      });
    } catch (e) {
      logFailure(logger, `${TARIFFS_COMMAND} from ${command.user_id}`, e);
      await postToResponseUrl(command.response_url, {
        response_type: "ephemeral",
        text: APOLOGY,
      }).catch((e2) => logFailure(logger, `${TARIFFS_COMMAND} apology`, e2));
    }
  });
  return { kind: "command", name: TARIFFS_COMMAND };
}
