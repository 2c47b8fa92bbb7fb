/**
 * Phase "slack": `npm start` itself (src/main.ts, HTTP mode) restarting on the snapshot the
 * ingest phase wrote, with a signed `/tariffs steel` sent every 100 ms from the moment it is
 * spawned. A loopback server stands in for Slack (Web API and response URLs). Measures when it
 * listens, how long each acknowledgement took (Slack gives up after 3 s), when the knowledge was
 * loaded, and when the commands sent meanwhile were answered.
 *
 * Then a live change: an article file is added to the folder (and removed at the end), and
 * commands keep coming, every other one "who said …", while `npm start` takes it in, reads the
 * quotes the restart left packed, computes the views again and folds every quote (issue 9: the
 * acknowledgements must not wait for any of it).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createHmac } from "node:crypto";
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { latency } from "../stats.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const SECRET = "bench-signing-secret";
const EVERY_MS = 100;
/** Commands keep coming this long after the load is reported, to see acknowledgements settle. */
const AFTER_LOAD_MS = 2_000;
const GIVE_UP_MS = 10 * 60_000;
/** Commands keep coming this long after the added article is taken in. */
const AFTER_CHANGE_MS = 12_000;
const ADDED = "zz-bench-live-change.md";
const ADDED_TEXT = `---
id: zz-bench-live-change
headline: "Steel levy stays as talks resume"
outlet: "Bench Ledger"
published: "2026-11-21"
---

Ottawa kept its steel levy in place on Friday. “The levy stays until the talks produce a deal,” Imogen Vale, the trade minister, said.
`;

interface Sent {
  at: number;
  text: string;
  ackMs?: number;
  status?: number;
  refused?: boolean;
  answeredAt?: number;
}

export async function slackPhase(dir: string, cacheDir: string) {
  const answered = new Map<number, number>();
  const slack = await listen(
    createServer((req, res) => {
      const id = /^\/respond\/(\d+)$/.exec(req.url ?? "")?.[1];
      req.resume();
      req.on("end", () => {
        if (id !== undefined) answered.set(Number(id), performance.now());
        res.setHeader("Content-Type", "application/json");
        res.end(JSON.stringify({ ok: true, user_id: "UBENCH", bot_id: "BBENCH", team_id: "T0" }));
      });
    }),
  );
  const slackUrl = `http://127.0.0.1:${(slack.address() as AddressInfo).port}`;
  const port = await freePort();
  const state = mkdtempSync(join(tmpdir(), "tariff-desk-bench-state-"));
  symlinkSync(cacheDir, join(state, "snapshot"));
  const t0 = performance.now();
  const app = spawn(process.execPath, [...process.execArgv, join(ROOT, "src/main.ts")], {
    cwd: ROOT,
    env: {
      ...process.env,
      SLACK_BOT_TOKEN: "xoxb-bench-0000",
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: `${slackUrl}/api/`,
      HOST: "127.0.0.1",
      PORT: String(port),
      TARIFF_DESK_KNOWLEDGE: dir,
      TARIFF_DESK_STATE: state,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let loadedAt: number | undefined;
  watchFor(app, / articles loaded in /, () => {
    loadedAt ??= performance.now();
  });
  let changedAt: number | undefined;
  watchFor(app, /knowledge: added zz-bench-live-change/, () => {
    changedAt ??= performance.now();
  });
  const sent: Sent[] = [];
  const send = async (text: string) => {
    if (performance.now() - t0 > GIVE_UP_MS || app.exitCode !== null)
      throw new Error(`npm start stopped or did not report in time (exit ${app.exitCode})`);
    const s: Sent = { at: performance.now(), text };
    sent.push(s);
    void command(port, slackUrl, sent.length - 1, text).then((r) => Object.assign(s, r));
    await new Promise((r) => setTimeout(r, EVERY_MS));
  };
  let writtenAt: number | undefined;
  try {
    while (loadedAt === undefined || performance.now() - loadedAt < AFTER_LOAD_MS)
      await send("steel");
    writeFileSync(join(dir, ADDED), ADDED_TEXT);
    writtenAt = performance.now();
    while (changedAt === undefined || performance.now() - changedAt < AFTER_CHANGE_MS)
      await send(sent.length % 2 ? "who said tariffs" : "steel");
    const acked = sent.flatMap((s, i) => (s.status === 200 ? [i] : []));
    const until = performance.now() + 60_000;
    while (acked.some((i) => !answered.has(i)) && performance.now() < until)
      await new Promise((r) => setTimeout(r, 50));
    for (const [i, at] of answered) (sent[i] as Sent).answeredAt = at;
  } finally {
    app.kill();
    slack.close();
    rmSync(state, { recursive: true, force: true });
    rmSync(join(dir, ADDED), { force: true });
  }
  const since = (t: number | undefined) => (t === undefined ? null : Math.round(t - t0));
  const first = sent.find((s) => s.status === 200);
  const acks = sent.filter((s) => s.status === 200).map((s) => s.ackMs as number);
  const duringLoad = sent.filter(
    (s) => s.status === 200 && loadedAt !== undefined && s.at < loadedAt,
  );
  const afterChange = sent.filter((s) => writtenAt !== undefined && s.at >= writtenAt);
  const changeAcks = afterChange.filter((s) => s.status === 200).map((s) => s.ackMs as number);
  return {
    listeningMs: since(first?.at),
    loadedMs: since(loadedAt),
    commands: sent.length,
    refusedBeforeListening: sent.filter((s) => s.refused).length,
    acknowledged: acks.length,
    failed: sent.filter((s) => s.status !== undefined && s.status !== 200).length,
    ack: latency(acks),
    acksOver3s: acks.filter((ms) => ms > 3000).length,
    sentDuringLoad: duringLoad.length,
    answeredDuringLoadSent: duringLoad.filter((s) => s.answeredAt !== undefined).length,
    lastAnsweredMs: since(Math.max(...sent.map((s) => s.answeredAt ?? 0))),
    afterChange: {
      takenInMs:
        writtenAt !== undefined && changedAt !== undefined
          ? Math.round(changedAt - writtenAt)
          : null,
      commands: afterChange.length,
      whoSaid: afterChange.filter((s) => s.text !== "steel").length,
      acknowledged: changeAcks.length,
      ack: latency(changeAcks),
      acksOver3s: changeAcks.filter((ms) => ms > 3000).length,
      answered: afterChange.filter((s) => s.answeredAt !== undefined).length,
      lastAnsweredMs:
        writtenAt === undefined
          ? null
          : Math.round(Math.max(...afterChange.map((s) => s.answeredAt ?? 0)) - writtenAt),
    },
  };
}

/** One signed slash command, as Slack sends it; the acknowledgement's status and time. */
async function command(
  port: number,
  slackUrl: string,
  i: number,
  text: string,
): Promise<Pick<Sent, "ackMs" | "status" | "refused">> {
  const body = new URLSearchParams({
    command: "/tariffs",
    text,
    team_id: "T0",
    channel_id: "C0BENCH",
    user_id: "U0BENCH",
    response_url: `${slackUrl}/respond/${i}`,
    trigger_id: "0.0.0",
  }).toString();
  const ts = Math.floor(Date.now() / 1000);
  const sig = `v0=${createHmac("sha256", SECRET).update(`v0:${ts}:${body}`).digest("hex")}`;
  const t = performance.now();
  try {
    const res = await fetch(`http://127.0.0.1:${port}/slack/events`, {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Slack-Request-Timestamp": String(ts),
        "X-Slack-Signature": sig,
      },
      body,
      signal: AbortSignal.timeout(30_000),
    });
    await res.text();
    return { status: res.status, ackMs: performance.now() - t };
  } catch {
    return { refused: true };
  }
}

function watchFor(child: ChildProcess, line: RegExp, then: () => void): void {
  let seen = "";
  const look = (chunk: Buffer) => {
    seen = (seen + chunk.toString("utf8")).slice(-4096);
    if (line.test(seen)) then();
  };
  child.stdout?.on("data", look);
  child.stderr?.on("data", look);
}

function listen(server: Server): Promise<Server> {
  return new Promise((ok) => server.listen(0, "127.0.0.1", () => ok(server)));
}

async function freePort(): Promise<number> {
  const s = await listen(createServer());
  const { port } = s.address() as AddressInfo;
  await new Promise((ok) => s.close(ok));
  return port;
}
