import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Stripe from "stripe";
import { parseForm } from "../../src/http/form.js";
import type { RunningEmulator } from "../../src/index.js";
import { PUBLISHABLE_KEY, SECRET_KEY, call, start, stripeFor } from "./helpers.js";

let emu: RunningEmulator;
let stripe: Stripe;

beforeAll(async () => {
  ({ emu, stripe } = await start());
});
afterAll(async () => {
  await emu.close();
});

describe("form decoding", () => {
  it("decodes Stripe's bracket syntax into objects and arrays", () => {
    expect(parseForm("a[b][c]=1&items[0][price]=p1&items[1][price]=p2&expand[]=x&expand[]=y&metadata[k]=v%20w&empty=")).toEqual({
      a: { b: { c: "1" } },
      items: [{ price: "p1" }, { price: "p2" }],
      expand: ["x", "y"],
      metadata: { k: "v w" },
      empty: "",
    });
    expect(parseForm("lookup_keys[0]=a&lookup_keys[1]=b")).toEqual({ lookup_keys: ["a", "b"] });
  });
});

describe("authentication and errors", () => {
  it("rejects a missing or malformed key with 401", async () => {
    const none = await call(emu, "GET", "/v1/customers");
    expect(none.status).toBe(401);
    expect(none.body.error.type).toBe("invalid_request_error");
    const bad = stripeFor(emu, "sk_live_nope");
    await expect(bad.customers.list()).rejects.toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
  });

  it("allows a publishable key only where Stripe.js may call", async () => {
    const denied = await call(emu, "GET", "/v1/customers", { key: PUBLISHABLE_KEY });
    expect(denied.status).toBe(401);
    expect(denied.body.error.message).toMatch(/publishable API key/);
    const pm = await call(emu, "POST", "/v1/payment_methods", {
      key: PUBLISHABLE_KEY,
      form: { type: "card", "card[number]": "4242424242424242", "card[exp_month]": "12", "card[exp_year]": "2040", "card[cvc]": "123" },
    });
    expect(pm.status).toBe(200);
    expect(pm.body.id).toMatch(/^pm_/);
    const pi = await stripe.paymentIntents.create({ amount: 1000, currency: "usd" });
    const noSecret = await call(emu, "GET", `/v1/payment_intents/${pi.id}`, { key: PUBLISHABLE_KEY });
    expect(noSecret.status).toBe(400);
    const withSecret = await call(emu, "GET", `/v1/payment_intents/${pi.id}?client_secret=${pi.client_secret}`, { key: PUBLISHABLE_KEY });
    expect(withSecret.status).toBe(200);
    expect(withSecret.body.status).toBe("requires_payment_method");
  });

  it("answers Stripe-shaped 404s and a Request-Id header", async () => {
    const err = await stripe.customers.retrieve("cus_missing").catch((e) => e);
    expect(err).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(err.statusCode).toBe(404);
    expect(err.code).toBe("resource_missing");
    expect(err.param).toBe("id");
    expect(err.requestId).toMatch(/^req_/);
    const unknown = await call(emu, "GET", "/v1/nothing_here", { key: SECRET_KEY });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toMatch(/Unrecognized request URL/);
  });

  it("reports missing parameters", async () => {
    const err = await stripe.paymentIntents.create({ currency: "usd" } as never).catch((e) => e);
    expect(err.statusCode).toBe(400);
    expect(err.code).toBe("parameter_missing");
    expect(err.param).toBe("amount");
  });
});

describe("idempotency", () => {
  it("replays the first answer for the same key and body", async () => {
    const a = await stripe.customers.create({ email: "idem@example.com" }, { idempotencyKey: "key-1" });
    const b = await stripe.customers.create({ email: "idem@example.com" }, { idempotencyKey: "key-1" });
    expect(b.id).toBe(a.id);
    expect(b.lastResponse.headers["idempotent-replayed"]).toBe("true");
    const list = await stripe.customers.list({ email: "idem@example.com" });
    expect(list.data).toHaveLength(1);
  });

  it("refuses the same key with other parameters", async () => {
    await stripe.customers.create({ email: "x@example.com" }, { idempotencyKey: "key-2" });
    const err = await stripe.customers.create({ email: "y@example.com" }, { idempotencyKey: "key-2" }).catch((e) => e);
    expect(err).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(err.type).toBe("StripeIdempotencyError");
    expect(err.statusCode).toBe(400);
  });

  it("scopes keys per account", async () => {
    const account = await stripe.accounts.create({ type: "express" });
    const a = await stripe.customers.create({ email: "scope@example.com" }, { idempotencyKey: "key-3" });
    const b = await stripe.customers.create({ email: "scope@example.com" }, { idempotencyKey: "key-3", stripeAccount: account.id });
    expect(b.id).not.toBe(a.id);
  });

  it("replays a card decline too (402 is remembered)", async () => {
    const params = { amount: 1000, currency: "usd", payment_method: "pm_card_visa_chargeDeclined", confirm: true };
    const e1 = await stripe.paymentIntents.create(params, { idempotencyKey: "decline-1" }).catch((e) => e);
    const e2 = await stripe.paymentIntents.create(params, { idempotencyKey: "decline-1" }).catch((e) => e);
    expect(e1.statusCode).toBe(402);
    expect(e2.statusCode).toBe(402);
    expect(e2.payment_intent.id).toBe(e1.payment_intent.id);
    expect(e2.headers["idempotent-replayed"]).toBe("true");
  });
});

describe("Stripe-Account scoping", () => {
  it("keeps each account's objects apart", async () => {
    const account = await stripe.accounts.create({ type: "standard" });
    const onAccount = await stripe.customers.create({ email: "conn@example.com" }, { stripeAccount: account.id });
    await expect(stripe.customers.retrieve(onAccount.id)).rejects.toMatchObject({ statusCode: 404 });
    const fetched = await stripe.customers.retrieve(onAccount.id, {}, { stripeAccount: account.id });
    expect(fetched.id).toBe(onAccount.id);
    const platformList = await stripe.customers.list({ email: "conn@example.com" });
    expect(platformList.data).toHaveLength(0);
  });

  it("refuses an unknown account", async () => {
    const err = await stripe.customers.list({}, { stripeAccount: "acct_unknown" }).catch((e) => e);
    expect(err.statusCode).toBe(403);
    expect(err).toBeInstanceOf(Stripe.errors.StripePermissionError);
  });
});

describe("lists and expand", () => {
  it("paginates newest first with has_more, starting_after and ending_before", async () => {
    const tag = `page-${Date.now()}`;
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await stripe.customers.create({ email: `${tag}@example.com` })).id);
    const first = await stripe.customers.list({ email: `${tag}@example.com`, limit: 2 });
    expect(first.object).toBe("list");
    expect(first.has_more).toBe(true);
    expect(first.data.map((c) => c.id)).toEqual([ids[4], ids[3]]);
    const second = await stripe.customers.list({ email: `${tag}@example.com`, limit: 2, starting_after: ids[3] });
    expect(second.data.map((c) => c.id)).toEqual([ids[2], ids[1]]);
    const before = await stripe.customers.list({ email: `${tag}@example.com`, limit: 2, ending_before: ids[1] });
    expect(before.data.map((c) => c.id)).toEqual([ids[3], ids[2]]);
    const all: string[] = [];
    for await (const c of stripe.customers.list({ email: `${tag}@example.com`, limit: 2 })) all.push(c.id);
    expect(all).toEqual([...ids].reverse());
  });

  it("expands nested paths, also inside lists", async () => {
    const customer = await stripe.customers.create({ email: "expand@example.com" });
    const pi = await stripe.paymentIntents.create({
      amount: 2000,
      currency: "usd",
      customer: customer.id,
      payment_method: "pm_card_visa",
      confirm: true,
      allowed_payment_method_types: ["card"],
      expand: ["latest_charge.balance_transaction", "customer"],
    });
    const charge = pi.latest_charge as Stripe.Charge;
    expect(charge.object).toBe("charge");
    expect((charge.balance_transaction as Stripe.BalanceTransaction).fee).toBe(Math.round(2000 * 0.029) + 30);
    expect((pi.customer as Stripe.Customer).email).toBe("expand@example.com");
    const list = await stripe.paymentIntents.list({ customer: customer.id, expand: ["data.latest_charge"] });
    expect((list.data[0].latest_charge as Stripe.Charge).id).toBe(charge.id);
  });
});

describe("fault injection and the request log", () => {
  it("answers 500 for the next N matching requests; stripe-node retries with its idempotency key", async () => {
    await call(emu, "DELETE", "/_emulator/requests");
    await call(emu, "POST", "/_emulator/faults", { json: { method: "POST", path: "/v1/customers", kind: "500", count: 1 } });
    const retrying = stripeFor(emu, SECRET_KEY, { maxNetworkRetries: 2 });
    const c = await retrying.customers.create({ email: "fault@example.com" });
    expect(c.id).toMatch(/^cus_/);
    const log = await call(emu, "GET", "/_emulator/requests?path_prefix=/v1/customers");
    expect(log.body.data.map((r: { status: number }) => r.status)).toEqual([500, 200]);
    expect(log.body.data[0].idempotency_key).toBe(log.body.data[1].idempotency_key);
    expect((await stripe.customers.list({ email: "fault@example.com" })).data).toHaveLength(1);
  });

  it("answers 429 as a rate limit error", async () => {
    await call(emu, "POST", "/_emulator/faults", { json: { path: "/v1/prices", kind: "429" } });
    const err = await stripe.prices.list().catch((e) => e);
    expect(err).toBeInstanceOf(Stripe.errors.StripeRateLimitError);
    expect((await stripe.prices.list()).object).toBe("list");
  });

  it("can hang (timeout) or drop the connection", async () => {
    await call(emu, "POST", "/_emulator/faults", { json: { path: "/v1/products", kind: "timeout" } });
    const slow = stripeFor(emu, SECRET_KEY, { timeout: 300 });
    const err = await slow.products.list().catch((e) => e);
    expect(err).toBeInstanceOf(Stripe.errors.StripeConnectionError);
    await call(emu, "POST", "/_emulator/faults", { json: { path: "/v1/products", kind: "drop" } });
    const dropped = await fetch(`${emu.url}/v1/products`, { headers: { authorization: `Bearer ${SECRET_KEY}` } }).catch((e) => e);
    expect(dropped).toBeInstanceOf(Error);
    expect((await stripe.products.list()).object).toBe("list");
  });

  it("skip lets the first matching requests through, so the n-th call of a path fails", async () => {
    await call(emu, "DELETE", "/_emulator/requests");
    await call(emu, "POST", "/_emulator/faults", { json: { method: "GET", path: "/v1/balance", kind: "500", skip: 2 } });
    const once = stripeFor(emu, SECRET_KEY, { maxNetworkRetries: 0 });
    await once.balance.retrieve();
    await once.balance.retrieve();
    expect(await once.balance.retrieve().catch((e) => e)).toBeInstanceOf(Stripe.errors.StripeAPIError);
    await once.balance.retrieve();
    const log = await call(emu, "GET", "/_emulator/requests?path_prefix=/v1/balance");
    expect(log.body.data.map((r: { status: number; fault: string | null }) => [r.status, r.fault])).toEqual([[200, null], [200, null], [500, "500"], [200, null]]);
  });

  it("drop_after carries the request out and loses only the answer; the retry with the same key is replayed", async () => {
    await call(emu, "DELETE", "/_emulator/requests");
    await call(emu, "POST", "/_emulator/faults", { json: { method: "POST", path: "/v1/customers", kind: "drop_after" } });
    const retrying = stripeFor(emu, SECRET_KEY, { maxNetworkRetries: 2 });
    const customer = await retrying.customers.create({ email: "lost-answer@example.com" });
    const log = await call(emu, "GET", "/_emulator/requests?path_prefix=/v1/customers");
    expect(log.body.data.map((r: { status: number; fault: string | null; replayed: boolean }) => [r.status, r.fault, r.replayed])).toEqual([
      [200, "drop_after", false],
      [200, null, true],
    ]);
    expect((await stripe.customers.list({ email: "lost-answer@example.com" })).data.map((c) => c.id)).toEqual([customer.id]);
  });

  it("logs method, path, account, idempotency key and status, and can be cleared", async () => {
    await call(emu, "DELETE", "/_emulator/requests");
    await stripe.customers.create({ email: "log@example.com" }, { idempotencyKey: "log-key" });
    const log = await call(emu, "GET", "/_emulator/requests");
    expect(log.body.data).toEqual([
      expect.objectContaining({ method: "POST", path: "/v1/customers", account: null, idempotency_key: "log-key", status: 200 }),
    ]);
  });
});
