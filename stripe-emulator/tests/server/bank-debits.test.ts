// A delayed payment method: US bank account (ACH Direct Debit) with Stripe's test account numbers.
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/index.js";
import { advance, call, DAY, PUBLISHABLE_KEY, start, webhookReceiver, type WebhookReceiver } from "./helpers.js";

let emu: RunningEmulator;
let stripe: Stripe;
let hooks: WebhookReceiver;

beforeAll(async () => {
  hooks = await webhookReceiver();
  ({ emu, stripe } = await start({ webhookEndpoints: [{ url: hooks.url, secret: hooks.secret }] }));
});
afterAll(async () => {
  await emu.close();
  await hooks.close();
});

const bankAccount = (accountNumber: string) => ({
  type: "us_bank_account" as const,
  us_bank_account: { routing_number: "110000000", account_number: accountNumber, account_holder_type: "individual" as const },
  billing_details: { name: "Jenny Rosen", email: "jenny@example.com" },
});

async function confirmWithBank(accountNumber: string): Promise<Stripe.PaymentIntent> {
  const pi = await stripe.paymentIntents.create({ amount: 4900, currency: "usd", automatic_payment_methods: { enabled: true } });
  expect(pi.payment_method_types).toEqual(["card", "us_bank_account"]);
  // As the Payment Element does: the browser confirms with the publishable key and the client secret.
  const confirmed = await call(emu, "POST", `/v1/payment_intents/${pi.id}/confirm`, {
    key: PUBLISHABLE_KEY,
    form: {
      client_secret: pi.client_secret!,
      "payment_method_data[type]": "us_bank_account",
      "payment_method_data[us_bank_account][routing_number]": "110000000",
      "payment_method_data[us_bank_account][account_number]": accountNumber,
      "payment_method_data[billing_details][name]": "Jenny Rosen",
      "mandate_data[customer_acceptance][type]": "online",
      "mandate_data[customer_acceptance][online][infer_from_client]": "true",
    },
  });
  expect(confirmed.body).not.toHaveProperty("error");
  return confirmed.body;
}

/** The event types about one intent, in the order they were created (a slow first delivery may be retried). */
function typesFor(id: string): string[] {
  const about = hooks.events.map((e) => e.event).filter((e) => {
    const o = e.data.object as { id?: string; payment_intent?: string };
    return o.id === id || o.payment_intent === id;
  });
  return [...new Map(about.map((e) => [e.id, e])).values()].map((e) => e.type);
}

describe("US bank account payments", () => {
  it("stay processing with a pending charge until the clock reaches settlement, then succeed", async () => {
    const pi = await confirmWithBank("000123456789");
    expect(pi.status).toBe("processing");
    const charge = await stripe.charges.retrieve(pi.latest_charge as string);
    expect(charge).toMatchObject({ status: "pending", paid: false, payment_method_details: { type: "us_bank_account", us_bank_account: { last4: "6789", routing_number: "110000000" } } });
    await advance(emu, 3 * DAY);
    expect((await stripe.paymentIntents.retrieve(pi.id)).status).toBe("processing");
    await advance(emu, 1 * DAY);
    const settled = await stripe.paymentIntents.retrieve(pi.id, { expand: ["latest_charge.balance_transaction"] });
    expect(settled).toMatchObject({ status: "succeeded", amount_received: 4900 });
    expect((settled.latest_charge as Stripe.Charge).status).toBe("succeeded");
    expect(((settled.latest_charge as Stripe.Charge).balance_transaction as Stripe.BalanceTransaction).amount).toBe(4900);
    await emu.webhooksIdle();
    expect(typesFor(pi.id)).toEqual(["payment_intent.created", "charge.pending", "payment_intent.processing", "charge.succeeded", "payment_intent.succeeded"]);
  });

  it("fail with the bank's reason for a failing test account, and the intent can be paid again", async () => {
    const pi = await confirmWithBank("000111111113");
    expect(pi.status).toBe("processing");
    // Processing cannot be confirmed a second time (no second charge meanwhile).
    const again = await stripe.paymentIntents.confirm(pi.id, { payment_method: "pm_card_visa" }).catch((e) => e);
    expect(again.code).toBe("payment_intent_unexpected_state");
    await advance(emu, 4 * DAY);
    const failed = await stripe.paymentIntents.retrieve(pi.id);
    expect(failed.status).toBe("requires_payment_method");
    expect(failed.last_payment_error).toMatchObject({ code: "account_closed", message: "The customer's bank account has been closed." });
    expect((await stripe.charges.retrieve(failed.latest_charge as string)).status).toBe("failed");
    const paid = await stripe.paymentIntents.confirm(pi.id, { payment_method: "pm_card_visa" });
    expect(paid.status).toBe("succeeded");
    await emu.webhooksIdle();
    expect(typesFor(pi.id)).toEqual([
      "payment_intent.created", "charge.pending", "payment_intent.processing", "charge.failed", "payment_intent.payment_failed", "charge.succeeded", "payment_intent.succeeded",
    ]);
  });

  it("are refused on an intent that allows cards only, and without the account holder's name", async () => {
    const cardOnly = await stripe.paymentIntents.create({ amount: 1000, currency: "usd", allowed_payment_method_types: ["card"] });
    const refused = await stripe.paymentIntents.confirm(cardOnly.id, { payment_method_data: bankAccount("000123456789") }).catch((e) => e);
    expect(refused.param).toBe("payment_method");
    expect(refused.message).toContain("The PaymentMethod provided (us_bank_account) is not allowed for this PaymentIntent");
    const nameless = await stripe.paymentMethods
      .create({ type: "us_bank_account", us_bank_account: { routing_number: "110000000", account_number: "000123456789" } })
      .catch((e) => e);
    expect(nameless).toMatchObject({ code: "parameter_missing", param: "billing_details[name]" });
  });
});
