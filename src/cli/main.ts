/** Entry point of `npm run cli`. */
import { runCli } from "./run.ts";

const code = await runCli(process.argv.slice(2), process.env, {
  out: (t) => process.stdout.write(`${t}\n`),
  err: (t) => process.stderr.write(`${t}\n`),
});
process.exitCode = code;
