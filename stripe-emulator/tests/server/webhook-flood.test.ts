import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Stripe from "stripe";
import type { RunningEmulator } from "../../src/index.js";
import { call, PUBLISHABLE_KEY, start, webhookReceiver, type WebhookReceiver } from "./helpers.js";

let emu: RunningEmulator;
let stripe: Stripe;
let platform: WebhookReceiver;

beforeAll(async () => {
  platform = await webhookReceiver();
  ({ emu, stripe } = await start({ webhookEndpoints: [{ url: platform.url, secret: platform.secret }] }));
});
afterAll(async () => {
  await emu.close();
  await platform.close();
});

describe("POST /_emulator/webhooks/flood", () => {
  it("re-sends recorded events, signed, with the asked share of duplicates and some out of order", async () => {
    const since = (await call(emu, "GET", "/_emulator/clock")).body.now;
    for (let i = 0; i < 30; i++) await stripe.customers.create({ email: `flood${i}@example.com` });
    await emu.webhooksIdle();
    platform.events.length = 0;

    const flood = await call(emu, "POST", "/_emulator/webhooks/flood", {
      json: { count: 40, concurrency: 8, duplicate_percent: 25, reorder_percent: 50, since, types: ["customer.created"] },
    });

    expect(flood.status).toBe(200);
    expect(flood.body).toMatchObject({ sent: 40, unique_events: 30, duplicates: 10, concurrency: 8, responses: { "200": 40 }, failures: [] });
    expect(flood.body.reordered).toBeGreaterThan(0);
    expect(flood.body.events_per_second).toBeGreaterThan(0);
    expect(flood.body.latency_ms.max).toBeGreaterThanOrEqual(flood.body.latency_ms.p50);
    expect(platform.badSignatures).toEqual([]);
    const ids = platform.events.map((e) => e.event.id);
    expect(ids).toHaveLength(40);
    expect(new Set(ids).size).toBe(30);
    expect(new Set(flood.body.event_ids)).toEqual(new Set(ids));
    expect(platform.events.every((e) => e.event.type === "customer.created")).toBe(true);
    const arrival = platform.events.map((e) => Number((e.event.data.object as Stripe.Customer).email!.match(/\d+/)![0]));
    expect(arrival).not.toEqual([...arrival].sort((a, b) => a - b));
  });

  it("reports endpoint failures instead of retrying them", async () => {
    platform.failNext.push(500, 500);
    const flood = await call(emu, "POST", "/_emulator/webhooks/flood", { json: { count: 5, concurrency: 1, duplicate_percent: 0, reorder_percent: 0 } });
    expect(flood.body.responses).toEqual({ "200": 3, "500": 2 });
    expect(flood.body.failures).toHaveLength(2);
    expect(flood.body.failures[0]).toMatchObject({ status: 500, error: null });
  });

  it("refuses when fewer events are recorded than asked for", async () => {
    const flood = await call(emu, "POST", "/_emulator/webhooks/flood", { json: { count: 1_000_000, duplicate_percent: 0 } });
    expect(flood.status).toBe(400);
    expect(flood.body.error.message).toMatch(/distinct events are needed/);
  });
});

describe("request log", () => {
  it("says whether the secret or the publishable key made each call", async () => {
    await call(emu, "DELETE", "/_emulator/requests");
    const intent = await stripe.paymentIntents.create({ amount: 1000, currency: "usd" });
    await call(emu, "POST", `/v1/payment_intents/${intent.id}/confirm`, {
      key: PUBLISHABLE_KEY,
      form: { client_secret: intent.client_secret!, payment_method: "pm_card_visa" },
    });
    const log = (await call(emu, "GET", "/_emulator/requests?path_prefix=/v1/payment_intents")).body.data;
    expect(log.map((r: { key_type: string }) => r.key_type)).toEqual(["secret", "publishable"]);
  });
});
