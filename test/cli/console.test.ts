/** `npm start` with no Slack tokens: the offline console, driven through piped input. */
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cleanEnv } from "../helpers/cli.ts";
import { PROJECT } from "../helpers/knowledge.ts";

describe("offline console", () => {
  it("says Slack is not connected, then answers what a user types", () => {
    const r = spawnSync("npm", ["start", "--silent"], {
      cwd: PROJECT,
      env: cleanEnv(),
      input: "/tariffs steel\nwhat's the latest on the CUSMA review?\nhockey\nhelp\nquit\n",
      encoding: "utf8",
      timeout: 100_000,
    });
    expect(r.status).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toMatch(
      /^Slack is not connected: set SLACK_BOT_TOKEN with SLACK_APP_TOKEN .* SLACK_SIGNING_SECRET/,
    );
    expect(r.stdout).toContain("Offline console on 5 articles");
    expect(r.stdout).toContain("50% rate on Canadian steel and aluminum");
    expect(r.stdout).toContain(
      "— Carney heads to the White House seeking tariff relief · CBC News · Oct. 6, 2025",
    );
    expect(r.stdout).toContain("Nothing in the 5 articles matches “hockey”");
    expect(r.stdout).toContain("• help — this list");
  });

  it("restarts from the snapshot: an unchanged folder is extracted once, then loaded", () => {
    const env = {
      ...cleanEnv(),
      TARIFF_DESK_STATE: mkdtempSync(join(tmpdir(), "tariff-desk-state-")),
    };
    const start = () =>
      spawnSync("npm", ["start", "--silent"], {
        cwd: PROJECT,
        env,
        input: "quit\n",
        encoding: "utf8",
      });
    const first = start();
    expect(first.status).toBe(0);
    expect(first.stderr).toContain("snapshot: 5 articles, 0 from the snapshot, 5 extracted");
    const second = start();
    expect(second.status).toBe(0);
    expect(second.stderr).toContain("snapshot: 5 articles, 5 from the snapshot, 0 extracted");
  });
});
