/**
 * A separate process that ingests one article when told to, so two of them race for real:
 * argv = knowledge folder, JSON IngestInput. Prints "ready", waits for a line on stdin, then
 * ingests and prints the result as JSON.
 */
import { ingest } from "../../../src/knowledge/ingest.ts";
import { openKnowledge } from "../../../src/knowledge/open.ts";

const [dir, input] = process.argv.slice(2) as [string, string];
const kb = openKnowledge(dir);
process.stdout.write("ready\n");
process.stdin.once("data", () => {
  const result = ingest(kb, dir, JSON.parse(input));
  const out = result.ok
    ? { ok: true, id: result.article.id }
    : { ok: false, errors: result.errors };
  process.stdout.write(`${JSON.stringify(out)}\n`);
  process.stdin.destroy();
});
