/**
 * Answers a message (a mention or a DM) in its conversation: once per delivery, in the thread
 * when asked to, and with an apology when answering fails.
 */
import type { Logger } from "@slack/bolt";
import { renderAnswer } from "../render/blocks.ts";
import { answerFor, type SlackDeps, yieldToIO } from "./deps.ts";
import { APOLOGY, logFailure } from "./errors.ts";
import { plainQuestion } from "./incoming-text.ts";

export interface IncomingMessage {
  /** The Events API envelope's event_id. */
  eventId: string | undefined;
  channel: string;
  ts: string;
  text: string;
  /** Reply in this thread; undefined answers in the conversation itself. */
  threadTs: string | undefined;
}

export async function replyToMessage(
  deps: SlackDeps,
  logger: Logger,
  what: string,
  m: IncomingMessage,
): Promise<void> {
  const keys = [m.eventId && `event:${m.eventId}`, `message:${m.channel}:${m.ts}`];
  if (!deps.seen.firstTime(keys)) {
    logger.info(`${what}: ${m.eventId ?? m.ts} already answered; ignoring the repeat delivery`);
    return;
  }
  await yieldToIO();
  const where = { channel: m.channel, ...(m.threadTs ? { thread_ts: m.threadTs } : {}) };
  try {
    const message = renderAnswer(await answerFor(deps, plainQuestion(m.text)));
    await deps.client.chat.postMessage({
      ...where,
      text: message.text,
      blocks: message.blocks,
      unfurl_links: false,
      unfurl_media: false,
    });
  } catch (e) {
    logFailure(logger, `${what} in ${m.channel}`, e);
    await deps.client.chat
      .postMessage({ ...where, text: APOLOGY })
      .catch((e2: unknown) => logFailure(logger, `${what} apology in ${m.channel}`, e2));
  }
}
