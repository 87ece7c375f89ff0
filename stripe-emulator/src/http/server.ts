// Node http server: reads the request, applies faults, authentication, Stripe-Account
// scoping and idempotency, dispatches to the router and writes Stripe-shaped answers.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import type { Emulator, RequestLogEntry } from "../core/emulator.js";
import { randomChars } from "../core/ids.js";
import { API_VERSION } from "../core/version.js";
import { checkApiVersion } from "./api-version.js";
import { accountInvalid, ApiError, maskKey } from "./errors.js";
import { parseForm } from "./form.js";
import type { PathRouter } from "./router.js";
import type { EmulatorRequest, EmulatorResponse, FormValue } from "./types.js";

const CORS_HEADERS: Record<string, string> = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, POST, DELETE, OPTIONS",
  "access-control-allow-headers":
    "Authorization, Content-Type, Stripe-Account, Stripe-Version, Idempotency-Key, X-Stripe-Client-User-Agent",
  "access-control-expose-headers": "Request-Id, Idempotent-Replayed, Stripe-Version",
  "access-control-max-age": "300",
};

/** Paths that need an API key (the Stripe API itself and OAuth token calls). */
function needsApiKey(path: string): boolean {
  return path.startsWith("/v1/") || path === "/oauth/token" || path === "/oauth/deauthorize" || path.startsWith("/_emulator/3ds/");
}

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

function parseBody(req: IncomingMessage, rawBody: string, query: URLSearchParams, method: string): Record<string, FormValue> {
  if (method === "GET" || method === "DELETE" || method === "HEAD") {
    const fromQuery = parseForm(query.toString());
    if (method === "DELETE" && rawBody) return { ...fromQuery, ...parseForm(rawBody) };
    return fromQuery;
  }
  const type = req.headers["content-type"] ?? "";
  if (type.includes("application/json")) {
    try {
      const parsed = rawBody ? JSON.parse(rawBody) : {};
      return jsonToForm(parsed) as Record<string, FormValue>;
    } catch {
      return {};
    }
  }
  return parseForm(rawBody);
}

/** JSON bodies (control API) are turned into the same string-valued shape as form bodies. */
function jsonToForm(v: unknown): FormValue {
  if (v === null || v === undefined) return "";
  if (Array.isArray(v)) return v.map(jsonToForm);
  if (typeof v === "object") {
    const out: Record<string, FormValue> = {};
    for (const [k, val] of Object.entries(v)) out[k] = jsonToForm(val);
    return out;
  }
  return String(v);
}

function authFrom(header: string | undefined): EmulatorRequest["auth"] {
  if (!header) return null;
  let key = "";
  if (/^bearer /i.test(header)) key = header.slice(7).trim();
  else if (/^basic /i.test(header)) key = Buffer.from(header.slice(6).trim(), "base64").toString().split(":")[0];
  if (/^(sk|rk)_test_[A-Za-z0-9_]+$/.test(key)) return { kind: "secret", key };
  if (/^pk_test_[A-Za-z0-9_]+$/.test(key)) return { kind: "publishable", key };
  return key ? { kind: "secret", key: `invalid:${key}` } : null;
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
  const method = (req.method ?? "GET").toUpperCase();
  const url = new URL(req.url ?? "/", "http://emulator.local");
  const path = url.pathname;
  const requestId = `req_${randomChars(14)}`;
  const headers: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v.join(", ") : v;
  const account = headers["stripe-account"]?.trim() || null;
  const idempotencyKey = headers["idempotency-key"]?.trim() || null;

  const logged = !path.startsWith("/_emulator/") || path.startsWith("/_emulator/3ds/");
  const entry: RequestLogEntry = {
    id: requestId,
    time: emu.now(),
    method,
    path,
    account,
    key_type: authFrom(headers["authorization"])?.kind ?? null,
    idempotency_key: idempotencyKey,
    status: 0,
    replayed: false,
    fault: null,
    duration_ms: 0,
  };
  if (logged) {
    emu.requestLog.push(entry);
    if (emu.requestLog.length > 10_000) emu.requestLog.splice(0, emu.requestLog.length - 10_000);
  }

  let answerLost = false;
  const send = (r: EmulatorResponse): void => {
    if (answerLost) {
      entry.status = r.status;
      entry.duration_ms = Date.now() - started;
      req.socket.destroy();
      return;
    }
    const isString = typeof r.body === "string";
    const payload = isString ? (r.body as string) : JSON.stringify(r.body, null, 2);
    const out: Record<string, string> = {
      // The control API answers no other web origin: a page elsewhere must not reset or drive it.
      ...(path.startsWith("/_emulator/") ? {} : CORS_HEADERS),
      "request-id": requestId,
      ...(isString ? {} : { "content-type": "application/json" }),
      ...(path.startsWith("/v1/") ? { "stripe-version": API_VERSION } : {}),
      ...(idempotencyKey && method === "POST" ? { "idempotency-key": idempotencyKey } : {}),
      ...(r.headers ?? {}),
    };
    res.writeHead(r.status, out);
    res.end(method === "HEAD" ? undefined : payload);
    entry.status = r.status;
    entry.duration_ms = Date.now() - started;
    if (emu.options.logRequests) {
      console.log(`[stripe-emulator] ${method} ${path} ${account ?? ""} -> ${r.status}${entry.replayed ? " (replayed)" : ""}`);
    }
  };

  if (method === "OPTIONS") {
    send({ status: 204, body: "" });
    return;
  }

  // Injected faults come first: the request never reaches the API (except drop_after, which loses only the answer).
  const fault = emu.faults.find(
    (f) => f.remaining > 0 && (f.method === "*" || f.method === method) && path.startsWith(f.path_prefix),
  );
  if (fault && fault.skip > 0) fault.skip -= 1;
  else if (fault) {
    fault.remaining -= 1;
    if (fault.remaining === 0) emu.faults = emu.faults.filter((f) => f !== fault);
    entry.fault = fault.kind;
    if (fault.kind === "timeout") {
      entry.status = -1;
      hangingSockets.add(req.socket);
      req.socket.once("close", () => hangingSockets.delete(req.socket));
      return; // hang until the client gives up
    }
    if (fault.kind === "drop") {
      entry.status = -1;
      req.socket.destroy();
      return;
    }
    if (fault.kind === "429") {
      send({
        status: 429,
        body: {
          error: {
            type: "invalid_request_error",
            code: "rate_limit",
            message: "Too many requests hit the API too quickly. We recommend an exponential backoff of your requests.",
            doc_url: "https://stripe.com/docs/error-codes/rate-limit",
          },
        },
      });
      return;
    }
    if (fault.kind === "500") {
      send({
        status: 500,
        body: { error: { type: "api_error", message: "An unknown error occurred (injected by the Stripe emulator)." } },
      });
      return;
    }
    // drop_after: the request is carried out below; only its answer is lost.
    answerLost = true;
  }

  const emuReq: EmulatorRequest = {
    method,
    path,
    query: url.searchParams,
    headers,
    rawBody,
    body: parseBody(req, rawBody, url.searchParams, method),
    requestId,
    auth: authFrom(headers["authorization"]),
    account,
  };

  try {
    if (needsApiKey(path)) {
      const auth = emuReq.auth;
      if (!auth) {
        throw new ApiError(401, {
          type: "invalid_request_error",
          message:
            "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.",
        });
      }
      if (auth.key.startsWith("invalid:")) {
        throw new ApiError(401, {
          type: "invalid_request_error",
          message: `Invalid API Key provided: ${maskKey(auth.key.slice(8))}`,
        });
      }
      if (account && !emu.canActFor(account)) throw accountInvalid(auth.key, account);
      if (path.startsWith("/v1/")) checkApiVersion(headers["stripe-version"]);
    }

    // Idempotency: POSTs to the API with an Idempotency-Key, scoped per account.
    const idemScope = method === "POST" && idempotencyKey && needsApiKey(path) ? `${account ?? "platform"}:${idempotencyKey}` : null;
    if (idemScope) {
      const prior = emu.idempotency.get(idemScope);
      if (prior) {
        if (prior.method !== method || prior.path !== path || prior.rawBody !== rawBody) {
          throw new ApiError(400, {
            type: "idempotency_error",
            message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
          });
        }
        entry.replayed = true;
        send({
          status: prior.status,
          headers: { ...prior.headers, "idempotent-replayed": "true", "original-request": prior.headers["request-id"] ?? "" },
          body: prior.body,
        });
        return;
      }
    }

    const match = router.match(method, path);
    if (!match) {
      throw new ApiError(404, {
        type: "invalid_request_error",
        message: `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
      });
    }

    emu.currentRequest = { id: requestId, idempotency_key: idempotencyKey };
    let response: EmulatorResponse;
    let remember = true;
    try {
      response = await match.handler(emuReq, match.params);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      remember = err.saveIdempotent;
      response = { status: err.status, headers: err.headers, body: err.toResponseBody() };
    } finally {
      emu.currentRequest = { id: null, idempotency_key: null };
    }
    if (idemScope && remember && response.status < 500) {
      emu.idempotency.set(idemScope, {
        method,
        path,
        rawBody,
        status: response.status,
        headers: { "content-type": "application/json", "request-id": requestId },
        body: typeof response.body === "string" ? response.body : JSON.stringify(response.body, null, 2),
        created: emu.now(),
      });
      emu.onChange();
    }
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
