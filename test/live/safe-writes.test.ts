/**
 * Safe writes, with real processes: two editors adding at the same instant never clobber each
 * other, and a writer killed mid-write leaves the old file or the new one, never half of one.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openKnowledge } from "../../src/knowledge/open.ts";
import { PROJECT } from "../helpers/knowledge.ts";
import { liveFolder, waitFor } from "./helpers.ts";

const CHILDREN = resolve(import.meta.dirname, "children");

let children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children) c.kill("SIGKILL");
  children = [];
});

interface Child {
  child: ChildProcess;
  /** Everything it printed so far. */
  out: () => string;
  done: Promise<void>;
}

function run(script: string, args: string[]): Child {
  const child = spawn(process.execPath, ["--import", "tsx", join(CHILDREN, script), ...args], {
    cwd: PROJECT,
  });
  children.push(child);
  let out = "";
  let err = "";
  child.stdout?.on("data", (d) => {
    out += d;
  });
  child.stderr?.on("data", (d) => {
    err += d;
  });
  const done = new Promise<void>((res, rej) =>
    child.on("close", (code, signal) =>
      code === 0 || signal ? res() : rej(new Error(`${script} exited ${code}: ${err}`)),
    ),
  );
  return { child, out: () => out, done };
}

interface Outcome {
  ok: boolean;
  id?: string;
  errors?: { field: string; message: string }[];
}

/** Both ingests go at once, when both processes have loaded the knowledge. */
async function race(dir: string, inputs: object[]): Promise<Outcome[]> {
  const runs = inputs.map((i) => run("ingest.ts", [dir, JSON.stringify(i)]));
  await waitFor("both ready", () => runs.every((r) => r.out().startsWith("ready\n")), 60_000);
  for (const r of runs) r.child.stdin?.write("go\n");
  await Promise.all(runs.map((r) => r.done));
  return runs.map((r) => JSON.parse(r.out().slice("ready\n".length)) as Outcome);
}

const base = { outlet: "Harbour Ledger", published: "2026-06-01", id: "2026-06-01-wharf-fees" };

describe("safe writes", () => {
  it("lets one of two simultaneous adds with the same id win; the other is told why", async () => {
    const dir = liveFolder();
    const outcomes = await race(dir, [
      { ...base, headline: "Wharf fees rise", text: "Wharf fees rose by a third on Monday." },
      { ...base, headline: "Wharf fees climb", text: "Port users face higher wharf fees." },
    ]);
    const winners = outcomes.filter((o) => o.ok);
    const losers = outcomes.filter((o) => !o.ok);
    expect(winners).toHaveLength(1);
    expect(losers[0]?.errors).toEqual([
      {
        field: "id",
        message: `an article with id "${base.id}" already exists (${base.id}.md)`,
      },
    ]);
    const kb = openKnowledge(dir);
    expect(kb.problems).toEqual([]);
    const body = kb.get(base.id)?.body;
    expect([
      "Wharf fees rose by a third on Monday.",
      "Port users face higher wharf fees.",
    ]).toContain(body);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("lands both of two simultaneous adds with different ids", async () => {
    const dir = liveFolder();
    const outcomes = await race(dir, [
      { ...base, headline: "Wharf fees rise", text: "Wharf fees rose by a third on Monday." },
      {
        ...base,
        id: "2026-06-01-ferry-tolls",
        headline: "Ferry tolls frozen",
        text: "Ferry tolls stay frozen through the summer.",
      },
    ]);
    expect(outcomes.map((o) => o.ok)).toEqual([true, true]);
    const kb = openKnowledge(dir);
    expect(kb.get(base.id)?.body).toBe("Wharf fees rose by a third on Monday.");
    expect(kb.get("2026-06-01-ferry-tolls")?.body).toBe(
      "Ferry tolls stay frozen through the summer.",
    );
  });

  it("leaves the old file or the new one when the writer is killed mid-write", async () => {
    const dir = liveFolder();
    const path = join(dir, "2026-04-fishing-gear-levy.md");
    const a = readFileSync(path, "utf8");
    const b = `${a.replace("Friday", "Saturday")}\nOttawa said little more.\n`;
    const writer = run("rewrite.ts", [path, a, b]);
    await waitFor("the writer runs", () => readFileSync(path, "utf8") === b);
    const seen = new Set<string>();
    // Read while the writer flips the file, until both versions have been seen (a slow, loaded
    // machine may need many rounds); any read that is neither is a torn file.
    const deadline = Date.now() + 60_000;
    while (!(seen.has("a") && seen.has("b")) && Date.now() < deadline) {
      for (let i = 0; i < 500; i++) {
        const text = readFileSync(path, "utf8");
        seen.add(text === a ? "a" : text === b ? "b" : `torn: ${text.length} bytes`);
      }
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    writer.child.kill("SIGKILL");
    await writer.done;
    const final = readFileSync(path, "utf8");
    expect([a, b]).toContain(final);
    expect([...seen].sort()).toEqual(["a", "b"]);
    // Whatever temp file the kill left behind is not an article to the loader.
    writeFileSync(join(dir, `.2026-04-fishing-gear-levy.md.1.deadbeef.tmp`), b.slice(0, 40));
    const kb = openKnowledge(dir);
    expect(kb.problems).toEqual([]);
    expect(
      kb
        .articles()
        .map((x) => x.file)
        .sort(),
    ).toEqual(["2026-03-02-dairy-quota-review.md", "2026-04-fishing-gear-levy.md"]);
  });
});
