/**
 * `npm start` as a new user runs it: the real entry point in a child process, configured only
 * by environment variables, answering a signed slash command over loopback HTTP; and a bad
 * variable refused in one line that names it and never echoes a token.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT } from "../helpers/knowledge.ts";
import { FakeSlack } from "./fake-slack.ts";
import { SIGNING_SECRET, send, slashCommand } from "./slack-requests.ts";

const TSX = join(PROJECT, "node_modules", ".bin", "tsx");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

function run(env: Record<string, string>): {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
} {
  const child = spawn(TSX, ["src/main.ts"], {
    cwd: PROJECT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout?.on("data", (d: Buffer) => {
    out += d.toString();
  });
  child.stderr?.on("data", (d: Buffer) => {
    out += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => out, exited };
}

async function until(done: () => boolean, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("npm start with SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET", () => {
  const fake = new FakeSlack();
  let app: ReturnType<typeof run>;
  let port: number;

  beforeAll(async () => {
    await fake.start();
    port = await freePort();
    app = run({
      SLACK_BOT_TOKEN: "xoxb-9-start-test",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      PORT: String(port),
      HOST: "127.0.0.1",
      SLACK_API_URL: fake.apiUrl,
    });
    await until(() => app.output().includes("Listening on"));
  });

  afterAll(async () => {
    if (app.child.exitCode === null) {
      app.child.kill("SIGTERM");
      await app.exited;
    }
    await fake.close();
  });

  it("serves /slack/events and answers a signed slash command on its response_url", async () => {
    expect(app.output()).toContain(`Listening on http://127.0.0.1:${port}/slack/events`);
    const res = await send(
      `http://127.0.0.1:${port}/slack/events`,
      slashCommand("lumber", fake.responseUrl("by-hand")),
    );
    expect(res.status).toBe(200);
    await fake.until(() => fake.responsesTo("by-hand").length === 1);
    const body = JSON.stringify(fake.responsesTo("by-hand")[0]?.body);
    expect(body).toContain("lumber");
    expect(body).toContain("articles in the knowledge");
    await fake.until(() => fake.callsTo("auth.test").length === 1);
    expect(app.output()).toContain("Signed in to Slack as @tariff-desk");
    expect(app.output()).not.toContain("xoxb-9-start-test");
  });

  it("stops cleanly on SIGTERM", async () => {
    app.child.kill("SIGTERM");
    expect(await app.exited).toBe(0);
  });
});

describe("npm start with a bad variable", () => {
  it("exits 1 with one line naming the variable, without echoing the token", async () => {
    const bad = run({ SLACK_BOT_TOKEN: "xoxp-user-token-secret", SLACK_SIGNING_SECRET: "s" });
    expect(await bad.exited).toBe(1);
    const lines = bad.output().trim().split("\n");
    expect(lines).toEqual([
      'tariff-desk: SLACK_BOT_TOKEN must be the bot token (OAuth & Permissions) starting with "xoxb-"',
    ]);
  });

  it("exits 1 when the token has no partner to connect with", async () => {
    const half = run({ SLACK_BOT_TOKEN: "xoxb-1-half" });
    expect(await half.exited).toBe(1);
    expect(half.output()).toContain(
      "SLACK_BOT_TOKEN is set but neither SLACK_APP_TOKEN (Socket Mode) nor SLACK_SIGNING_SECRET (HTTP) is",
    );
  });
});
