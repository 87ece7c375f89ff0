// Shared test setup: an in-process emulator on a random port, stripe-node pointed at it,
// and a webhook receiver that verifies signatures with stripe.webhooks.constructEvent.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import Stripe from "stripe";
import { expect } from "vitest";
import { shapeViolations, type ShapeViolation } from "../../src/api-description/validate-shape.js";
import { startEmulator, type EmulatorOptions, type RunningEmulator } from "../../src/index.js";

export const SECRET_KEY = "sk_test_emulator_tests";
export const PUBLISHABLE_KEY = "pk_test_emulator_tests";

export function stripeFor(emu: RunningEmulator, key = SECRET_KEY, extra: Partial<Stripe.StripeConfig> = {}): Stripe {
  return new Stripe(key, { host: "127.0.0.1", port: emu.port, protocol: "http", maxNetworkRetries: 0, ...extra });
}

export async function start(options: EmulatorOptions = {}): Promise<{ emu: RunningEmulator; stripe: Stripe }> {
  const emu = await startEmulator({ port: 0, webhookRetryDelaysMs: [20, 40, 80], webhookTimeoutMs: 500, ...options });
  checkShapesUntilClose(emu);
  return { emu, stripe: stripeFor(emu) };
}

/**
 * Checks every answer and event the emulator produces against the description generated from
 * stripe-node's types; close() fails (and so the test file) if any field is missing or mistyped.
 * STRIPE_EMULATOR_SHAPE_REPORT=dir writes each run's findings there (tests/server/shape-report.ts sums them).
 */
export function checkShapesUntilClose(emu: RunningEmulator): void {
  const found = new Map<string, { source: string; violation: ShapeViolation }>();
  let checked = 0;
  emu.emulator.outputObservers.push((source, body) => {
    checked++;
    for (const violation of shapeViolations(body)) {
      found.set(`${violation.kind} ${violation.path}`, { source, violation });
    }
  });
  const close = emu.close.bind(emu);
  emu.close = async () => {
    await close();
    const dir = process.env.STRIPE_EMULATOR_SHAPE_REPORT;
    if (dir) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, `${randomUUID()}.json`), JSON.stringify({ checked, violations: [...found.values()] }));
    }
    const listed = [...found.values()].map(({ source, violation: v }) => `${v.kind} ${v.path} (${v.detail}) in ${source}`);
    expect(listed, `${listed.length} shape violations in ${checked} answers and events`).toEqual([]);
  };
}

/** Raw HTTP call to the emulator (control API, publishable-key calls, hosted pages). */
export async function call(
  emu: RunningEmulator,
  method: string,
  path: string,
  o: { form?: Record<string, string>; json?: unknown; key?: string; account?: string; redirect?: RequestRedirect } = {},
): Promise<{ status: number; body: any; headers: Headers; text: string }> {
  const headers: Record<string, string> = {};
  let body: string | undefined;
  if (o.form) {
    headers["content-type"] = "application/x-www-form-urlencoded";
    body = new URLSearchParams(o.form).toString();
  } else if (o.json !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(o.json);
  }
  if (o.key) headers.authorization = `Bearer ${o.key}`;
  if (o.account) headers["stripe-account"] = o.account;
  const res = await fetch(`${emu.url}${path}`, { method, headers, body, redirect: o.redirect ?? "manual" });
  const text = await res.text();
  let parsed: any = null;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = null;
  }
  return { status: res.status, body: parsed, headers: res.headers, text };
}

export interface ReceivedEvent {
  event: Stripe.Event;
  header: string;
}

export interface WebhookReceiver {
  url: string;
  secret: string;
  events: ReceivedEvent[];
  /** Rejected signature checks (should stay empty). */
  badSignatures: string[];
  /** Answer with these statuses first (one per incoming request), then 200. */
  failNext: number[];
  hits: number;
  close(): Promise<void>;
  ofType(type: string): Stripe.Event[];
}

export async function webhookReceiver(secret = `whsec_test_${Math.random().toString(36).slice(2)}`): Promise<WebhookReceiver> {
  const verifier = new Stripe(SECRET_KEY);
  const receiver: WebhookReceiver = {
    url: "",
    secret,
    events: [],
    badSignatures: [],
    failNext: [],
    hits: 0,
    close: async () => {},
    ofType: (type) => receiver.events.filter((e) => e.event.type === type).map((e) => e.event),
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      receiver.hits++;
      const raw = Buffer.concat(chunks).toString("utf8");
      const header = String(req.headers["stripe-signature"] ?? "");
      const fail = receiver.failNext.shift();
      if (fail) {
        res.writeHead(fail).end("fail");
        return;
      }
      try {
        const event = verifier.webhooks.constructEvent(raw, header, secret);
        receiver.events.push({ event, header });
        res.writeHead(200, { "content-type": "application/json" }).end('{"received":true}');
      } catch (err) {
        receiver.badSignatures.push(String(err));
        res.writeHead(400).end("bad signature");
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`;
  receiver.close = () => new Promise<void>((r) => {
    server.closeAllConnections();
    server.close(() => r());
  });
  return receiver;
}

/** Confirms a PaymentIntent/SetupIntent's 3-D Secure step as the Stripe.js stand-in does. */
export async function threeDS(emu: RunningEmulator, intent: { id: string; client_secret: string | null }, outcome: "complete" | "fail", account?: string) {
  return call(emu, "POST", `/_emulator/3ds/${intent.id}`, {
    key: PUBLISHABLE_KEY,
    account,
    form: { client_secret: intent.client_secret ?? "", outcome },
  });
}

export async function advance(emu: RunningEmulator, seconds: number) {
  return call(emu, "POST", "/_emulator/clock/advance", { json: { seconds } });
}

export const DAY = 86_400;

/** Moves the emulator clock to a unix time (running renewals and retries due on the way). */
export async function advanceTo(emu: RunningEmulator, timestamp: number) {
  return call(emu, "POST", "/_emulator/clock/advance", { json: { to: timestamp } });
}
