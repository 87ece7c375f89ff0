import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Stripe from "stripe";
import type { RunningEmulator } from "../../src/index.js";
import { DAY, PUBLISHABLE_KEY, advance, advanceTo, call, start, threeDS, webhookReceiver, type WebhookReceiver } from "./helpers.js";

let emu: RunningEmulator;
let stripe: Stripe;
let hooks: WebhookReceiver;
let monthly: Stripe.Price;
let joiningFee: Stripe.Price;

beforeAll(async () => {
  hooks = await webhookReceiver();
  ({ emu, stripe } = await start({ webhookEndpoints: [{ url: hooks.url, secret: hooks.secret }], invoiceRetryDelaysSeconds: [3 * DAY, 5 * DAY] }));
  const product = await stripe.products.create({ name: "Membership" });
  monthly = await stripe.prices.create({ product: product.id, currency: "usd", unit_amount: 1900, recurring: { interval: "month" }, lookup_key: "membership_monthly" });
  joiningFee = await stripe.prices.create({ product: product.id, currency: "usd", unit_amount: 4900, lookup_key: "membership_joining_fee" });
});
afterAll(async () => {
  await emu.close();
  await hooks.close();
});

async function customerWithCard(pm = "pm_card_visa") {
  const c = await stripe.customers.create({ email: `member-${Math.random()}@example.com` });
  const attached = await stripe.paymentMethods.attach(pm, { customer: c.id });
  await stripe.customers.update(c.id, { invoice_settings: { default_payment_method: attached.id } });
  return { customer: c, pm: attached };
}

describe("products and prices", () => {
  it("finds prices by lookup_keys and enforces unique lookup keys", async () => {
    const found = await stripe.prices.list({ lookup_keys: ["membership_monthly", "membership_joining_fee"] });
    expect(found.data.map((p) => p.id).sort()).toEqual([monthly.id, joiningFee.id].sort());
    expect(monthly).toMatchObject({ type: "recurring", recurring: { interval: "month", interval_count: 1 }, unit_amount: 1900 });
    expect(joiningFee).toMatchObject({ type: "one_time", recurring: null });
    const clash = await stripe.prices.create({ product: monthly.product as string, currency: "usd", unit_amount: 1, lookup_key: "membership_monthly" }).catch((e) => e);
    expect(clash.statusCode).toBe(400);
    const withProduct = await stripe.products.create({ name: "Course", default_price_data: { currency: "eur", unit_amount: 2500 } });
    expect(withProduct.default_price).toMatch(/^price_/);
    const updated = await stripe.products.update(withProduct.id, { active: false });
    expect(updated.active).toBe(false);
  });
});

describe("subscriptions", () => {
  it("default_incomplete with a joining fee: invoice has both lines, the browser confirms its payment, the subscription becomes active", async () => {
    const c = await stripe.customers.create({ email: "join@example.com" });
    const sub = await stripe.subscriptions.create({
      customer: c.id,
      items: [{ price: monthly.id }],
      add_invoice_items: [{ price: joiningFee.id }],
      payment_behavior: "default_incomplete",
      payment_settings: { save_default_payment_method: "on_subscription" },
      expand: ["latest_invoice.confirmation_secret", "latest_invoice.payments.data.payment.payment_intent"],
    });
    expect(sub.status).toBe("incomplete");
    const item = sub.items.data[0];
    expect(item.current_period_end - item.current_period_start).toBeGreaterThanOrEqual(28 * DAY);
    const invoice = sub.latest_invoice as Stripe.Invoice;
    expect(invoice.amount_due).toBe(6800);
    expect(invoice.lines.data.map((l) => l.amount).sort()).toEqual([1900, 4900]);
    expect(invoice.parent?.subscription_details?.subscription).toBe(sub.id);
    expect(invoice.confirmation_secret?.type).toBe("payment_intent");
    const pi = invoice.payments!.data[0].payment.payment_intent as Stripe.PaymentIntent;
    expect(pi.object).toBe("payment_intent");
    expect(invoice.confirmation_secret?.client_secret).toBe(pi.client_secret);
    expect(pi.amount).toBe(6800);
    // The pre-basil expand path names a field the pinned version no longer has: refused, as Stripe does.
    await expect(stripe.invoices.retrieve(invoice.id, { expand: ["payment_intent"] })).rejects.toMatchObject({
      type: "StripeInvalidRequestError",
      message: "This property cannot be expanded (payment_intent).",
    });
    // The browser confirms with the publishable key.
    const confirmed = await call(emu, "POST", `/v1/payment_intents/${pi.id}/confirm`, {
      key: PUBLISHABLE_KEY,
      form: { client_secret: pi.client_secret!, payment_method: "pm_card_visa" },
    });
    expect(confirmed.body.status).toBe("succeeded");
    const after = await stripe.subscriptions.retrieve(sub.id, { expand: ["latest_invoice"] });
    expect(after.status).toBe("active");
    expect((after.latest_invoice as Stripe.Invoice).status).toBe("paid");
    expect(after.default_payment_method).toBe(confirmed.body.payment_method);
    const pm = await stripe.paymentMethods.retrieve(confirmed.body.payment_method);
    expect(pm.customer).toBe(c.id);
    await emu.webhooksIdle();
    const types = hooks.events.map((e) => e.event.type);
    for (const t of ["customer.subscription.created", "invoice.created", "invoice.finalized", "invoice.paid", "invoice.payment_succeeded", "customer.subscription.updated", "invoice_payment.paid"]) {
      expect(types).toContain(t);
    }
    const activation = hooks.ofType("customer.subscription.updated").find((e) => (e.data.object as Stripe.Subscription).id === sub.id)!;
    expect(activation.data.previous_attributes).toMatchObject({ status: "incomplete" });
  });

  it("3-D Secure during the first payment keeps the subscription incomplete until it is completed", async () => {
    const c = await stripe.customers.create({});
    const sub = await stripe.subscriptions.create({
      customer: c.id,
      items: [{ price: monthly.id }],
      payment_behavior: "default_incomplete",
      expand: ["latest_invoice.payments.data.payment.payment_intent"],
    });
    const pi = (sub.latest_invoice as Stripe.Invoice).payments!.data[0].payment.payment_intent as Stripe.PaymentIntent;
    const confirmed = await call(emu, "POST", `/v1/payment_intents/${pi.id}/confirm`, {
      key: PUBLISHABLE_KEY,
      form: { client_secret: pi.client_secret!, payment_method: "pm_card_threeDSecure2Required" },
    });
    expect(confirmed.body.status).toBe("requires_action");
    expect((await stripe.subscriptions.retrieve(sub.id)).status).toBe("incomplete");
    await threeDS(emu, pi, "complete");
    expect((await stripe.subscriptions.retrieve(sub.id)).status).toBe("active");
  });

  it("charges at once with a default payment method (allow_incomplete)", async () => {
    const { customer } = await customerWithCard();
    const sub = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: monthly.id }] });
    expect(sub.status).toBe("active");
  });

  it("renews when the clock passes the period end, charging the customer's default payment method", async () => {
    const { customer } = await customerWithCard();
    const sub = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: monthly.id }] });
    const firstEnd = sub.items.data[0].current_period_end;
    await advanceTo(emu, firstEnd + 60);
    const renewed = await stripe.subscriptions.retrieve(sub.id);
    expect(renewed.status).toBe("active");
    expect(renewed.items.data[0].current_period_start).toBe(firstEnd);
    const invoices = await stripe.invoices.list({ subscription: sub.id });
    expect(invoices.data).toHaveLength(2);
    expect(invoices.data[0]).toMatchObject({ billing_reason: "subscription_cycle", status: "paid", amount_paid: 1900, period_end: firstEnd });
    expect(invoices.data[0].lines.data[0].period.start).toBe(firstEnd);
    await emu.webhooksIdle();
    expect(hooks.ofType("invoice.paid").some((e) => (e.data.object as Stripe.Invoice).id === invoices.data[0].id)).toBe(true);
  });

  it("a declined renewal makes the subscription past_due, retries, then cancels it", async () => {
    const { customer } = await customerWithCard("pm_card_chargeCustomerFail");
    const sub = await stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: monthly.id }],
      payment_behavior: "default_incomplete",
      expand: ["latest_invoice.payments.data.payment.payment_intent"],
    });
    // Pay the first invoice with a good card in the browser.
    const pi = (sub.latest_invoice as Stripe.Invoice).payments!.data[0].payment.payment_intent as Stripe.PaymentIntent;
    await call(emu, "POST", `/v1/payment_intents/${pi.id}/confirm`, { key: PUBLISHABLE_KEY, form: { client_secret: pi.client_secret!, payment_method: "pm_card_visa" } });
    expect((await stripe.subscriptions.retrieve(sub.id)).status).toBe("active");
    const periodEnd = sub.items.data[0].current_period_end;
    await advanceTo(emu, periodEnd + 60);
    let current = await stripe.subscriptions.retrieve(sub.id, { expand: ["latest_invoice"] });
    expect(current.status).toBe("past_due");
    const invoice = current.latest_invoice as Stripe.Invoice;
    expect(invoice).toMatchObject({ status: "open", attempt_count: 1 });
    expect(invoice.next_payment_attempt).toBeGreaterThan(periodEnd);
    await advance(emu, 3 * DAY + 60);
    current = await stripe.subscriptions.retrieve(sub.id);
    expect(current.status).toBe("past_due");
    expect((await stripe.invoices.retrieve(invoice.id)).attempt_count).toBe(2);
    await advance(emu, 5 * DAY + 60);
    current = await stripe.subscriptions.retrieve(sub.id);
    expect(current.status).toBe("canceled");
    expect(current.cancellation_details?.reason).toBe("payment_failed");
    await emu.webhooksIdle();
    expect(hooks.ofType("invoice.payment_failed").filter((e) => (e.data.object as Stripe.Invoice).id === invoice.id)).toHaveLength(3);
    expect(hooks.ofType("customer.subscription.deleted").some((e) => (e.data.object as Stripe.Subscription).id === sub.id)).toBe(true);
  });

  it("past_due recovers when the invoice is paid with a new card", async () => {
    const { customer } = await customerWithCard("pm_card_chargeCustomerFail");
    const good = await stripe.paymentMethods.attach("pm_card_visa", { customer: customer.id });
    const sub = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: monthly.id }], default_payment_method: good.id });
    expect(sub.status).toBe("active");
    await stripe.subscriptions.update(sub.id, { default_payment_method: (await stripe.paymentMethods.list({ customer: customer.id })).data.find((p) => p.card?.last4 === "0341")!.id });
    await advanceTo(emu, sub.items.data[0].current_period_end + 60);
    const pastDue = await stripe.subscriptions.retrieve(sub.id);
    expect(pastDue.status).toBe("past_due");
    const paid = await stripe.invoices.pay(pastDue.latest_invoice as string, { payment_method: good.id });
    expect(paid.status).toBe("paid");
    expect((await stripe.subscriptions.retrieve(sub.id)).status).toBe("active");
  });

  it("cancel_at_period_end, resume, and immediate cancel; lists exclude canceled by default", async () => {
    const { customer } = await customerWithCard();
    const sub = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: monthly.id }] });
    const scheduled = await stripe.subscriptions.update(sub.id, { cancel_at_period_end: true });
    expect(scheduled.cancel_at_period_end).toBe(true);
    expect(scheduled.cancel_at).toBe(sub.items.data[0].current_period_end);
    const resumed = await stripe.subscriptions.update(sub.id, { cancel_at_period_end: false });
    expect(resumed).toMatchObject({ cancel_at_period_end: false, cancel_at: null });
    await stripe.subscriptions.update(sub.id, { cancel_at_period_end: true });
    await advanceTo(emu, sub.items.data[0].current_period_end + 60);
    const ended = await stripe.subscriptions.retrieve(sub.id);
    expect(ended.status).toBe("canceled");
    expect(ended.ended_at).toBe(sub.items.data[0].current_period_end);

    const other = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: monthly.id }] });
    const canceled = await stripe.subscriptions.cancel(other.id);
    expect(canceled.status).toBe("canceled");
    expect((await stripe.subscriptions.list({ customer: customer.id })).data).toHaveLength(0);
    expect((await stripe.subscriptions.list({ customer: customer.id, status: "all" })).data).toHaveLength(2);
  });

  it("error_if_incomplete answers a declining card with a 402 card error", async () => {
    const { customer } = await customerWithCard("pm_card_chargeCustomerFail");
    const err = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: monthly.id }], payment_behavior: "error_if_incomplete" }).catch((e) => e);
    expect(err).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(err.code).toBe("card_declined");
  });

  it("an unpaid incomplete subscription expires after 23 hours", async () => {
    const c = await stripe.customers.create({});
    const sub = await stripe.subscriptions.create({ customer: c.id, items: [{ price: monthly.id }], payment_behavior: "default_incomplete" });
    await advance(emu, DAY);
    const expired = await stripe.subscriptions.retrieve(sub.id, { expand: ["latest_invoice"] });
    expect(expired.status).toBe("incomplete_expired");
    expect((expired.latest_invoice as Stripe.Invoice).status).toBe("void");
  });
});
