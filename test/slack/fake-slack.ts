/**
 * A fake Slack on a loopback port: the Web API (POST /api/<method>, form-encoded or JSON, as
 * @slack/web-api sends it) and response_urls (POST /respond/<id>). It records every call so tests
 * can check what the app sent, and answers the way Slack does, including its error replies.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface ApiCall {
  method: string;
  params: Record<string, unknown>;
  /** The Authorization header, so tests can check the token travels there. */
  authorization: string | undefined;
  contentType: string;
}

export interface ResponsePost {
  id: string;
  body: Record<string, unknown>;
}

export const BOT_USER_ID = "UTARIFFBOT";
export const BOT_ID = "BTARIFFBOT";

/** Parameters sent JSON-encoded inside a form body. */
const JSON_PARAMS = new Set(["blocks", "attachments", "view", "metadata"]);

export class FakeSlack {
  readonly calls: ApiCall[] = [];
  readonly responses: ResponsePost[] = [];
  /** Web API errors to answer with, by method: returns an error code, or undefined for ok. */
  readonly failWith = new Map<string, (params: Record<string, unknown>) => string | undefined>();
  /**
   * Rate limits, by method: returns the seconds for a Retry-After header (the call is answered
   * HTTP 429, as Slack does), or undefined to answer normally.
   */
  readonly rateLimit = new Map<string, (params: Record<string, unknown>) => number | undefined>();
  /** response_url ids that answer like an expired URL (HTTP 404, "expired_url"). */
  readonly expired = new Set<string>();
  private server: Server | undefined;
  private ts = 1_763_700_000;

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(
        ({ status, body, retryAfter }) => {
          res.writeHead(status, {
            "Content-Type": typeof body === "string" ? "text/plain" : "application/json",
            ...(retryAfter === undefined ? {} : { "Retry-After": String(retryAfter) }),
          });
          res.end(typeof body === "string" ? body : JSON.stringify(body));
        },
        () => {
          res.writeHead(500);
          res.end();
        },
      );
    });
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
  }

  get port(): number {
    if (!this.server) throw new Error("FakeSlack is not started");
    return (this.server.address() as AddressInfo).port;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  responseUrl(id: string): string {
    return `http://127.0.0.1:${this.port}/respond/${id}`;
  }

  callsTo(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  responsesTo(id: string): ResponsePost[] {
    return this.responses.filter((r) => r.id === id);
  }

  /** Resolves when `done()` holds, checking as calls arrive; rejects after `ms`. */
  async until(done: () => boolean, ms = 30_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!done()) {
      if (Date.now() > deadline) throw new Error("timed out waiting for the app to call Slack");
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async handle(
    req: IncomingMessage,
  ): Promise<{ status: number; body: unknown; retryAfter?: number }> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const contentType = String(req.headers["content-type"] ?? "");
    const respond = /^\/respond\/([^/]+)$/.exec(url.pathname);
    if (respond?.[1]) {
      const id = respond[1];
      this.responses.push({ id, body: JSON.parse(raw) as Record<string, unknown> });
      return this.expired.has(id)
        ? { status: 404, body: "expired_url" }
        : { status: 200, body: "ok" };
    }
    const api = /^\/api\/([\w.]+)$/.exec(url.pathname);
    if (!api?.[1]) return { status: 404, body: "not_found" };
    const method = api[1];
    const params = parseParams(raw, contentType);
    this.calls.push({ method, params, authorization: req.headers.authorization, contentType });
    const retryAfter = this.rateLimit.get(method)?.(params);
    if (retryAfter !== undefined)
      return { status: 429, body: { ok: false, error: "ratelimited" }, retryAfter };
    const error = this.failWith.get(method)?.(params);
    if (error) return { status: 200, body: { ok: false, error } };
    return { status: 200, body: this.reply(method, params) };
  }

  private reply(method: string, params: Record<string, unknown>): unknown {
    switch (method) {
      case "auth.test":
        return {
          ok: true,
          url: "https://newsroom.slack.com/",
          team: "Newsroom",
          user: "tariff-desk",
          team_id: "T0NEWS",
          user_id: BOT_USER_ID,
          bot_id: BOT_ID,
        };
      case "chat.postMessage":
        this.ts += 1;
        return {
          ok: true,
          channel: params.channel,
          ts: `${this.ts}.000100`,
          message: { text: params.text },
        };
      case "views.publish":
        return { ok: true, view: { id: "V0HOME", type: "home" } };
      default:
        return { ok: true };
    }
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function parseParams(raw: string, contentType: string): Record<string, unknown> {
  if (contentType.includes("application/json"))
    return JSON.parse(raw || "{}") as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) out[k] = JSON_PARAMS.has(k) ? JSON.parse(v) : v;
  return out;
}
