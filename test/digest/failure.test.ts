/** The poster's retry policy against real network failures (no Slack at all on the other end). */

import type { AddressInfo } from "node:net";
import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { digestClient, PostFailure, slackPoster } from "../../src/digest/poster.ts";
import { FakeClock } from "./fake-clock.ts";

const message = { text: "digest", blocks: [] };

async function failureOf(apiUrl: string, clock: FakeClock): Promise<PostFailure> {
  try {
    await slackPoster(digestClient("xoxb-test", apiUrl), clock).post("C0DESK", message);
  } catch (e) {
    if (e instanceof PostFailure) return e;
    throw e;
  }
  throw new Error("the post succeeded");
}

describe("digest poster failures", () => {
  it("retries a refused connection with doubling backoff, then gives up", async () => {
    const s = createServer();
    await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
    const { port } = s.address() as AddressInfo;
    await new Promise<void>((r) => s.close(() => r()));
    const clock = new FakeClock("2025-10-06T12:00Z");
    const f = await failureOf(`http://127.0.0.1:${port}/api/`, clock);
    expect(f.failure).toEqual({ kind: "transient", code: "ECONNREFUSED" });
    expect(f.attempts).toBe(5);
    expect(clock.sleeps).toEqual([2000, 4000, 8000, 16000]);
  });

  it("does not retry a port fetch refuses to use", async () => {
    const clock = new FakeClock("2025-10-06T12:00Z");
    const f = await failureOf("http://127.0.0.1:9/api/", clock);
    expect(f.failure).toEqual({ kind: "slack", code: "bad_port" });
    expect(f.attempts).toBe(1);
    expect(clock.sleeps).toEqual([]);
  });
});
