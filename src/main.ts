/**
 * `npm start`: reads the environment once (src/config/env.ts), then runs the Slack app in
 * Socket Mode (SLACK_BOT_TOKEN + SLACK_APP_TOKEN) or over HTTP (SLACK_BOT_TOKEN +
 * SLACK_SIGNING_SECRET), or without tokens the offline console on the bundled knowledge.
 */
import { join } from "node:path";
import { answerViewsReady, warmAnswerViewsInTurns } from "./answer/views/warm.ts";
import { type Config, ConfigError, describeConfig, readConfig } from "./config/env.ts";
import { runConsole } from "./console/repl.ts";
import { compromise } from "./extract/quotes/nlp.ts";
import { formatProblem } from "./knowledge/load.ts";
import { watchKnowledge } from "./live/watcher.ts";
import { createSlackApp, EVENTS_PATH } from "./slack/app.ts";
import { type CachedKnowledge, openKnowledgeCached } from "./snapshot/open.ts";

let config: Readonly<Config>;
try {
  config = readConfig(process.env);
} catch (e) {
  if (!(e instanceof ConfigError)) throw e;
  process.stderr.write(`tariff-desk: ${e.message}\n`);
  process.exit(1);
}

// The tagger the quote extraction uses, loaded before anything listens: left to the first new
// article a live change brings, loading it would hold the event loop while requests wait.
compromise();

const loadedAt = Date.now();
// The snapshot beside the state lets a restart load unchanged articles instead of re-extracting
// them. The views are computed in turns of the event loop, as the loading is paced, so the Slack
// app, listening meanwhile, acknowledges requests within Slack's 3 s.
const loading = openKnowledgeCached(config.knowledgeDir, {
  cacheDir: join(config.digest.stateDir, "snapshot"),
  views: warmAnswerViewsInTurns,
  log: (m) => process.stderr.write(`${m}\n`),
});

if (config.slackMode === "console") {
  const cached = await loading;
  const kb = cached.kb;
  afterChanges(cached);
  readPackedOnChange(cached);
  // Knowledge changes are logged on stderr, beside the console's answers on stdout.
  const say = (m: string) => process.stderr.write(`${m}\n`);
  const live = watchKnowledge(kb, config.knowledgeDir, { log: { info: say, warn: say }, loadedAt });
  await runConsole({
    kb,
    knowledgeDir: config.knowledgeDir,
    input: process.stdin,
    output: process.stdout,
  });
  live.close();
} else {
  // Listening starts before the knowledge is loaded: a request sent during a restart is
  // acknowledged at once and answered when it is (src/slack/deps.ts).
  const slack = createSlackApp({ config, kb: loading.then((c) => c.kb) });
  const log = slack.app.logger;
  log.info(describeConfig(config));
  try {
    await slack.start();
  } catch (e) {
    // EADDRINUSE, or Slack refusing SLACK_APP_TOKEN in Socket Mode: one line, not a stack.
    const code = (e as { code?: string }).code;
    process.stderr.write(
      `tariff-desk: could not start the Slack app: ${code ?? (e as Error).message}\n`,
    );
    process.exit(1);
  }
  log.info(
    config.slackMode === "http"
      ? `Listening on http://${config.host ?? "0.0.0.0"}:${config.port}${EVENTS_PATH}; loading the knowledge`
      : "Connected in Socket Mode; loading the knowledge",
  );
  const cached = await loading;
  const kb = cached.kb;
  afterChanges(cached);
  readPackedOnChange(cached);
  const live = watchKnowledge(kb, config.knowledgeDir, {
    log: { info: (m) => log.info(m), warn: (m) => log.warn(m) },
    loadedAt,
  });
  log.info(`${kb.size} articles loaded in ${((Date.now() - loadedAt) / 1000).toFixed(1)} s`);
  for (const p of kb.problems) log.warn(`skipped ${formatProblem(p)}`);
  // Posts any digest due today and not yet posted (catch-up), then keeps each channel's time.
  const { digest } = await slack.loaded;
  await digest.scheduler.start();
  const shutdown = (signal: string) => {
    log.info(`${signal}: stopping`);
    live.close();
    slack.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

/**
 * The first live change after a restart builds the people directory again from every quote,
 * which a restart from kept views leaves packed: they are read at once, in turns, so that the
 * rebuild (a few seconds later) and a question meanwhile find them in memory. Read ahead right
 * after the restart instead, they held 1.54 GB at 100,000 articles (docs/performance.md).
 */
function readPackedOnChange(cached: CachedKnowledge): void {
  let started = false;
  cached.kb.onChange(() => {
    if (started) return;
    started = true;
    cached.readPacked().catch((e: Error) => {
      process.stderr.write(`snapshot: packed quotes not read ahead (${e.message})\n`);
    });
  });
}

/**
 * A few seconds after the last live change: recomputes the corpus-wide views, unless a question
 * already did (answerViewsReady), and saves the snapshot, so the edit survives a restart
 * cheaply; both in turns, so Slack's requests are acknowledged in between.
 */
function afterChanges({ kb, saveInTurns }: CachedKnowledge): void {
  let timer: NodeJS.Timeout | undefined;
  kb.onChange(() => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      try {
        // Shared with a question that started it; changed again meanwhile, it goes on until
        // the views are current.
        await answerViewsReady(kb);
      } catch (e) {
        process.stderr.write(
          `views: not recomputed (${(e as Error).message}); the next question tries again\n`,
        );
      }
      try {
        await saveInTurns();
      } catch (e) {
        process.stderr.write(
          `snapshot: not saved (${(e as Error).message}); the next start rebuilds\n`,
        );
      }
    }, 5_000);
    timer.unref();
  });
}
