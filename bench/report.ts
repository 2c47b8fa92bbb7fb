/** The benchmark's Markdown table: our figures, each with plain MiniSearch's ÷ ours where both exist. */

export interface SizeResult {
  articles: number;
  label: string;
  loadMs: number;
  rssMB: number;
  snapshotMB: number;
  restartMs: number;
  /** The longest the event loop was held during the restart: how long an acknowledgement could wait. */
  restartLongestBlockMs: number;
  extractPerSec: number;
  coldIngestMs: number;
  ask: { p50Ms: number; p95Ms: number; p99Ms: number };
  rawMiniSearch?: {
    p50Ms: number;
    p99Ms: number;
    buildMs: number;
    rssMB: number;
    snapshotMB: number | string;
    loadJsonMs: number | string;
  };
  /** `npm start` restarting while signed slash commands arrive every 100 ms (phases/slack.ts). */
  slackRestart: {
    listeningMs: number | null;
    loadedMs: number | null;
    sentDuringLoad: number;
    answeredDuringLoadSent: number;
    failed: number;
    acksOver3s: number;
    ack: { p50Ms: number; maxMs: number; samples: number };
    lastAnsweredMs: number | null;
    /** Commands sent after an article file was added, once loaded, every other one "who said …". */
    afterChange?: {
      commands: number;
      whoSaid: number;
      acksOver3s: number;
      ack: { p50Ms: number; maxMs: number; samples: number };
      answered: number;
    };
  };
  [extra: string]: unknown;
}

const f = (n: number | string | undefined, unit = "") =>
  n === undefined ? "—" : typeof n === "number" ? `${n.toLocaleString("en-US")}${unit}` : n;
const times = (ours: number, raw: number) => (raw / ours).toFixed(raw / ours >= 10 ? 0 : 1);
const ratio = (ours: number, raw: number | string | undefined) =>
  typeof raw === "number" && ours > 0 ? ` (${times(ours, raw)}×)` : "";
const askRatio = (ask: { p50Ms: number; p99Ms: number }, raw?: { p50Ms: number; p99Ms: number }) =>
  raw && ask.p50Ms > 0 && ask.p99Ms > 0
    ? ` (${times(ask.p50Ms, raw.p50Ms)}×, ${times(ask.p99Ms, raw.p99Ms)}×)`
    : "";
const secs = (ms: number) => (ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`);

export function table(results: SizeResult[]): string {
  const head =
    "| articles | load + index (plain MiniSearch's ÷ ours) | cold ingest (extract on workers) | extraction, 1 thread | RSS (÷) | snapshot | restart (longest block) | ask p50 / p95 / p99 (÷ at p50, p99) | plain MiniSearch: build / RSS / JSON snapshot / p50 / p99 |";
  const rule = "|---|---|---|---|---|---|---|---|---|";
  const rows = results.map((r) => {
    const raw = r.rawMiniSearch;
    return [
      `${r.label}`,
      `${secs(r.loadMs)}${ratio(r.loadMs, raw?.buildMs)}`,
      secs(r.coldIngestMs),
      `${f(r.extractPerSec)} articles/s`,
      `${f(r.rssMB, " MB")}${ratio(r.rssMB, raw?.rssMB)}`,
      `${f(r.snapshotMB, " MB")}`,
      `${secs(r.restartMs)} (${secs(r.restartLongestBlockMs)})`,
      `${f(r.ask.p50Ms)} / ${f(r.ask.p95Ms)} / ${f(r.ask.p99Ms)} ms${askRatio(r.ask, raw)}`,
      raw
        ? `${secs(raw.buildMs)} / ${f(raw.rssMB, " MB")} / ${typeof raw.snapshotMB === "number" ? `${raw.snapshotMB} MB, load ${f(raw.loadJsonMs, " ms")}` : raw.snapshotMB} / ${f(raw.p50Ms)} / ${f(raw.p99Ms)} ms`
        : "—",
    ].join(" | ");
  });
  return [head, rule, ...rows.map((r) => `| ${r} |`)].join("\n");
}

/** The Slack path during a restart: when `npm start` listens, how long acknowledgements took. */
export function slackTable(results: SizeResult[]): string {
  const head =
    "| articles | npm start listening after | knowledge loaded after | commands sent while loading (answered) | acknowledgement p50 / max | over Slack's 3 s | failed | last answer after | after a live change: commands, “who said” among them (answered) | its acknowledgements p50 / max, over 3 s |";
  const rule = "|---|---|---|---|---|---|---|---|---|---|";
  const at = (ms: number | null) => (ms === null ? "—" : secs(ms));
  const rows = results.map((r) => {
    const s = r.slackRestart;
    const c = s.afterChange;
    return [
      r.label,
      at(s.listeningMs),
      at(s.loadedMs),
      `${s.sentDuringLoad} (${s.answeredDuringLoadSent})`,
      `${f(s.ack.p50Ms)} / ${f(s.ack.maxMs)} ms`,
      `${s.acksOver3s} of ${s.ack.samples}`,
      `${s.failed}`,
      at(s.lastAnsweredMs),
      c ? `${c.commands}, ${c.whoSaid} (${c.answered})` : "—",
      c ? `${f(c.ack.p50Ms)} / ${f(c.ack.maxMs)} ms, ${c.acksOver3s} of ${c.ack.samples}` : "—",
    ].join(" | ");
  });
  return [head, rule, ...rows.map((r) => `| ${r} |`)].join("\n");
}
