import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Stripe from "stripe";
import type { RunningEmulator } from "../../src/index.js";
import { call, start, webhookReceiver, type WebhookReceiver } from "./helpers.js";

let emu: RunningEmulator;
let stripe: Stripe;
let platform: WebhookReceiver;
let connect: WebhookReceiver;

beforeAll(async () => {
  platform = await webhookReceiver();
  connect = await webhookReceiver();
  ({ emu, stripe } = await start({
    webhookEndpoints: [
      { url: platform.url, secret: platform.secret },
      { url: connect.url, secret: connect.secret, connect: true },
    ],
  }));
});
afterAll(async () => {
  await emu.close();
  await platform.close();
  await connect.close();
});

describe("webhook delivery", () => {
  it("delivers signed events that stripe.webhooks.constructEvent accepts, with data.object and previous_attributes", async () => {
    const c = await stripe.customers.create({ email: "hook@example.com" });
    await stripe.customers.update(c.id, { name: "Hook" });
    await emu.webhooksIdle();
    expect(platform.badSignatures).toEqual([]);
    const created = platform.ofType("customer.created").find((e) => (e.data.object as Stripe.Customer).id === c.id)!;
    expect(created).toMatchObject({ object: "event", livemode: false, api_version: "2026-10-28.endive" });
    expect(created.id).toMatch(/^evt_/);
    expect(created.request?.id).toMatch(/^req_/);
    const updated = platform.ofType("customer.updated").find((e) => (e.data.object as Stripe.Customer).id === c.id)!;
    expect((updated.data.object as Stripe.Customer).name).toBe("Hook");
    expect(updated.data.previous_attributes).toEqual({ name: null });
    const header = platform.events[0].header;
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    const fetched = await stripe.events.retrieve(created.id);
    expect(fetched.type).toBe("customer.created");
  });

  it("sends payment events in a sensible order", async () => {
    const before = platform.events.length;
    await stripe.paymentIntents.create({ amount: 1000, currency: "usd", payment_method: "pm_card_visa", confirm: true });
    await emu.webhooksIdle();
    const types = platform.events.slice(before).map((e) => e.event.type);
    expect(types).toEqual(["payment_intent.created", "charge.succeeded", "payment_intent.succeeded"]);
  });

  it("retries with backoff on non-2xx and records every attempt", async () => {
    platform.failNext.push(500, 503);
    const c = await stripe.customers.create({ email: "retry@example.com" });
    await emu.webhooksIdle();
    const deliveries = await call(emu, "GET", "/_emulator/webhook_deliveries?event_type=customer.created");
    const d = deliveries.body.data.find((x: { event_id: string }) => platform.ofType("customer.created").some((e) => e.id === x.event_id && (e.data.object as Stripe.Customer).id === c.id));
    expect(d.status).toBe("succeeded");
    expect(d.attempts.map((a: { status: number }) => a.status)).toEqual([500, 503, 200]);
  });

  it("gives up after the configured retries", async () => {
    platform.failNext.push(500, 500, 500, 500);
    await stripe.products.create({ name: "Give up" });
    await emu.webhooksIdle();
    const failed = await call(emu, "GET", "/_emulator/webhook_deliveries?status=failed");
    expect(failed.body.data.length).toBeGreaterThanOrEqual(1);
    expect(failed.body.data[0].attempts).toHaveLength(4);
  });

  it("sends connected-account events with `account` to Connect endpoints only", async () => {
    const account = await stripe.accounts.create({ type: "express" });
    const platformBefore = platform.events.length;
    const c = await stripe.customers.create({ email: "direct@example.com" }, { stripeAccount: account.id });
    await emu.webhooksIdle();
    const evt = connect.ofType("customer.created").find((e) => (e.data.object as Stripe.Customer).id === c.id)!;
    expect(evt.account).toBe(account.id);
    expect(platform.events.slice(platformBefore).some((e) => e.event.type === "customer.created")).toBe(false);
    const listed = await stripe.events.list({ type: "customer.created" }, { stripeAccount: account.id });
    expect(listed.data.map((e) => e.id)).toContain(evt.id);
  });

  it("supports webhook endpoints created through the API, each with its own secret and enabled_events", async () => {
    const own = await webhookReceiver("placeholder");
    const we = await stripe.webhookEndpoints.create({ url: own.url, enabled_events: ["charge.succeeded"] });
    expect(we.secret).toMatch(/^whsec_/);
    own.secret = we.secret!;
    const fresh = await webhookReceiver(we.secret!);
    await stripe.webhookEndpoints.update(we.id, { url: fresh.url });
    await stripe.paymentIntents.create({ amount: 1000, currency: "usd", payment_method: "pm_card_visa", confirm: true });
    await emu.webhooksIdle();
    expect(fresh.badSignatures).toEqual([]);
    expect(fresh.events.map((e) => e.event.type)).toEqual(["charge.succeeded"]);
    expect((await stripe.webhookEndpoints.list()).data.map((w) => w.id)).toContain(we.id);
    expect(await stripe.webhookEndpoints.del(we.id)).toMatchObject({ deleted: true });
    await own.close();
    await fresh.close();
  });

  it("lets the control API replace the configured targets", async () => {
    const other = await webhookReceiver();
    await call(emu, "POST", "/_emulator/webhook_targets", { json: { platform_url: other.url, platform_secret: other.secret, connect_url: connect.url, connect_secret: connect.secret } });
    await stripe.customers.create({ email: "moved@example.com" });
    await emu.webhooksIdle();
    expect(other.ofType("customer.created")).toHaveLength(1);
    await call(emu, "POST", "/_emulator/webhook_targets", { json: { platform_url: platform.url, platform_secret: platform.secret, connect_url: connect.url, connect_secret: connect.secret } });
    await other.close();
  });
});
