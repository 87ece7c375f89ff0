// Node http server: reads the request, then applies in order the injected faults, authentication,
// idempotency and the router, and writes Stripe-shaped answers with Stripe's headers.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import type { Emulator, RequestLogEntry } from "../core/emulator.js";
import { randomChars } from "../core/ids.js";
import { API_VERSION } from "../core/version.js";
import { authenticate } from "./authentication.js";
import { ApiError } from "./errors.js";
import { takeFault } from "./faults.js";
import { idempotencyScope, remember, replayFor } from "./idempotency.js";
import { authFrom, headersOf, parseBody } from "./request.js";
import type { PathRouter } from "./router.js";
import type { EmulatorResponse, ReceivedRequest } from "./types.js";

const CORS_HEADERS: Record<string, string> = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, POST, DELETE, OPTIONS",
  "access-control-allow-headers":
    "Authorization, Content-Type, Stripe-Account, Stripe-Version, Idempotency-Key, X-Stripe-Client-User-Agent",
  "access-control-expose-headers": "Request-Id, Idempotent-Replayed, Stripe-Version",
  "access-control-max-age": "300",
};
const REQUEST_LOG_LIMIT = 10_000;

export interface RunningServer {
  server: Server;
  hangingSockets: Set<Socket>;
}

export function createEmulatorServer(emu: Emulator, router: PathRouter): RunningServer {
  const hangingSockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      handle(emu, router, req, res, Buffer.concat(chunks).toString("utf8"), hangingSockets).catch((err) => {
        console.error("[stripe-emulator] unexpected error", err);
        if (!res.headersSent) {
          res.writeHead(500, { "content-type": "application/json" });
          res.end(JSON.stringify({ error: { type: "api_error", message: "Emulator internal error." } }));
        }
      });
    });
  });
  server.keepAliveTimeout = 5_000;
  return { server, hangingSockets };
}

function readRequest(req: IncomingMessage, rawBody: string): ReceivedRequest {
  const method = (req.method ?? "GET").toUpperCase();
  const url = new URL(req.url ?? "/", "http://emulator.local");
  const headers = headersOf(req);
  return {
    method,
    path: url.pathname,
    query: url.searchParams,
    headers,
    rawBody,
    body: parseBody(req, rawBody, url.searchParams, method),
    requestId: `req_${randomChars(14)}`,
    auth: authFrom(headers["authorization"]),
    account: headers["stripe-account"]?.trim() || null,
  };
}

/** The dashboard's request log entry; the control API's own calls are not logged. */
function logEntry(emu: Emulator, request: ReceivedRequest, idempotencyKey: string | null): RequestLogEntry {
  const entry: RequestLogEntry = {
    id: request.requestId,
    time: emu.now(),
    method: request.method,
    path: request.path,
    account: request.account,
    key_type: request.auth?.kind ?? null,
    idempotency_key: idempotencyKey,
    status: 0,
    replayed: false,
    fault: null,
    duration_ms: 0,
  };
  if (!request.path.startsWith("/_emulator/") || request.path.startsWith("/_emulator/3ds/")) {
    emu.requestLog.push(entry);
    if (emu.requestLog.length > REQUEST_LOG_LIMIT) emu.requestLog.splice(0, emu.requestLog.length - REQUEST_LOG_LIMIT);
  }
  return entry;
}

function responseHeaders(request: ReceivedRequest, idempotencyKey: string | null, response: EmulatorResponse): Record<string, string> {
  const isString = typeof response.body === "string";
  return {
    // The control API answers no other web origin: a page elsewhere must not reset or drive it.
    ...(request.path.startsWith("/_emulator/") ? {} : CORS_HEADERS),
    "request-id": request.requestId,
    ...(isString ? {} : { "content-type": "application/json" }),
    ...(request.path.startsWith("/v1/") ? { "stripe-version": API_VERSION } : {}),
    ...(idempotencyKey && request.method === "POST" ? { "idempotency-key": idempotencyKey } : {}),
    ...(response.headers ?? {}),
  };
}

async function routed(emu: Emulator, router: PathRouter, request: ReceivedRequest): Promise<EmulatorResponse & { remember: boolean }> {
  const match = router.match(request.method, request.path);
  if (!match) {
    throw new ApiError(404, {
      type: "invalid_request_error",
      message: `Unrecognized request URL (${request.method}: ${request.path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
    });
  }
  emu.currentRequest = { id: request.requestId, idempotency_key: request.headers["idempotency-key"]?.trim() || null };
  try {
    return { ...(await match.handler(request, match.params)), remember: true };
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    return { status: err.status, headers: err.headers, body: err.toResponseBody(), remember: err.saveIdempotent };
  } finally {
    emu.currentRequest = { id: null, idempotency_key: null };
  }
}

async function handle(
  emu: Emulator,
  router: PathRouter,
  req: IncomingMessage,
  res: ServerResponse,
  rawBody: string,
  hangingSockets: Set<Socket>,
): Promise<void> {
  const started = Date.now();
  const request = readRequest(req, rawBody);
  const idempotencyKey = request.headers["idempotency-key"]?.trim() || null;
  const entry = logEntry(emu, request, idempotencyKey);

  let answerLost = false;
  const send = (response: EmulatorResponse): void => {
    entry.status = response.status;
    entry.duration_ms = Date.now() - started;
    if (answerLost) {
      req.socket.destroy();
      return;
    }
    const payload = typeof response.body === "string" ? response.body : JSON.stringify(response.body, null, 2);
    res.writeHead(response.status, responseHeaders(request, idempotencyKey, response));
    res.end(request.method === "HEAD" ? undefined : payload);
    if (emu.options.logRequests) {
      console.log(
        `[stripe-emulator] ${request.method} ${request.path} ${request.account ?? ""} -> ${response.status}${entry.replayed ? " (replayed)" : ""}`,
      );
    }
  };

  if (request.method === "OPTIONS") {
    send({ status: 204, body: "" });
    return;
  }

  const fault = takeFault(emu, request.method, request.path);
  if (fault.kind !== "none") entry.fault = fault.fault.kind;
  switch (fault.kind) {
    case "hang":
      entry.status = -1;
      hangingSockets.add(req.socket);
      req.socket.once("close", () => hangingSockets.delete(req.socket));
      return; // until the client gives up
    case "drop":
      entry.status = -1;
      req.socket.destroy();
      return;
    case "answer":
      send(fault.response);
      return;
    case "lose_answer":
      answerLost = true;
      break;
  }

  try {
    authenticate(emu, request);
    const scope = idempotencyScope(request, idempotencyKey);
    const replay = scope && idempotencyKey ? replayFor(emu, scope, request, idempotencyKey) : null;
    if (replay) {
      entry.replayed = true;
      send(replay);
      return;
    }
    const { remember: rememberable, ...response } = await routed(emu, router, request);
    if (scope && rememberable) remember(emu, scope, request, response);
    send(response);
  } catch (err) {
    if (err instanceof ApiError) {
      send({ status: err.status, headers: err.headers, body: err.toResponseBody() });
      return;
    }
    console.error("[stripe-emulator] handler error", err);
    send({ status: 500, body: { error: { type: "api_error", message: `Emulator error: ${(err as Error).message}` } } });
  }
}
