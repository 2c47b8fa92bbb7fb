/**
 * One benchmark phase in a fresh process, so each figure (memory above all) is its own:
 * `child.ts <phase> <json args>`; prints the phase's result as one JSON line.
 */
import { ingestPhase } from "./phases/ingest.ts";
import { loadPhase } from "./phases/load.ts";
import { rawPhase } from "./phases/raw.ts";
import { referencePhase } from "./phases/reference.ts";
import { restartPhase } from "./phases/restart.ts";
import { slackPhase } from "./phases/slack.ts";

interface ChildArgs {
  dir: string;
  cacheDir: string;
  rounds: number;
  workers: number;
  now: string;
}

const [phase, json] = process.argv.slice(2);
const a = JSON.parse(json ?? "{}") as ChildArgs;
const result =
  phase === "load"
    ? await loadPhase(a.dir)
    : phase === "ingest"
      ? await ingestPhase(a.dir, a.cacheDir, a.workers)
      : phase === "restart"
        ? await restartPhase(a.dir, a.cacheDir, a.rounds, new Date(a.now))
        : phase === "slack"
          ? await slackPhase(a.dir, a.cacheDir)
          : phase === "raw"
            ? await rawPhase(a.dir, a.rounds)
            : phase === "reference"
              ? referencePhase(a.dir, a.rounds)
              : null;
if (!result) {
  process.stderr.write(`unknown phase ${phase}\n`);
  process.exit(2);
}
process.stdout.write(`\n${JSON.stringify(result)}\n`);
