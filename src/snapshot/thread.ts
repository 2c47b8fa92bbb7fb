/**
 * Worker threads start from TypeScript source like the rest of the app: a one-line bootstrap
 * loads tsx's import API and imports the entry through it (Node 20 does not apply --import
 * loaders to a worker's entry file).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";

export function startTsWorker(entry: URL, workerData: unknown): Worker {
  const href = JSON.stringify(entry.href);
  const boot = `import(${JSON.stringify(tsxImportApi())}).then((m) => m.tsImport(${href}, ${href}))`;
  return new Worker(boot, { eval: true, workerData });
}

/** tsx's ESM import API, found through its package.json exports (require() would pick the CJS build). */
function tsxImportApi(): string {
  const manifest = createRequire(import.meta.url).resolve("tsx/package.json");
  const pkg = JSON.parse(readFileSync(manifest, "utf8"));
  return new URL(pkg.exports["./esm/api"].import.default, pathToFileURL(manifest)).href;
}
