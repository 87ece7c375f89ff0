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

describe("removing a webhook target", () => {
  let slow: RunningEmulator;
  let slowStripe: Stripe;
  let removed: WebhookReceiver;

  beforeAll(async () => {
    removed = await webhookReceiver();
    // Retries a minute apart: any retry still pending when the target goes must be dropped, not sent.
    ({ emu: slow, stripe: slowStripe } = await start({ webhookEndpoints: [{ url: removed.url, secret: removed.secret }], webhookRetryDelaysMs: [60_000] }));
  });
  afterAll(async () => {
    await slow.close();
    await removed.close();
  });

  async function firstAttemptFailed(eventType: string): Promise<{ id: string; event_id: string }> {
    for (;;) {
      const list = await call(slow, "GET", `/_emulator/webhook_deliveries?event_type=${eventType}`);
      const d = list.body.data.find((x: { attempts: unknown[]; status: string }) => x.attempts.length === 1 && x.status === "pending");
      if (d) return d;
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  it("cancels retries still pending to a removed configured target", async () => {
    removed.failNext.push(500);
    await slowStripe.customers.create({ email: "gone@example.com" });
    const pending = await firstAttemptFailed("customer.created");
    await call(slow, "POST", "/_emulator/webhook_targets", { json: { targets: [] } });
    await slow.webhooksIdle();
    const after = await call(slow, "GET", "/_emulator/webhook_deliveries?event_type=customer.created");
    expect(after.body.data.find((x: { id: string }) => x.id === pending.id)).toMatchObject({ status: "canceled", next_attempt_at: null });
    expect((await slowStripe.events.retrieve(pending.event_id)).pending_webhooks).toBe(0);
  });

  it("cancels retries still pending to a deleted API endpoint", async () => {
    const own = await webhookReceiver("placeholder");
    const we = await slowStripe.webhookEndpoints.create({ url: own.url, enabled_events: ["product.created"] });
    own.secret = we.secret!;
    own.failNext.push(500);
    await slowStripe.products.create({ name: "Retry me" });
    const pending = await firstAttemptFailed("product.created");
    await slowStripe.webhookEndpoints.del(we.id);
    await slow.webhooksIdle();
    const after = await call(slow, "GET", "/_emulator/webhook_deliveries?event_type=product.created");
    expect(after.body.data.find((x: { id: string }) => x.id === pending.id)).toMatchObject({ status: "canceled" });
    expect(own.events).toHaveLength(0);
    await own.close();
  });
});

describe("API versions", () => {
  it("answers in the pinned version and refuses another one instead of mislabelling the answer", async () => {
    const res = await fetch(`${emu.url}/v1/customers`, { headers: { authorization: "Bearer sk_test_x" } });
    expect(res.headers.get("stripe-version")).toBe("2026-10-28.endive");
    const old = new Stripe("sk_test_x", { host: "127.0.0.1", port: emu.port, protocol: "http", apiVersion: "2022-08-01" as never, maxNetworkRetries: 0 });
    const refused = await old.customers.list().catch((e) => e);
    expect(refused).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(refused.message).toMatch(/^Invalid Stripe API version: 2022-08-01\./);
  });
});
