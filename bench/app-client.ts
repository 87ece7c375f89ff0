// Talks to the running app the way a browser does: a session cookie, the checkout server action
// over HTTP (Next-Action header + the action ID from the build's server-reference manifest),
// Stripe.js's calls to the emulator with the publishable key, and the return page.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { encode } from "next-auth/jwt";

// React's own encoder for server action arguments, from the copy Next.js ships and the app runs.
const { encodeReply } = createRequire(import.meta.url)("next/dist/compiled/react-server-dom-turbopack/client.node") as {
  encodeReply(value: unknown[]): Promise<string | FormData>;
};

const PUBLISHABLE_KEY = "pk_test_emulator";

export interface CheckoutStarted {
  ok?: boolean;
  orderId?: string;
  clientSecret?: string;
  intentStatus?: string;
  error?: string;
}

/** The ID under which the build registered a server action (e.g. startCheckout). */
export function serverActionId(filename: string, exportedName: string): string {
  const manifest = JSON.parse(readFileSync(path.resolve(".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  const found = Object.entries(manifest.node).find(([, action]) => action.filename === filename && action.exportedName === exportedName);
  if (!found) throw new Error(`the build has no server action ${exportedName} in ${filename}`);
  return found[0];
}

/**
 * A next-auth session cookie for a user, signed with the app's secret, as logging in would set:
 * it names a session row (lib/auth/sessions), which the app reads on every request.
 */
export async function sessionCookie(user: { id: string; email: string; name: string; sessionVersion: number }, secret: string): Promise<string> {
  const { startSession } = await import("../lib/auth/sessions");
  const sid = await startSession(user.id, user.sessionVersion);
  const token = await encode({ token: { sub: user.id, sid, email: user.email, name: user.name, role: "buyer" }, secret });
  return `next-auth.session-token=${token}`;
}

/**
 * Calls a server action made by the action wrapper (previous state, then a FormData) with no
 * previous state and the fields as the form, encoded by React as the browser's call would be,
 * and returns the action's result from the RSC answer.
 */
export async function callFormAction<Result>(url: string, actionId: string, cookie: string, fields: Record<string, string>): Promise<Result> {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  const body = await encodeReply([undefined, form]);
  const response = await fetch(url, {
    method: "POST",
    headers: { "next-action": actionId, accept: "text/x-component", cookie },
    body,
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`server action answered ${response.status}: ${text.slice(0, 300)}`);
  // The answer's row 1 is the action's return value: `1:{...}`.
  const row = text.split("\n").find((line) => line.startsWith("1:"));
  if (!row) throw new Error(`no result row in the server action's answer: ${text.slice(0, 300)}`);
  return JSON.parse(row.slice(2)) as Result;
}

async function emulatorPost(emulatorUrl: string, path: string, form: Record<string, string>): Promise<Record<string, unknown>> {
  const response = await fetch(`${emulatorUrl}${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${PUBLISHABLE_KEY}`, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(form),
  });
  const json = (await response.json()) as Record<string, unknown>;
  // A declined card is an answer, not a failure of the bench: the intent stays payable.
  if (response.status === 402) return (json.error as { payment_intent?: Record<string, unknown> }).payment_intent ?? json;
  if (!response.ok) throw new Error(`emulator ${path} answered ${response.status}: ${JSON.stringify(json).slice(0, 300)}`);
  return json;
}

/** What the Payment Element does in the browser: create the card, then confirm the intent with it. */
export async function confirmInBrowser(emulatorUrl: string, clientSecret: string, returnUrl: string, cardNumber = "4242424242424242"): Promise<string> {
  const card = await emulatorPost(emulatorUrl, "/v1/payment_methods", {
    type: "card",
    "card[number]": cardNumber,
    "card[exp_month]": "12",
    "card[exp_year]": String(new Date().getFullYear() + 3),
    "card[cvc]": "123",
  });
  const intentId = clientSecret.split("_secret_")[0];
  const intent = await emulatorPost(emulatorUrl, `/v1/payment_intents/${intentId}/confirm`, {
    client_secret: clientSecret,
    payment_method: String(card.id),
    return_url: returnUrl,
  });
  return String(intent.status);
}
