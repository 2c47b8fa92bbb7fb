/**
 * Builds the Bolt app for the configured mode: HTTP (commands, events and interactivity all at
 * /slack/events, signatures checked by Bolt) or Socket Mode (a laptop, no public URL).
 */
import type { Server } from "node:http";
import type { ListenOptions } from "node:net";
import { App, type Logger, webApi } from "@slack/bolt";
import type { Config } from "../config/env.ts";
import { systemClock } from "../digest/clock.ts";
import { createDigestService } from "../digest/service.ts";
import type { KnowledgeBase } from "../knowledge/base.ts";
import type { Loaded, Registration, SlackDeps } from "./deps.ts";
import { logFailure } from "./errors.ts";
import { BotIdentity } from "./identity.ts";
import { registerListeners } from "./listeners/index.ts";
import { SeenEvents } from "./seen-events.ts";

export const EVENTS_PATH = "/slack/events";
export const HEALTH_PATH = "/healthz";

export interface SlackAppOptions {
  config: Readonly<Config>;
  /** The knowledge, or its loading: the app listens and acknowledges meanwhile (deps.ts). */
  kb: KnowledgeBase | Promise<KnowledgeBase>;
  clock?: () => Date;
  logger?: Logger;
}

export interface SlackApp {
  app: App;
  identity: BotIdentity;
  registrations: Registration[];
  /** The knowledge and the daily digest once loaded; `digest.scheduler.start()` begins posting (main.ts does, tests need not). */
  loaded: Promise<Loaded>;
  /** HTTP: listens on `listen` (default: PORT on HOST, or every interface) and returns the server. */
  start(listen?: ListenOptions): Promise<Server | undefined>;
  stop(): Promise<void>;
}

export function createSlackApp(opts: SlackAppOptions): SlackApp {
  const { config } = opts;
  const { botToken, appToken, signingSecret, apiUrl } = config.slack;
  if (config.slackMode === "console" || !botToken)
    throw new Error("createSlackApp needs Slack tokens");
  const clientOptions = {
    ...(apiUrl ? { slackApiUrl: apiUrl } : {}),
    // A reply half an hour late is no reply: retry briefly, then log the failure.
    retryConfig: { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 2000 },
    timeout: 10_000,
  };
  let identity: BotIdentity | undefined;
  const authorize: BotIdentity["authorize"] = (source, body) => {
    if (!identity) throw new Error("the app is not set up yet");
    return identity.authorize(source, body);
  };
  const common = { authorize, clientOptions, ...(opts.logger ? { logger: opts.logger } : {}) };
  const app =
    config.slackMode === "socket"
      ? new App({ ...common, appToken, socketMode: true })
      : new App({
          ...common,
          signingSecret: signingSecret as string,
          endpoints: EVENTS_PATH,
          customRoutes: [
            { path: HEALTH_PATH, method: ["GET"], handler: (_req, res) => res.end("ok\n") },
          ],
        });
  const client = new webApi.WebClient(botToken, { ...clientOptions, logger: app.logger });
  identity = new BotIdentity(client, app.logger);
  const clock = opts.clock ?? (() => new Date());
  let now: Loaded | undefined;
  const loaded = Promise.resolve(opts.kb).then((kb) => {
    const digest = createDigestService({
      kb,
      config: config.digest,
      log: app.logger,
      slack: { token: botToken, ...(apiUrl ? { apiUrl } : {}) },
      clock: { ...systemClock, now: clock },
    });
    now = { kb, digest };
    return now;
  });
  const deps: SlackDeps = {
    loaded,
    loadedNow: () => now,
    clock,
    seen: new SeenEvents(),
    client,
    editors: new Set(config.editorUserIds),
  };
  const registrations = registerListeners(app, deps);
  app.error(async (e) => logFailure(app.logger, "Slack request", e));

  return {
    app,
    identity,
    registrations,
    loaded,
    async start(listen) {
      void identity.refresh();
      if (config.slackMode === "socket") {
        await app.start();
        return undefined;
      }
      const where = listen ?? { port: config.port, ...(config.host ? { host: config.host } : {}) };
      return (await app.start(where)) as Server;
    },
    stop: () => {
      now?.digest.scheduler.stop();
      return app.stop() as Promise<void>;
    },
  };
}
