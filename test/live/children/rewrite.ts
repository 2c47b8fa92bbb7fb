/** Rewrites one file atomically, alternating two versions, until killed: argv = path, a, b. */
import { writeFileAtomic } from "../../../src/knowledge/atomic.ts";

const [path, a, b] = process.argv.slice(2) as [string, string, string];
process.stdout.write("ready\n");
for (let i = 0; ; i++) writeFileAtomic(path, i % 2 ? b : a);
