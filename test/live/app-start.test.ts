/**
 * `npm start` with a live knowledge folder, run as a real process (the same entry point, without
 * npm's start-up cost): a dropped-in article is answered within 2 seconds, in the offline
 * console and through Slack (HTTP mode against the fake Web API); a broken edit keeps the last
 * good version answering and is reported in the log.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { cleanEnv } from "../helpers/cli.ts";
import { PROJECT } from "../helpers/knowledge.ts";
import { FakeSlack } from "../slack/fake-slack.ts";
import { SIGNING_SECRET, send, slashCommand } from "../slack/slack-requests.ts";
import { liveFolder, newArticle, waitFor } from "./helpers.ts";

const CANOLA = "2026-05-07-canola-crush-plants";
const HEADLINE = "Canola crushers warn of idle plants as duties bite";

interface Started {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

const running: ChildProcess[] = [];
afterEach(() => {
  for (const c of running.splice(0)) if (c.exitCode === null) c.kill("SIGKILL");
});

function startApp(env: Record<string, string>): Started {
  const child = spawn(process.execPath, ["--import", "tsx", join(PROJECT, "src/main.ts")], {
    cwd: PROJECT,
    env: { ...cleanEnv(), ...env },
  });
  running.push(child);
  let out = "";
  let err = "";
  child.stdout?.on("data", (d) => {
    out += d;
  });
  child.stderr?.on("data", (d) => {
    err += d;
  });
  const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

/** Start-up is not what is tested: a loaded machine gets a minute, and the logs if it fails. */
async function started(app: Started, ready: () => boolean): Promise<void> {
  try {
    await waitFor("start-up", ready, 60_000);
  } catch (e) {
    throw new Error(`${(e as Error).message}\n${app.stdout()}\n${app.stderr()}`);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** The new article with its date line broken: invalid, so its last good version must stay. */
const broken = () =>
  newArticle(`${CANOLA}.md`)
    .replace("published: 2026-05-07", "published: soon")
    .replace("three plants", "five plants");

describe("npm start with live knowledge", () => {
  it("console: answers from a dropped-in article within 2 seconds, and survives a broken edit", {
    timeout: 120_000,
  }, async () => {
    const dir = liveFolder();
    const app = startApp({ TARIFF_DESK_KNOWLEDGE: dir });
    await started(app, () => app.stdout().includes("Offline console on 2 articles"));

    writeFileSync(join(dir, `${CANOLA}.md`), newArticle(`${CANOLA}.md`));
    const from = app.stdout().length;
    let asked = 0;
    await waitFor(
      "the console cites the new article",
      () => {
        // Ask again every 100 ms until the answer cites it.
        if (Date.now() - asked >= 100) {
          app.child.stdin?.write("canola crushers\n");
          asked = Date.now();
        }
        return app.stdout().slice(from).includes(HEADLINE);
      },
      2000,
    );
    expect(app.stderr()).toContain(`knowledge: added ${CANOLA} from ${CANOLA}.md`);

    writeFileSync(join(dir, `${CANOLA}.md`), broken());
    await waitFor("the broken edit is reported", () =>
      app.stderr().includes(`${CANOLA}.md: published:`),
    );
    expect(app.stderr()).toContain(`keeping the last good version of ${CANOLA}`);
    const mark = app.stdout().length;
    app.child.stdin?.write("canola crushers\n");
    await waitFor("an answer", () => app.stdout().slice(mark).includes(HEADLINE));
    expect(app.stdout().slice(mark)).toContain("three plants");
    expect(app.stdout().slice(mark)).not.toContain("five plants");

    app.child.stdin?.end();
    expect(await app.exited).toBe(0);
  });

  it("Slack over HTTP: /tariffs cites a dropped-in article within 2 seconds", {
    timeout: 120_000,
  }, async () => {
    const fake = new FakeSlack();
    await fake.start();
    try {
      const dir = liveFolder();
      const port = await freePort();
      const app = startApp({
        SLACK_BOT_TOKEN: "xoxb-1111-2222-startlive",
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: fake.apiUrl,
        PORT: String(port),
        HOST: "127.0.0.1",
        TARIFF_DESK_KNOWLEDGE: dir,
      });
      const logs = () => app.stdout() + app.stderr();
      await started(app, () => logs().includes("Listening on"));
      const url = `http://127.0.0.1:${port}/slack/events`;

      writeFileSync(join(dir, `${CANOLA}.md`), newArticle(`${CANOLA}.md`));
      const deadline = Date.now() + 2000;
      let answered = "";
      for (let n = 0; !answered.includes(HEADLINE); n++) {
        if (Date.now() > deadline)
          throw new Error(`not cited within 2 s; last answer: ${answered}`);
        const id = `poll-${n}`;
        expect(
          (await send(url, slashCommand("canola crushers", fake.responseUrl(id)))).status,
        ).toBe(200);
        await fake.until(() => fake.responsesTo(id).length === 1);
        answered = JSON.stringify(fake.responsesTo(id)[0]?.body);
      }
      expect(logs()).toContain(`knowledge: added ${CANOLA} from ${CANOLA}.md`);

      writeFileSync(join(dir, `${CANOLA}.md`), broken());
      await waitFor("the broken edit is logged", () => logs().includes(`${CANOLA}.md: published:`));
      await send(url, slashCommand("canola crushers", fake.responseUrl("after-break")));
      await fake.until(() => fake.responsesTo("after-break").length === 1);
      const after = JSON.stringify(fake.responsesTo("after-break")[0]?.body);
      expect(after).toContain(HEADLINE);
      expect(after).toContain("three plants");

      app.child.kill("SIGTERM");
      expect(await app.exited).toBe(0);
    } finally {
      await fake.close();
    }
  });
});
