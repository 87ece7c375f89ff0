import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Stripe from "stripe";
import type { RunningEmulator } from "../../src/index.js";
import { PUBLISHABLE_KEY, call, start, threeDS } from "./helpers.js";

let emu: RunningEmulator;
let stripe: Stripe;

beforeAll(async () => {
  ({ emu, stripe } = await start());
});
afterAll(async () => {
  await emu.close();
});

async function payWith(paymentMethod: string, extra: Partial<Stripe.PaymentIntentCreateParams> = {}) {
  return stripe.paymentIntents.create({ amount: 1500, currency: "usd", payment_method: paymentMethod, confirm: true, ...extra });
}

async function pmFromNumber(number: string) {
  return stripe.paymentMethods.create({ type: "card", card: { number, exp_month: 12, exp_year: 2040, cvc: "123" } });
}

describe("customers and payment methods", () => {
  it("creates, updates, lists by email and deletes customers", async () => {
    const c = await stripe.customers.create({ email: "buyer@example.com", name: "Buyer", metadata: { user_id: "42" } });
    expect(c).toMatchObject({ object: "customer", livemode: false, email: "buyer@example.com", metadata: { user_id: "42" } });
    expect(c.id).toMatch(/^cus_/);
    const pm = await stripe.paymentMethods.attach("pm_card_visa", { customer: c.id });
    expect(pm.customer).toBe(c.id);
    const updated = await stripe.customers.update(c.id, { invoice_settings: { default_payment_method: pm.id }, metadata: { user_id: "" } });
    expect(updated.invoice_settings.default_payment_method).toBe(pm.id);
    expect(updated.metadata).toEqual({});
    const listed = await stripe.customers.list({ email: "buyer@example.com" });
    expect(listed.data.map((x) => x.id)).toContain(c.id);
    const pms = await stripe.paymentMethods.list({ customer: c.id, type: "card" });
    expect(pms.data.map((x) => x.id)).toEqual([pm.id]);
    const viaCustomer = await stripe.customers.listPaymentMethods(c.id);
    expect(viaCustomer.data).toHaveLength(1);
    const detached = await stripe.paymentMethods.detach(pm.id);
    expect(detached.customer).toBeNull();
    expect((await stripe.customers.retrieve(c.id) as Stripe.Customer).invoice_settings.default_payment_method).toBeNull();
    const deleted = await stripe.customers.del(c.id);
    expect(deleted).toMatchObject({ id: c.id, deleted: true });
    expect(await stripe.customers.retrieve(c.id)).toMatchObject({ deleted: true });
  });

  it("refuses a default payment method that is not attached", async () => {
    const c = await stripe.customers.create({});
    const pm = await pmFromNumber("4242424242424242");
    const err = await stripe.customers.update(c.id, { invoice_settings: { default_payment_method: pm.id } }).catch((e) => e);
    expect(err.statusCode).toBe(400);
    expect(err.param).toBe("invoice_settings[default_payment_method]");
  });

  it("creates card payment methods from numbers with Stripe's card data and validation", async () => {
    const pm = await pmFromNumber("5555555555554444");
    expect(pm.card).toMatchObject({ brand: "mastercard", last4: "4444", exp_month: 12, exp_year: 2040, funding: "credit" });
    const bad = await pmFromNumber("4242424242424241").catch((e) => e);
    expect(bad).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(bad.code).toBe("incorrect_number");
    const expired = await stripe.paymentMethods.create({ type: "card", card: { number: "4242424242424242", exp_month: 1, exp_year: 2001 } }).catch((e) => e);
    expect(expired.code).toBe("invalid_expiry_year");
    const token = await stripe.tokens.create({ card: { number: "4242424242424242", exp_month: "12", exp_year: "2040", cvc: "123" } } as never);
    expect(token.id).toMatch(/^tok_/);
    const fromToken = await stripe.paymentMethods.create({ type: "card", card: { token: token.id } });
    expect(fromToken.card?.last4).toBe("4242");
    const reused = await stripe.paymentMethods.create({ type: "card", card: { token: token.id } }).catch((e) => e);
    expect(reused.code).toBe("token_already_used");
  });

  it("declines attaching a declining card, but attaches 4000000000000341", async () => {
    const c = await stripe.customers.create({});
    const err = await stripe.paymentMethods.attach("pm_card_visa_chargeDeclined", { customer: c.id }).catch((e) => e);
    expect(err).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(err.decline_code).toBe("generic_decline");
    const ok = await stripe.paymentMethods.attach("pm_card_chargeCustomerFail", { customer: c.id });
    expect(ok.card?.last4).toBe("0341");
  });
});

describe("test cards: PaymentIntent outcomes", () => {
  const declines: Array<[string, string, string, string | undefined, string]> = [
    ["pm_card_visa_chargeDeclined", "4000000000000002", "card_declined", "generic_decline", "Your card was declined."],
    ["pm_card_visa_chargeDeclinedInsufficientFunds", "4000000000009995", "card_declined", "insufficient_funds", "Your card has insufficient funds."],
    ["pm_card_visa_chargeDeclinedLostCard", "4000000000009987", "card_declined", "lost_card", "Your card was declined."],
    ["pm_card_visa_chargeDeclinedStolenCard", "4000000000009979", "card_declined", "stolen_card", "Your card was declined."],
    ["pm_card_chargeDeclinedExpiredCard", "4000000000000069", "expired_card", "expired_card", "Your card has expired."],
    ["pm_card_chargeDeclinedIncorrectCvc", "4000000000000127", "incorrect_cvc", "incorrect_cvc", "Your card's security code is incorrect."],
    ["pm_card_chargeDeclinedProcessingError", "4000000000000119", "processing_error", undefined, "An error occurred while processing your card. Try again in a little bit."],
    ["pm_card_chargeCustomerFail", "4000000000000341", "card_declined", "generic_decline", "Your card was declined."],
  ];

  it.each(declines)("%s (%s) is declined with %s / %s", async (testId, number, code, declineCode, message) => {
    for (const pm of [testId, (await pmFromNumber(number)).id]) {
      const err = await payWith(pm).catch((e) => e);
      expect(err).toBeInstanceOf(Stripe.errors.StripeCardError);
      expect(err.statusCode).toBe(402);
      expect(err.type).toBe("StripeCardError");
      expect(err.code).toBe(code);
      expect(err.decline_code || undefined).toBe(declineCode); // stripe-node reports a missing decline_code as ""
      expect(err.message).toBe(message);
      expect(err.doc_url).toContain("stripe.com/docs/error-codes/");
      const pi = await stripe.paymentIntents.retrieve(err.payment_intent.id);
      expect(pi.status).toBe("requires_payment_method");
      expect(pi.last_payment_error).toMatchObject({ type: "card_error", code });
      const charge = await stripe.charges.retrieve(pi.latest_charge as string);
      expect(charge).toMatchObject({ status: "failed", paid: false, failure_code: code });
    }
  });

  const successes: Array<[string, string, string]> = [
    ["pm_card_visa", "4242424242424242", "visa"],
    ["pm_card_mastercard", "5555555555554444", "mastercard"],
    ["pm_card_amex", "378282246310005", "amex"],
    ["pm_card_visa_debit", "4000056655665556", "visa"],
    ["pm_card_bypassPending", "4000000000000077", "visa"],
  ];

  it.each(successes)("%s (%s) succeeds", async (testId, number, brand) => {
    for (const pm of [testId, (await pmFromNumber(number)).id]) {
      const pi = await payWith(pm);
      expect(pi.status).toBe("succeeded");
      expect(pi.amount_received).toBe(1500);
      expect(pi.client_secret).toMatch(new RegExp(`^${pi.id}_secret_\\w+$`));
      const charge = await stripe.charges.retrieve(pi.latest_charge as string);
      expect(charge).toMatchObject({ status: "succeeded", paid: true, captured: true, amount: 1500, payment_intent: pi.id });
      expect(charge.payment_method_details?.card?.brand).toBe(brand);
    }
  });

  const threeDSCards: Array<[string, string]> = [
    ["pm_card_threeDSecure2Required", "4000000000003220"],
    ["pm_card_threeDSecureRequired", "4000000000003063"],
    ["pm_card_authenticationRequired", "4000002760003184"],
    ["pm_card_authenticationRequiredOnSetup", "4000002500003155"],
  ];

  it.each(threeDSCards)("%s (%s) requires 3-D Secure; completing it succeeds", async (testId, number) => {
    for (const pm of [testId, (await pmFromNumber(number)).id]) {
      const pi = await payWith(pm);
      expect(pi.status).toBe("requires_action");
      expect(pi.next_action?.type).toBe("use_stripe_sdk");
      const done = await threeDS(emu, pi, "complete");
      expect(done.status).toBe(200);
      expect(done.body.status).toBe("succeeded");
      const charge = await stripe.charges.retrieve(done.body.latest_charge);
      expect(charge.payment_method_details?.card?.three_d_secure?.result).toBe("authenticated");
    }
  });

  it("failing 3-D Secure leaves requires_payment_method with payment_intent_authentication_failure", async () => {
    const pi = await payWith("pm_card_threeDSecure2Required");
    const failed = await threeDS(emu, pi, "fail");
    expect(failed.body.status).toBe("requires_payment_method");
    expect(failed.body.last_payment_error.code).toBe("payment_intent_authentication_failure");
    expect(failed.body.payment_method).toBeNull();
  });

  it("4000008260003178 authenticates, then is declined for insufficient funds", async () => {
    const pi = await payWith("pm_card_authenticationRequiredChargeDeclinedInsufficientFunds");
    expect(pi.status).toBe("requires_action");
    const after = await threeDS(emu, pi, "complete");
    expect(after.body.status).toBe("requires_payment_method");
    expect(after.body.last_payment_error).toMatchObject({ code: "card_declined", decline_code: "insufficient_funds" });
  });

  it("off-session payments with an always-authenticate card are declined with authentication_required", async () => {
    const c = await stripe.customers.create({});
    const pm = await stripe.paymentMethods.attach("pm_card_authenticationRequired", { customer: c.id });
    const err = await payWith(pm.id, { customer: c.id, off_session: true }).catch((e) => e);
    expect(err.code).toBe("authentication_required");
    expect(err.decline_code).toBe("authentication_required");
    expect(err.payment_intent.status).toBe("requires_payment_method");
  });

  it("with a return_url, next_action is a redirect to the hosted 3DS page that returns like Stripe", async () => {
    const pi = await payWith("pm_card_threeDSecure2Required", { return_url: "http://shop.test/return?order=7" });
    expect(pi.next_action?.type).toBe("redirect_to_url");
    const url = pi.next_action!.redirect_to_url!.url!;
    const pageRes = await fetch(url);
    expect(await pageRes.text()).toContain("Complete authentication");
    const res = await fetch(`${emu.url}/3ds/${pi.id}`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ client_secret: pi.client_secret!, return_url: "http://shop.test/return?order=7", outcome: "complete" }),
    });
    expect(res.status).toBe(303);
    const loc = new URL(res.headers.get("location")!);
    expect(loc.searchParams.get("order")).toBe("7");
    expect(loc.searchParams.get("payment_intent")).toBe(pi.id);
    expect(loc.searchParams.get("payment_intent_client_secret")).toBe(pi.client_secret);
    expect(loc.searchParams.get("redirect_status")).toBe("succeeded");
  });
});

describe("hosted 3-D Secure page", () => {
  it("Fail sends the browser back with redirect_status=failed; a SetupIntent returns setup_intent parameters", async () => {
    const pi = await payWith("pm_card_threeDSecure2Required", { return_url: "http://shop.test/return" });
    const res = await fetch(`${emu.url}/3ds/${pi.id}`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ client_secret: pi.client_secret!, return_url: "http://shop.test/return", outcome: "fail" }),
    });
    const loc = new URL(res.headers.get("location")!);
    expect(loc.searchParams.get("redirect_status")).toBe("failed");
    expect((await stripe.paymentIntents.retrieve(pi.id)).last_payment_error?.code).toBe("payment_intent_authentication_failure");

    const c = await stripe.customers.create({});
    const si = await stripe.setupIntents.create({ customer: c.id, payment_method: "pm_card_threeDSecure2Required", confirm: true, return_url: "http://shop.test/card" });
    expect(si.next_action?.type).toBe("redirect_to_url");
    const back = await fetch(`${emu.url}/3ds/${si.id}`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ client_secret: si.client_secret!, return_url: "http://shop.test/card", outcome: "complete" }),
    });
    const sl = new URL(back.headers.get("location")!);
    expect(sl.searchParams.get("setup_intent")).toBe(si.id);
    expect(sl.searchParams.get("setup_intent_client_secret")).toBe(si.client_secret);
    expect(sl.searchParams.get("redirect_status")).toBe("succeeded");
  });

  it("refuses a wrong client_secret on the 3-D Secure hook", async () => {
    const pi = await payWith("pm_card_threeDSecure2Required");
    const res = await threeDS(emu, { id: pi.id, client_secret: "pi_x_secret_wrong" }, "complete");
    expect(res.status).toBe(400);
    const noKey = await call(emu, "POST", `/_emulator/3ds/${pi.id}`, { form: { client_secret: pi.client_secret!, outcome: "complete" } });
    expect(noKey.status).toBe(401);
  });
});

describe("PaymentIntent status machine", () => {
  it("moves requires_payment_method → requires_confirmation → succeeded, and refuses a second confirm", async () => {
    const pi = await stripe.paymentIntents.create({ amount: 990, currency: "usd", automatic_payment_methods: { enabled: true }, metadata: { order: "1" }, description: "Course" });
    expect(pi.status).toBe("requires_payment_method");
    expect(pi.automatic_payment_methods?.enabled).toBe(true);
    const updated = await stripe.paymentIntents.update(pi.id, { payment_method: "pm_card_visa" });
    expect(updated.status).toBe("requires_confirmation");
    const confirmed = await stripe.paymentIntents.confirm(pi.id);
    expect(confirmed.status).toBe("succeeded");
    const again = await stripe.paymentIntents.confirm(pi.id).catch((e) => e);
    expect(again.code).toBe("payment_intent_unexpected_state");
    const cancel = await stripe.paymentIntents.cancel(pi.id).catch((e) => e);
    expect(cancel.code).toBe("payment_intent_unexpected_state");
  });

  it("confirms with a publishable key and client_secret (as Stripe.js does), and cancels", async () => {
    const pi = await stripe.paymentIntents.create({ amount: 990, currency: "usd" });
    const pm = await call(emu, "POST", "/v1/payment_methods", {
      key: PUBLISHABLE_KEY,
      form: { type: "card", "card[number]": "4242424242424242", "card[exp_month]": "1", "card[exp_year]": "2039", "card[cvc]": "999" },
    });
    const confirmed = await call(emu, "POST", `/v1/payment_intents/${pi.id}/confirm`, {
      key: PUBLISHABLE_KEY,
      form: { client_secret: pi.client_secret!, payment_method: pm.body.id, return_url: "http://shop.test/done" },
    });
    expect(confirmed.body.status).toBe("succeeded");
    const other = await stripe.paymentIntents.create({ amount: 990, currency: "usd" });
    const canceled = await stripe.paymentIntents.cancel(other.id, { cancellation_reason: "abandoned" });
    expect(canceled).toMatchObject({ status: "canceled", cancellation_reason: "abandoned" });
  });

  it("enforces the minimum amount", async () => {
    const err = await stripe.paymentIntents.create({ amount: 10, currency: "usd" }).catch((e) => e);
    expect(err.code).toBe("amount_too_small");
  });

  it("saves the card with setup_future_usage and supports manual capture", async () => {
    const c = await stripe.customers.create({});
    const pi = await payWith("pm_card_visa", { customer: c.id, setup_future_usage: "off_session" });
    const pm = await stripe.paymentMethods.retrieve(pi.payment_method as string);
    expect(pm.customer).toBe(c.id);
    const auth = await payWith("pm_card_visa", { capture_method: "manual" });
    expect(auth.status).toBe("requires_capture");
    const captured = await stripe.paymentIntents.capture(auth.id);
    expect(captured.status).toBe("succeeded");
  });
});

describe("SetupIntents (update my card)", () => {
  it("succeeds and attaches the card to the customer", async () => {
    const c = await stripe.customers.create({});
    const si = await stripe.setupIntents.create({ customer: c.id });
    expect(si.client_secret).toMatch(/^seti_\w+_secret_\w+$/);
    const confirmed = await call(emu, "POST", `/v1/setup_intents/${si.id}/confirm`, {
      key: PUBLISHABLE_KEY,
      form: { client_secret: si.client_secret!, payment_method: "pm_card_mastercard" },
    });
    expect(confirmed.body.status).toBe("succeeded");
    const pm = await stripe.paymentMethods.retrieve(confirmed.body.payment_method);
    expect(pm.customer).toBe(c.id);
  });

  it("goes through 3-D Secure (complete and fail) and reports declines", async () => {
    const c = await stripe.customers.create({});
    const si = await stripe.setupIntents.create({ customer: c.id, payment_method: "pm_card_authenticationRequiredOnSetup", confirm: true });
    expect(si.status).toBe("requires_action");
    expect((await threeDS(emu, si, "complete")).body.status).toBe("succeeded");
    const si2 = await stripe.setupIntents.create({ customer: c.id, payment_method: "pm_card_threeDSecure2Required", confirm: true });
    const failed = await threeDS(emu, si2, "fail");
    expect(failed.body.status).toBe("requires_payment_method");
    expect(failed.body.last_setup_error.code).toBe("setup_intent_authentication_failure");
    const declined = await stripe.setupIntents.create({ customer: c.id, payment_method: "pm_card_visa_chargeDeclined", confirm: true }).catch((e) => e);
    expect(declined).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(declined.setup_intent.status).toBe("requires_payment_method");
  });

  it("a card set up with 3-D Secure (4000002500003155) then pays off-session without authentication", async () => {
    const c = await stripe.customers.create({});
    const si = await stripe.setupIntents.create({ customer: c.id, payment_method: "pm_card_authenticationRequiredOnSetup", confirm: true });
    const done = await threeDS(emu, si, "complete");
    const pi = await payWith(done.body.payment_method, { customer: c.id, off_session: true });
    expect(pi.status).toBe("succeeded");
  });
});

describe("refunds and charges", () => {
  it("refunds fully and partially, and lists charges", async () => {
    const c = await stripe.customers.create({});
    const pi = await payWith("pm_card_visa", { customer: c.id, amount: 5000 });
    const partial = await stripe.refunds.create({ payment_intent: pi.id, amount: 1200, reason: "requested_by_customer" });
    expect(partial).toMatchObject({ object: "refund", amount: 1200, status: "succeeded", payment_intent: pi.id });
    let charge = await stripe.charges.retrieve(pi.latest_charge as string, { expand: ["refunds"] });
    expect(charge).toMatchObject({ amount_refunded: 1200, refunded: false });
    expect(charge.refunds?.data).toHaveLength(1);
    const tooMuch = await stripe.refunds.create({ charge: charge.id, amount: 4000 }).catch((e) => e);
    expect(tooMuch.statusCode).toBe(400);
    const rest = await stripe.refunds.create({ charge: charge.id });
    expect(rest.amount).toBe(3800);
    charge = await stripe.charges.retrieve(charge.id);
    expect(charge).toMatchObject({ amount_refunded: 5000, refunded: true });
    const again = await stripe.refunds.create({ charge: charge.id }).catch((e) => e);
    expect(again.code).toBe("charge_already_refunded");
    const charges = await stripe.charges.list({ customer: c.id });
    expect(charges.data.map((x) => x.id)).toEqual([charge.id]);
    const refunds = await stripe.refunds.list({ payment_intent: pi.id });
    expect(refunds.data).toHaveLength(2);
  });
});
