import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { messageListPage, messagePage, notFoundPage } from "./html-pages";
import type { MessageStore } from "./message-store";

export interface CatcherControls {
  store: MessageStore;
  isInOutage(): boolean;
  setOutage(active: boolean): void;
  smtpUrl(): string;
}

export interface HttpSite {
  port: number;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, type: "html" | "json", body: string): void {
  res.writeHead(status, {
    "content-type": type === "html" ? "text/html; charset=utf-8" : "application/json",
    "x-content-type-options": "nosniff",
    "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'",
  });
  res.end(body);
}

const json = (res: ServerResponse, status: number, value: unknown) => send(res, status, "json", JSON.stringify(value));

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  if (!text) return {};
  const value: unknown = JSON.parse(text);
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
}

/**
 * The page people read mail on, and a small JSON API for tests:
 *   GET  /api/messages[?to=address]   GET /api/messages/:id   DELETE /api/messages
 *   GET  /api/outage                  POST /api/outage {"active": true|false}
 */
export async function startHttpSite(options: { port: number; host: string; controls: CatcherControls }): Promise<HttpSite> {
  const { controls } = options;
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", "http://catcher.local");
      const route = `${req.method} ${url.pathname}`;
      const messageId = /^\/(?:api\/)?messages\/([^/]+)$/.exec(url.pathname)?.[1];
      if (route === "GET /") return send(res, 200, "html", messageListPage(controls.store.list(), { outage: controls.isInOutage(), smtpUrl: controls.smtpUrl() }));
      if (req.method === "GET" && messageId && !url.pathname.startsWith("/api/")) {
        const message = controls.store.get(decodeURIComponent(messageId));
        return message ? send(res, 200, "html", messagePage(message)) : send(res, 404, "html", notFoundPage());
      }
      if (route === "GET /api/health") return json(res, 200, { status: "ok" });
      if (route === "GET /api/messages") return json(res, 200, { data: controls.store.list({ to: url.searchParams.get("to") ?? undefined }) });
      if (route === "DELETE /api/messages") {
        controls.store.clear();
        return json(res, 200, { deleted: true });
      }
      if (req.method === "GET" && messageId) {
        const message = controls.store.get(decodeURIComponent(messageId));
        return message ? json(res, 200, message) : json(res, 404, { error: "no such message" });
      }
      if (route === "GET /api/outage") return json(res, 200, { active: controls.isInOutage() });
      if (route === "POST /api/outage") {
        const body = await readJson(req);
        if (typeof body.active !== "boolean") return json(res, 400, { error: 'send {"active": true} or {"active": false}' });
        controls.setOutage(body.active);
        return json(res, 200, { active: controls.isInOutage() });
      }
      return url.pathname.startsWith("/api/") ? json(res, 404, { error: "not found" }) : send(res, 404, "html", notFoundPage());
    } catch {
      return json(res, 400, { error: "bad request" });
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
