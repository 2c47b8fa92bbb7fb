/**
 * `npm start`: reads the environment once (src/config/env.ts), then runs the Slack app in
 * Socket Mode (SLACK_BOT_TOKEN + SLACK_APP_TOKEN) or over HTTP (SLACK_BOT_TOKEN +
 * SLACK_SIGNING_SECRET), or without tokens the offline console on the bundled knowledge.
 */
import { type Config, ConfigError, describeConfig, readConfig } from "./config/env.ts";
import { runConsole } from "./console/repl.ts";
import { formatProblem } from "./knowledge/load.ts";
import { openKnowledge } from "./knowledge/open.ts";
import { createSlackApp } from "./slack/app.ts";

let config: Readonly<Config>;
try {
  config = readConfig(process.env);
} catch (e) {
  if (!(e instanceof ConfigError)) throw e;
  process.stderr.write(`tariff-desk: ${e.message}\n`);
  process.exit(1);
}

const kb = openKnowledge(config.knowledgeDir);

if (config.slackMode === "console") {
  await runConsole({
    kb,
    knowledgeDir: config.knowledgeDir,
    input: process.stdin,
    output: process.stdout,
  });
} else {
  const slack = createSlackApp({ config, kb });
  const log = slack.app.logger;
  log.info(describeConfig(config));
  log.info(`${kb.size} articles loaded`);
  for (const p of kb.problems) log.warn(`skipped ${formatProblem(p)}`);
  await slack.start();
  log.info(
    config.slackMode === "http" ? `Listening on port ${config.port}` : "Connected in Socket Mode",
  );
  const shutdown = (signal: string) => {
    log.info(`${signal}: stopping`);
    slack.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}
