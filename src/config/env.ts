/**
 * The process environment, read once at start-up and validated, so a bad deployment fails in
 * its first second with one line naming the variable, instead of on the first Slack request.
 * Token values never appear in messages: they are secrets and end up in logs.
 */
import { statSync } from "node:fs";
import { resolve } from "node:path";
import { z } from "zod";
import { type DigestConfig, digestConfigOf, digestVariables } from "../digest/env.ts";

const secret = (name: string, prefix: string, what: string) =>
  z
    .string()
    .trim()
    .refine((v) => v.startsWith(prefix) && v.length > prefix.length, {
      error: `${name} must be ${what} starting with "${prefix}"`,
    })
    .optional();

/**
 * One entry per variable. Later issues add theirs here (DIGEST_CHANNEL, DIGEST_*,
 * EDITOR_USER_IDS, …) with the same one-line messages.
 */
export const schema = z.object({
  SLACK_BOT_TOKEN: secret("SLACK_BOT_TOKEN", "xoxb-", "the bot token (OAuth & Permissions)"),
  SLACK_APP_TOKEN: secret("SLACK_APP_TOKEN", "xapp-", "an app-level token with connections:write"),
  SLACK_SIGNING_SECRET: z
    .string()
    .trim()
    .regex(/^\S+$/, { error: "SLACK_SIGNING_SECRET must be the app's signing secret (no spaces)" })
    .optional(),
  PORT: z
    .string()
    .trim()
    .regex(/^\d+$/, { error: "PORT must be a whole number from 1 to 65535" })
    .transform(Number)
    .refine((n) => n >= 1 && n <= 65535, { error: "PORT must be a whole number from 1 to 65535" })
    .default(3000),
  HOST: z
    .string()
    .trim()
    .regex(/^[\w.:-]+$/, { error: "HOST must be an interface address such as 127.0.0.1 or ::1" })
    .optional(),
  SLACK_API_URL: z
    .url({
      protocol: /^https?$/,
      error: "SLACK_API_URL must be an http(s) URL such as https://slack.com/api/",
    })
    .transform((u) => (u.endsWith("/") ? u : `${u}/`))
    .optional(),
  TARIFF_DESK_KNOWLEDGE: z
    .string()
    .trim()
    .min(1, { error: "TARIFF_DESK_KNOWLEDGE must name the knowledge folder" })
    .default("knowledge")
    .transform((dir) => resolve(dir))
    .refine(isDirectory, {
      error: (iss) =>
        `TARIFF_DESK_KNOWLEDGE must be a folder of article files; there is none at ${iss.input}`,
    }),
  EDITOR_USER_IDS: z
    .string()
    .transform((v) => v.split(/[\s,]+/).filter(Boolean))
    .check((ctx) => {
      const bad = ctx.value.find((id) => !/^[UW][A-Z0-9]{2,}$/.test(id));
      if (bad !== undefined) {
        ctx.issues.push({
          code: "custom",
          input: ctx.value,
          message: `EDITOR_USER_IDS must be Slack member IDs (like U0123ABCD) separated by commas; "${bad}" is not one`,
        });
      }
    })
    .default([]),
  ...digestVariables,
});

export type SlackMode = "socket" | "http" | "console";

export interface Config {
  slackMode: SlackMode;
  slack: {
    botToken?: string;
    appToken?: string;
    signingSecret?: string;
    /** Web API base URL ending in "/", or undefined for Slack's own. */
    apiUrl?: string;
  };
  port: number;
  /** The interface HTTP mode listens on; undefined means every interface. */
  host?: string;
  knowledgeDir: string;
  /** Slack member IDs who may add articles from Slack; empty means nobody may. */
  editorUserIds: readonly string[];
  /** DIGEST_TIME, DIGEST_TZ, DIGEST_CHANNELS, TARIFF_DESK_STATE (src/digest/env.ts). */
  digest: DigestConfig;
}

/** A start-up problem with the environment; `message` is the one line to print. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/**
 * Validates `env` and returns a frozen Config. Empty strings count as unset (a blank line in a
 * .env file). Throws ConfigError naming the first bad variable.
 */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const v = readVariables(schema, env);
  const config: Config = {
    slackMode: modeOf(v.SLACK_BOT_TOKEN, v.SLACK_APP_TOKEN, v.SLACK_SIGNING_SECRET),
    slack: {
      botToken: v.SLACK_BOT_TOKEN,
      appToken: v.SLACK_APP_TOKEN,
      signingSecret: v.SLACK_SIGNING_SECRET,
      apiUrl: v.SLACK_API_URL,
    },
    port: v.PORT,
    host: v.HOST,
    knowledgeDir: v.TARIFF_DESK_KNOWLEDGE,
    editorUserIds: Object.freeze([...new Set(v.EDITOR_USER_IDS)]),
    digest: digestConfigOf(v),
  };
  Object.freeze(config.slack);
  return Object.freeze(config);
}

/**
 * Validates the variables of `variables` (the whole schema, or a `schema.pick(…)` for a CLI verb
 * that needs only a few). Empty strings count as unset (a blank line in a .env file). Throws
 * ConfigError naming the first bad variable.
 */
export function readVariables<T extends z.ZodObject>(
  variables: T,
  env: NodeJS.ProcessEnv,
): z.output<T> {
  const present = Object.fromEntries(
    Object.keys(variables.shape)
      .map((k) => [k, env[k]] as const)
      .filter(([, v]) => v !== undefined && v.trim() !== ""),
  );
  const parsed = variables.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? "environment");
    // Zod's own messages for type errors do not name the variable; ours always do.
    const message = issue?.message.includes(name) ? issue.message : `${name}: ${issue?.message}`;
    throw new ConfigError(message);
  }
  return parsed.data;
}

/** Which front end the variables ask for; a half-configured Slack app is an error, not the console. */
function modeOf(bot?: string, app?: string, secret?: string): SlackMode {
  if (bot && app) return "socket";
  if (bot && secret) return "http";
  if (bot) {
    throw new ConfigError(
      "SLACK_BOT_TOKEN is set but neither SLACK_APP_TOKEN (Socket Mode) nor SLACK_SIGNING_SECRET (HTTP) is",
    );
  }
  if (app || secret) {
    const name = app ? "SLACK_APP_TOKEN" : "SLACK_SIGNING_SECRET";
    throw new ConfigError(`${name} is set but SLACK_BOT_TOKEN is missing (the xoxb- bot token)`);
  }
  return "console";
}

/** A start-up line that says what runs where, with tokens shown only as set or not. */
export function describeConfig(c: Readonly<Config>): string {
  const where =
    c.slackMode === "http"
      ? `HTTP on ${c.host ?? "every interface"} port ${c.port} at /slack/events`
      : c.slackMode === "socket"
        ? "Socket Mode"
        : "the offline console (no Slack tokens set)";
  const api = c.slack.apiUrl ? `; Web API at ${c.slack.apiUrl}` : "";
  return `Tariff Desk: ${where}; knowledge from ${c.knowledgeDir}${api}`;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
