/**
 * Who the bot is (auth.test), learned in the background so that no request waits on it: a slash
 * command must be acknowledged within 3 seconds whatever Slack's API is doing. Bolt's built-in
 * single-token authorization instead fails every request while auth.test fails, which would
 * silence even replies that need no token (response_url).
 */
import type { Authorize, Logger, webApi } from "@slack/bolt";
import { slackErrorCode } from "./errors.ts";

/** How long after a failed auth.test the next request may try again. */
const RETRY_AFTER_MS = 60_000;

export class BotIdentity {
  private known: { botId?: string; botUserId?: string } | undefined;
  private pending: Promise<void> | undefined;
  private lastFailure = 0;

  constructor(
    private readonly client: webApi.WebClient,
    private readonly logger: Logger,
  ) {}

  /** Calls auth.test (once at a time) and logs who the bot is, or Slack's reason for refusing. */
  refresh(): Promise<void> {
    this.pending ??= this.client.auth
      .test()
      .then(
        (r) => {
          this.known = { botId: r.bot_id, botUserId: r.user_id };
          this.logger.info(
            `Signed in to Slack as @${r.user ?? r.user_id} in ${r.team ?? r.team_id}`,
          );
        },
        (e: unknown) => {
          this.lastFailure = Date.now();
          const code = slackErrorCode(e);
          const hint = code.startsWith("request_failed")
            ? `cannot reach Slack's Web API at ${this.client.slackApiUrl}`
            : "check SLACK_BOT_TOKEN";
          this.logger.error(
            `auth.test failed: ${code}; ${hint} (Web API calls will fail until it works)`,
          );
        },
      )
      .finally(() => {
        this.pending = undefined;
      });
    return this.pending;
  }

  /** Bolt's authorize hook: the token at once, the bot's ids when known. */
  readonly authorize: Authorize<boolean> = async () => {
    if (!this.known && !this.pending && Date.now() - this.lastFailure > RETRY_AFTER_MS)
      void this.refresh();
    return {
      botToken: this.client.token,
      botId: this.known?.botId,
      botUserId: this.known?.botUserId,
    };
  };
}
