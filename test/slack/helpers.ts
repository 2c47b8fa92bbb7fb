/**
 * Test set-up for the Slack app: a logger that keeps what it was told, the path to Slack's
 * contracts in ../shared (absent in some checkouts: tests that need them skip, saying why),
 * and a running app wired to a FakeSlack.
 */
import { existsSync, readFileSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { Logger } from "@slack/bolt";
import { LogLevel } from "@slack/bolt";
import { readConfig } from "../../src/config/env.ts";
import type { KnowledgeBase } from "../../src/knowledge/base.ts";
import { createSlackApp, EVENTS_PATH, type SlackApp } from "../../src/slack/app.ts";
import { PROJECT } from "../helpers/knowledge.ts";
import { FakeSlack } from "./fake-slack.ts";
import { SIGNING_SECRET } from "./slack-requests.ts";

export const SHARED_SLACK = join(PROJECT, "..", "shared", "slack");
/** Null when Slack's contracts are present; otherwise the one-line reason tests skip. */
export const NO_SHARED = existsSync(SHARED_SLACK)
  ? null
  : `skipped: ${SHARED_SLACK} is absent, so Slack's published contracts cannot be checked`;

export function sharedJson<T = unknown>(file: string): T {
  return JSON.parse(readFileSync(join(SHARED_SLACK, file), "utf8")) as T;
}

export class MemoryLogger implements Logger {
  readonly lines: string[] = [];
  private level = LogLevel.DEBUG;
  debug(...msg: unknown[]): void {
    this.lines.push(`DEBUG ${msg.join(" ")}`);
  }
  info(...msg: unknown[]): void {
    this.lines.push(`INFO ${msg.join(" ")}`);
  }
  warn(...msg: unknown[]): void {
    this.lines.push(`WARN ${msg.join(" ")}`);
  }
  error(...msg: unknown[]): void {
    this.lines.push(
      `ERROR ${msg.map((m) => (m instanceof Error ? m.message : String(m))).join(" ")}`,
    );
  }
  setLevel(level: LogLevel): void {
    this.level = level;
  }
  getLevel(): LogLevel {
    return this.level;
  }
  setName(): void {}
  has(level: string, text: string): boolean {
    return this.lines.some((l) => l.startsWith(level) && l.includes(text));
  }
}

export const BOT_TOKEN = "xoxb-1111-2222-tariffdesktest";

export interface Running {
  fake: FakeSlack;
  slack: SlackApp;
  logger: MemoryLogger;
  /** The app's Request URL on loopback. */
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts a FakeSlack and the app's HTTP receiver on loopback ports, configured from env vars
 * (plus `env`). `kb` may still be loading, as in `npm start`.
 */
export async function startApp(
  kb: KnowledgeBase | Promise<KnowledgeBase>,
  now: Date,
  env: Record<string, string> = {},
): Promise<Running> {
  const fake = new FakeSlack();
  await fake.start();
  const config = readConfig({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    TARIFF_DESK_KNOWLEDGE: join(PROJECT, "knowledge"),
    ...env,
  });
  const logger = new MemoryLogger();
  const slack = createSlackApp({ config, kb, clock: () => now, logger });
  const server = (await slack.start({ port: 0, host: "127.0.0.1" })) as Server;
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${EVENTS_PATH}`;
  return {
    fake,
    slack,
    logger,
    url,
    async stop() {
      await slack.stop();
      await fake.close();
    },
  };
}
