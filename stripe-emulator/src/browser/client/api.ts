// The emulator's browser-facing API as called from its own origin (inside the emulator's frames),
// authorised with the publishable key like Stripe.js does.
import { encodeForm, type Params } from "./form.js";
import type { ApiReply } from "./protocol.js";

export interface ApiAuth {
  publishableKey: string;
  stripeAccount?: string;
}

export async function callApi(
  auth: ApiAuth,
  method: "GET" | "POST",
  path: string,
  params: Params = {},
): Promise<ApiReply> {
  const headers: Record<string, string> = { Authorization: `Bearer ${auth.publishableKey}` };
  if (auth.stripeAccount) headers["Stripe-Account"] = auth.stripeAccount;
  const encoded = encodeForm(params);
  let url = path;
  let body: string | undefined;
  if (method === "GET") {
    if (encoded) url += (url.includes("?") ? "&" : "?") + encoded;
  } else {
    headers["Content-Type"] = "application/x-www-form-urlencoded";
    body = encoded;
  }
  try {
    const res = await fetch(url, { method, headers, body, credentials: "omit" });
    const text = await res.text();
    let json: Record<string, unknown>;
    try {
      json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      json = { error: { type: "api_error", message: `Unexpected response from the emulator (HTTP ${res.status}).` } };
    }
    return { status: res.status, body: json };
  } catch (err) {
    return {
      status: 0,
      body: {
        error: {
          type: "api_connection_error",
          message: `Could not reach the Stripe emulator: ${err instanceof Error ? err.message : String(err)}`,
        },
      },
    };
  }
}
