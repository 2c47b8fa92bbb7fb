/**
 * compromise, loaded the first time a word is tagged rather than when the code is imported:
 * answering from a snapshot, or refusing a bad option, never tags a word (`npm start` loads it
 * before it listens, src/main.ts). It is loaded as its one-file CommonJS build (what `require`
 * resolves to; the same version as the ES build). The ES build is 436 files, and under the tsx
 * loader each file costs a round trip to the loader's thread: importing it took 1.2–1.9 s of
 * every CLI start on a 2-core machine.
 */
import { createRequire } from "node:module";
import type Nlp from "compromise";
import { type BulkMatch, installFastSweep } from "./sweep.ts";

let loaded: { nlp: typeof Nlp; stockSweep: BulkMatch } | undefined;

function load(): { nlp: typeof Nlp; stockSweep: BulkMatch } {
  if (!loaded) {
    const nlp = createRequire(import.meta.url)("compromise") as typeof Nlp;
    loaded = { nlp, stockSweep: installFastSweep(nlp) };
  }
  return loaded;
}

/** compromise, with the faster pattern sweep installed (same tags; see sweep.ts). */
export function compromise(): typeof Nlp {
  return load().nlp;
}

/** compromise's own pattern sweep, which the faster one replaced. */
export function stockSweep(): BulkMatch {
  return load().stockSweep;
}
