/**
 * Vitest global setup: every test run gets its own temp folder, removed when the run ends.
 * Tests and the CLI processes they start make their folders with os.tmpdir(), which reads
 * TMPDIR, so nothing they write outlives the run (a full run used to leave ~200 folders).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), "tariff-desk-tests-"));
  process.env.TMPDIR = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
