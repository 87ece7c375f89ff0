import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Stripe from "stripe";
import type { RunningEmulator } from "../../src/index.js";
import { call, start, webhookReceiver, type WebhookReceiver } from "./helpers.js";

let emu: RunningEmulator;
let stripe: Stripe;
let platformHooks: WebhookReceiver;
let connectHooks: WebhookReceiver;

beforeAll(async () => {
  platformHooks = await webhookReceiver();
  connectHooks = await webhookReceiver();
  ({ emu, stripe } = await start({
    webhookEndpoints: [
      { url: platformHooks.url, secret: platformHooks.secret },
      { url: connectHooks.url, secret: connectHooks.secret, connect: true },
    ],
  }));
});
afterAll(async () => {
  await emu.close();
  await platformHooks.close();
  await connectHooks.close();
});

async function onboardedAccount(type: "express" | "standard"): Promise<Stripe.Account> {
  const account = await stripe.accounts.create({ type, email: "seller@example.com" });
  const link = await stripe.accountLinks.create({ account: account.id, refresh_url: "http://app.test/r", return_url: "http://app.test/ok", type: "account_onboarding" });
  await fetch(link.url, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ decision: "submit", business_name: "Seller Co" }),
  });
  return stripe.accounts.retrieve(account.id);
}

async function pay(pm: string, extra: Partial<Stripe.PaymentIntentCreateParams> = {}, opts?: Stripe.RequestOptions) {
  return stripe.paymentIntents.create({ amount: 2_000, currency: "usd", payment_method: pm, confirm: true, ...extra }, opts);
}

async function disputeOf(pi: Stripe.PaymentIntent, opts?: Stripe.RequestOptions): Promise<Stripe.Dispute> {
  const list = await stripe.disputes.list({ payment_intent: pi.id }, opts);
  expect(list.data).toHaveLength(1);
  return list.data[0];
}

const net = async (opts?: Stripe.RequestOptions) => (await stripe.balance.retrieve({}, opts)).available.find((b) => b.currency === "usd")?.amount ?? 0;

describe("dispute test cards", () => {
  it("pm_card_createDispute: payment succeeds, a fraudulent dispute needs a response, funds withdrawn with the fee", async () => {
    const before = await net();
    const pi = await pay("pm_card_createDispute");
    expect(pi.status).toBe("succeeded");
    const d = await disputeOf(pi);
    expect(d).toMatchObject({ object: "dispute", status: "needs_response", reason: "fraudulent", amount: 2_000, currency: "usd", charge: pi.latest_charge, livemode: false, is_charge_refundable: false });
    expect(d.id).toMatch(/^dp_/);
    expect(d.evidence.uncategorized_text).toBeNull();
    expect(d.evidence_details).toMatchObject({ has_evidence: false, submission_count: 0, past_due: false });
    expect(d.evidence_details.due_by).toBeGreaterThan(d.created);
    expect(d.payment_method_details?.card?.case_type).toBe("chargeback");
    expect(d.balance_transactions).toHaveLength(1);
    expect(d.balance_transactions[0]).toMatchObject({ amount: -2_000, fee: 1_500, net: -3_500, type: "adjustment", reporting_category: "dispute", source: d.id });
    const charge = await stripe.charges.retrieve(pi.latest_charge as string);
    expect(charge.disputed).toBe(true);
    const fee = 2_000 * 0.029 + 30;
    expect(await net()).toBe(before + 2_000 - fee - 3_500);
    expect(await stripe.disputes.retrieve(d.id)).toEqual(d);
    // A charged-back charge cannot be refunded.
    const refund = await stripe.refunds.create({ charge: charge.id }).catch((e) => e);
    expect(refund).toMatchObject({ statusCode: 400, code: "charge_disputed" });
    await emu.webhooksIdle();
    const created = platformHooks.ofType("charge.dispute.created").find((e) => (e.data.object as Stripe.Dispute).id === d.id);
    expect(created?.account).toBeUndefined();
    expect((created?.data.object as Stripe.Dispute).status).toBe("needs_response");
    expect(platformHooks.ofType("charge.dispute.funds_withdrawn").some((e) => (e.data.object as Stripe.Dispute).id === d.id)).toBe(true);
    const types = platformHooks.events.map((e) => e.event.type);
    expect(types.lastIndexOf("charge.dispute.created")).toBeGreaterThan(types.lastIndexOf("payment_intent.succeeded"));
  });

  it("pm_card_createDisputeProductNotReceived and pm_card_createDisputeInquiry (no funds withdrawn, refundable)", async () => {
    const pnr = await disputeOf(await pay("pm_card_createDisputeProductNotReceived"));
    expect(pnr).toMatchObject({ status: "needs_response", reason: "product_not_received" });
    const before = await net();
    const pi = await pay("pm_card_createDisputeInquiry");
    const inquiry = await disputeOf(pi);
    expect(inquiry).toMatchObject({ status: "warning_needs_response", is_charge_refundable: true, balance_transactions: [] });
    expect(inquiry.payment_method_details?.card?.case_type).toBe("inquiry");
    expect(await net()).toBe(before + 2_000 - (2_000 * 0.029 + 30));
  });

  it("the card numbers work too, and a manual-capture payment is disputed once captured", async () => {
    const pm = await stripe.paymentMethods.create({ type: "card", card: { number: "4000000000000259", exp_month: 12, exp_year: 2040, cvc: "123" } });
    const pi = await pay(pm.id, { capture_method: "manual" });
    expect(pi.status).toBe("requires_capture");
    expect((await stripe.disputes.list({ payment_intent: pi.id })).data).toHaveLength(0);
    await stripe.paymentIntents.capture(pi.id);
    expect((await disputeOf(pi)).status).toBe("needs_response");
    const ok = await pay("pm_card_visa");
    expect((await stripe.disputes.list({ payment_intent: ok.id })).data).toHaveLength(0);
  });
});

describe("responding to disputes", () => {
  it("winning_evidence: under_review, then won, funds reinstated", async () => {
    const d = await disputeOf(await pay("pm_card_createDispute"));
    const before = await net();
    const staged = await stripe.disputes.update(d.id, { evidence: { customer_name: "Buyer" }, metadata: { order: "42" }, submit: false });
    expect(staged).toMatchObject({ status: "needs_response", metadata: { order: "42" }, evidence: { customer_name: "Buyer" } });
    expect(staged.evidence_details).toMatchObject({ has_evidence: true, submission_count: 0 });
    const won = await stripe.disputes.update(d.id, { evidence: { uncategorized_text: "winning_evidence" } });
    expect(won.status).toBe("won");
    expect(won.evidence_details.submission_count).toBe(1);
    expect(won.balance_transactions.map((t) => t.amount)).toEqual([-2_000, 2_000]);
    expect(won.balance_transactions[1]).toMatchObject({ reporting_category: "dispute_reversal", fee: 0 });
    expect(await net()).toBe(before + 2_000);
    const again = await stripe.disputes.update(d.id, { evidence: { uncategorized_text: "more" } }).catch((e) => e);
    expect(again.statusCode).toBe(400);
    await emu.webhooksIdle();
    const mine = (type: string) => platformHooks.ofType(type).filter((e) => (e.data.object as Stripe.Dispute).id === d.id);
    const updates = mine("charge.dispute.updated");
    expect(updates.map((e) => (e.data.object as Stripe.Dispute).status)).toEqual(["needs_response", "under_review"]);
    expect(updates[1].data.previous_attributes).toMatchObject({ status: "needs_response" });
    expect(mine("charge.dispute.closed").map((e) => (e.data.object as Stripe.Dispute).status)).toEqual(["won"]);
    expect(mine("charge.dispute.funds_reinstated")).toHaveLength(1);
  });

  it("losing_evidence: lost, no reinstatement; other text stays under_review", async () => {
    const d = await disputeOf(await pay("pm_card_createDispute"));
    const before = await net();
    const lost = await stripe.disputes.update(d.id, { evidence: { uncategorized_text: "losing_evidence" } });
    expect(lost.status).toBe("lost");
    expect(lost.balance_transactions).toHaveLength(1);
    expect(await net()).toBe(before);
    const other = await disputeOf(await pay("pm_card_createDispute"));
    expect((await stripe.disputes.update(other.id, { evidence: { uncategorized_text: "Here is the receipt." } })).status).toBe("under_review");
    await emu.webhooksIdle();
    expect(platformHooks.ofType("charge.dispute.closed").some((e) => (e.data.object as Stripe.Dispute).id === d.id && (e.data.object as Stripe.Dispute).status === "lost")).toBe(true);
    expect(platformHooks.ofType("charge.dispute.funds_reinstated").some((e) => (e.data.object as Stripe.Dispute).id === d.id)).toBe(false);
  });

  it("close accepts the dispute: lost; an inquiry won with evidence closes as warning_closed", async () => {
    const d = await disputeOf(await pay("pm_card_createDispute"));
    const closed = await stripe.disputes.close(d.id);
    expect(closed.status).toBe("lost");
    expect((await stripe.disputes.close(d.id).catch((e) => e)).statusCode).toBe(400);
    const inquiry = await disputeOf(await pay("pm_card_createDisputeInquiry"));
    expect((await stripe.disputes.update(inquiry.id, { evidence: { uncategorized_text: "winning_evidence" } })).status).toBe("warning_closed");
    await emu.webhooksIdle();
    expect(platformHooks.ofType("charge.dispute.closed").some((e) => (e.data.object as Stripe.Dispute).id === d.id)).toBe(true);
  });

  it("lists with charge and payment_intent filters and pagination; unknown IDs are 404", async () => {
    const pi = await pay("pm_card_createDispute");
    const byCharge = await stripe.disputes.list({ charge: pi.latest_charge as string });
    expect(byCharge.data.map((x) => x.payment_intent)).toEqual([pi.id]);
    const page = await stripe.disputes.list({ limit: 2 });
    expect(page.data).toHaveLength(2);
    expect(page.has_more).toBe(true);
    const all = [];
    for await (const x of stripe.disputes.list({ limit: 3 })) all.push(x.id);
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBeGreaterThan(5);
    await expect(stripe.disputes.retrieve("dp_nope")).rejects.toMatchObject({ statusCode: 404, code: "resource_missing" });
    const expanded = await stripe.disputes.retrieve(byCharge.data[0].id, { expand: ["charge", "payment_intent"] });
    expect((expanded.charge as Stripe.Charge).disputed).toBe(true);
    expect((expanded.payment_intent as Stripe.PaymentIntent).id).toBe(pi.id);
  });
});

describe("Connect", () => {
  it("direct charge: the dispute is on the connected account, events carry account, scoping holds", async () => {
    const seller = await onboardedAccount("standard");
    const opts = { stripeAccount: seller.id };
    const before = await net(opts);
    const pi = await pay("pm_card_createDispute", { application_fee_amount: 200 }, opts);
    const d = await disputeOf(pi, opts);
    expect(d.status).toBe("needs_response");
    expect(await net(opts)).toBe(before + 2_000 - (2_000 * 0.029 + 30) - 200 - 3_500);
    await expect(stripe.disputes.retrieve(d.id)).rejects.toMatchObject({ statusCode: 404 });
    expect((await stripe.disputes.list({ payment_intent: pi.id })).data).toHaveLength(0);
    const won = await stripe.disputes.update(d.id, { evidence: { uncategorized_text: "winning_evidence" } }, opts);
    expect(won.status).toBe("won");
    await emu.webhooksIdle();
    for (const type of ["charge.dispute.created", "charge.dispute.funds_withdrawn", "charge.dispute.updated", "charge.dispute.closed", "charge.dispute.funds_reinstated"]) {
      const e = connectHooks.ofType(type).find((x) => (x.data.object as Stripe.Dispute).id === d.id);
      expect(e?.account, type).toBe(seller.id);
      expect(platformHooks.ofType(type).some((x) => (x.data.object as Stripe.Dispute).id === d.id), type).toBe(false);
    }
    const events = await stripe.events.list({ type: "charge.dispute.created" }, opts);
    expect(events.data.some((e) => (e.data.object as Stripe.Dispute).id === d.id)).toBe(true);
  });

  it("destination charge: the dispute is on the platform's charge", async () => {
    const seller = await onboardedAccount("express");
    const pi = await pay("pm_card_createDispute", { application_fee_amount: 300, transfer_data: { destination: seller.id } });
    const d = await disputeOf(pi);
    expect(d.charge).toBe(pi.latest_charge);
    expect((await stripe.disputes.list({}, { stripeAccount: seller.id })).data.some((x) => x.id === d.id)).toBe(false);
    await emu.webhooksIdle();
    const e = platformHooks.ofType("charge.dispute.created").find((x) => (x.data.object as Stripe.Dispute).id === d.id);
    expect(e).toBeDefined();
    expect(e?.account).toBeUndefined();
  });
});

describe("control API", () => {
  it("opens a dispute on any succeeded charge and resolves it without evidence", async () => {
    const pi = await pay("pm_card_visa");
    const opened = await call(emu, "POST", "/_emulator/disputes", { json: { charge: pi.latest_charge, reason: "product_unacceptable" } });
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({ object: "dispute", status: "needs_response", reason: "product_unacceptable", charge: pi.latest_charge });
    expect((await stripe.charges.retrieve(pi.latest_charge as string)).disputed).toBe(true);
    const twice = await call(emu, "POST", "/_emulator/disputes", { json: { charge: pi.latest_charge } });
    expect(twice.status).toBe(400);
    const won = await call(emu, "POST", `/_emulator/disputes/${opened.body.id}/resolve`, { json: { outcome: "won" } });
    expect(won.body).toMatchObject({ status: "won" });
    expect(won.body.balance_transactions).toHaveLength(2);
    const again = await call(emu, "POST", `/_emulator/disputes/${opened.body.id}/resolve`, { json: { outcome: "lost" } });
    expect(again.status).toBe(400);

    const inquiry = await call(emu, "POST", "/_emulator/disputes", { form: { charge: (await pay("pm_card_visa")).latest_charge as string, inquiry: "true" } });
    expect(inquiry.body).toMatchObject({ status: "warning_needs_response", reason: "fraudulent" });
    const lost = await call(emu, "POST", `/_emulator/disputes/${inquiry.body.id}/resolve`, { json: { outcome: "lost" } });
    expect(lost.body.status).toBe("lost");

    expect((await call(emu, "POST", "/_emulator/disputes", { json: { charge: "ch_nope" } })).status).toBe(404);
    expect((await call(emu, "POST", "/_emulator/disputes", { json: { charge: pi.latest_charge, reason: "whatever" } })).status).toBe(400);
    expect((await call(emu, "POST", `/_emulator/disputes/${opened.body.id}/resolve`, { json: { outcome: "maybe" } })).status).toBe(400);
    const failed = await stripe.paymentIntents.create({ amount: 500, currency: "usd", payment_method: "pm_card_visa_chargeDeclined", confirm: true }).catch((e) => e.raw.payment_intent);
    expect((await call(emu, "POST", "/_emulator/disputes", { json: { charge: failed.latest_charge } })).status).toBe(400);
    const refunded = await pay("pm_card_visa");
    await stripe.refunds.create({ payment_intent: refunded.id });
    expect((await call(emu, "POST", "/_emulator/disputes", { json: { charge: refunded.latest_charge } })).status).toBe(400);
    const jsonInquiry = await call(emu, "POST", "/_emulator/disputes", { json: { charge: (await pay("pm_card_visa")).latest_charge, inquiry: true } });
    expect(jsonInquiry.body.status).toBe("warning_needs_response");

    await emu.webhooksIdle();
    expect(platformHooks.ofType("charge.dispute.closed").some((e) => (e.data.object as Stripe.Dispute).id === opened.body.id)).toBe(true);
  });

  it("works on a direct charge of a connected account; the dashboard lists disputes", async () => {
    const seller = await onboardedAccount("standard");
    const pi = await pay("pm_card_visa", {}, { stripeAccount: seller.id });
    const opened = await call(emu, "POST", "/_emulator/disputes", { json: { charge: pi.latest_charge } });
    expect((await stripe.disputes.retrieve(opened.body.id, {}, { stripeAccount: seller.id })).status).toBe("needs_response");
    await call(emu, "POST", `/_emulator/disputes/${opened.body.id}/resolve`, { json: { outcome: "lost" } });
    await emu.webhooksIdle();
    expect(connectHooks.ofType("charge.dispute.closed").find((e) => (e.data.object as Stripe.Dispute).id === opened.body.id)?.account).toBe(seller.id);
    const page = await call(emu, "GET", "/");
    expect(page.text).toContain("Disputes");
    expect(page.text).toContain(opened.body.id);
  });
});
