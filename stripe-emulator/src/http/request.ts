// Reading an HTTP request into the emulator's request shape: headers, the API key, and the body
// (form-encoded like Stripe's API, JSON for the control API, the query string for GET and DELETE).
import type { IncomingMessage } from "node:http";
import { parseForm } from "./form.js";
import type { FormValue, ReceivedRequest } from "./types.js";

export function headersOf(req: IncomingMessage): Record<string, string | undefined> {
  const headers: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v.join(", ") : v;
  return headers;
}

export function parseBody(req: IncomingMessage, rawBody: string, query: URLSearchParams, method: string): Record<string, FormValue> {
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

export function authFrom(header: string | undefined): ReceivedRequest["auth"] {
  if (!header) return null;
  let key = "";
  if (/^bearer /i.test(header)) key = header.slice(7).trim();
  else if (/^basic /i.test(header)) key = Buffer.from(header.slice(6).trim(), "base64").toString().split(":")[0];
  if (/^(sk|rk)_test_[A-Za-z0-9_]+$/.test(key)) return { kind: "secret", key };
  if (/^pk_test_[A-Za-z0-9_]+$/.test(key)) return { kind: "publishable", key };
  return key ? { kind: "secret", key: `invalid:${key}` } : null;
}
