/** A worker thread's side of readFolder (folder.ts): stats the files listed, posts the stats back. */
import { parentPort, workerData } from "node:worker_threads";
import { newFileStats, statFiles } from "./stat-files.ts";

const { dir, names } = workerData as { dir: string; names: string[] };
const out = newFileStats(names.length);
statFiles(dir, names, out, 0, names.length);
parentPort?.postMessage(out, [out.kind.buffer, out.stat.buffer]);
