import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Stripe from "stripe";
import type { RunningEmulator } from "../../src/index.js";
import { call, start, webhookReceiver, type WebhookReceiver } from "./helpers.js";

const CLIENT_ID = "ca_test_marketplace";
let emu: RunningEmulator;
let stripe: Stripe;
let connectHooks: WebhookReceiver;
let platformHooks: WebhookReceiver;

beforeAll(async () => {
  connectHooks = await webhookReceiver();
  platformHooks = await webhookReceiver();
  ({ emu, stripe } = await start({
    connectClientId: CLIENT_ID,
    webhookEndpoints: [
      { url: platformHooks.url, secret: platformHooks.secret },
      { url: connectHooks.url, secret: connectHooks.secret, connect: true },
    ],
  }));
});
afterAll(async () => {
  await emu.close();
  await connectHooks.close();
  await platformHooks.close();
});

function formOf(html: string, action: string): void {
  expect(html).toContain(`action="${action}"`);
}

async function onboardedAccount(type: "express" | "standard" = "express"): Promise<Stripe.Account> {
  const account = await stripe.accounts.create({ type, email: "seller@example.com" });
  const link = await stripe.accountLinks.create({ account: account.id, refresh_url: "http://app.test/refresh", return_url: "http://app.test/return", type: "account_onboarding" });
  await fetch(link.url, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ decision: "submit", business_name: "Seller Co" }),
  });
  return stripe.accounts.retrieve(account.id);
}

describe("accounts, account links and login links", () => {
  it("creates an account with requirements due; onboarding enables charges and sends account.updated", async () => {
    const account = await stripe.accounts.create({ type: "express", country: "US", email: "new@example.com", capabilities: { card_payments: { requested: true }, transfers: { requested: true } } });
    expect(account).toMatchObject({ object: "account", type: "express", charges_enabled: false, payouts_enabled: false, details_submitted: false });
    expect(account.requirements?.currently_due?.length).toBeGreaterThan(0);
    const link = await stripe.accountLinks.create({ account: account.id, refresh_url: "http://app.test/refresh", return_url: "http://app.test/return", type: "account_onboarding" });
    expect(link.object).toBe("account_link");
    expect(link.expires_at).toBeGreaterThan(link.created);
    const pageRes = await fetch(link.url);
    formOf(await pageRes.text(), new URL(link.url).pathname);
    const submit = await fetch(link.url, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ decision: "submit", business_name: "Seller Co", email: "new@example.com" }),
    });
    expect(submit.status).toBe(303);
    expect(submit.headers.get("location")).toBe("http://app.test/return");
    const after = await stripe.accounts.retrieve(account.id);
    expect(after).toMatchObject({ charges_enabled: true, payouts_enabled: true, details_submitted: true });
    expect(after.requirements?.currently_due).toEqual([]);
    expect(after.capabilities).toMatchObject({ card_payments: "active", transfers: "active" });
    // A used link sends the person to refresh_url.
    const reused = await fetch(link.url, { redirect: "manual" });
    expect(reused.headers.get("location")).toBe("http://app.test/refresh");
    await emu.webhooksIdle();
    const evt = connectHooks.ofType("account.updated").find((e) => e.account === account.id)!;
    expect((evt.data.object as Stripe.Account).charges_enabled).toBe(true);
    expect(evt.data.previous_attributes).toMatchObject({ charges_enabled: false, details_submitted: false });
  });

  it("returning without finishing changes nothing", async () => {
    const account = await stripe.accounts.create({ type: "standard" });
    const link = await stripe.accountLinks.create({ account: account.id, refresh_url: "http://app.test/refresh", return_url: "http://app.test/return", type: "account_onboarding" });
    await fetch(link.url, { method: "POST", redirect: "manual", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "decision=later" });
    expect((await stripe.accounts.retrieve(account.id)).charges_enabled).toBe(false);
  });

  it("updates, lists and deletes accounts; login links only for Express", async () => {
    const express = await onboardedAccount("express");
    const updated = await stripe.accounts.update(express.id, { metadata: { seller: "7" }, business_profile: { url: "https://seller.test" } });
    expect(updated.metadata).toEqual({ seller: "7" });
    const login = await stripe.accounts.createLoginLink(express.id);
    expect(login.object).toBe("login_link");
    const dash = await fetch(login.url);
    expect(dash.status).toBe(200);
    expect(await dash.text()).toContain("Express dashboard");
    const standard = await stripe.accounts.create({ type: "standard" });
    await expect(stripe.accounts.createLoginLink(standard.id)).rejects.toMatchObject({ statusCode: 400 });
    const list = await stripe.accounts.list({ limit: 100 });
    expect(list.data.map((a) => a.id)).toEqual(expect.arrayContaining([express.id, standard.id]));
    expect(await stripe.accounts.del(standard.id)).toMatchObject({ id: standard.id, deleted: true });
    await expect(stripe.accounts.retrieve(standard.id)).rejects.toMatchObject({ statusCode: 404 });
  });
});

describe("OAuth (Standard accounts)", () => {
  const redirectUri = "http://app.test/stripe/callback";
  const authorize = (state: string) => `${emu.url}/oauth/authorize?response_type=code&client_id=${CLIENT_ID}&scope=read_write&state=${state}&redirect_uri=${encodeURIComponent(redirectUri)}`;

  async function decide(body: Record<string, string>): Promise<URL> {
    const res = await fetch(`${emu.url}/oauth/authorize/decision`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ client_id: CLIENT_ID, redirect_uri: redirectUri, scope: "read_write", response_type: "code", ...body }),
    });
    expect(res.status).toBe(303);
    return new URL(res.headers.get("location")!);
  }

  it("shows a page to connect an existing account or create one; the code works once", async () => {
    const pageRes = await fetch(authorize("st1"));
    const html = await pageRes.text();
    expect(html).toContain("Connect");
    expect(html).toContain("Cancel");
    const back = await decide({ state: "st1", decision: "connect", account: "new", email: "oauth@example.com", business_name: "OAuth Seller" });
    expect(back.origin + back.pathname).toBe(redirectUri);
    expect(back.searchParams.get("state")).toBe("st1");
    expect(back.searchParams.get("scope")).toBe("read_write");
    const code = back.searchParams.get("code")!;
    const token = await stripe.oauth.token({ grant_type: "authorization_code", code });
    expect(token).toMatchObject({ livemode: false, scope: "read_write", token_type: "bearer" });
    expect(token.stripe_user_id).toMatch(/^acct_/);
    expect(token.stripe_publishable_key).toMatch(/^pk_test_/);
    expect(token.refresh_token).toBeTruthy();
    const account = await stripe.accounts.retrieve(token.stripe_user_id!);
    expect(account).toMatchObject({ type: "standard", charges_enabled: true, email: "oauth@example.com" });
    const reused = await stripe.oauth.token({ grant_type: "authorization_code", code }).catch((e) => e);
    expect(reused).toBeInstanceOf(Stripe.errors.StripeInvalidGrantError);
    const unknown = await stripe.oauth.token({ grant_type: "authorization_code", code: "ac_nope" }).catch((e) => e);
    expect(unknown).toBeInstanceOf(Stripe.errors.StripeInvalidGrantError);
    // The account now appears on the authorize page for the next connection.
    expect(await (await fetch(authorize("st2"))).text()).toContain(token.stripe_user_id!);
  });

  it("Cancel sends access_denied back with the state", async () => {
    const back = await decide({ state: "st3", decision: "cancel" });
    expect(back.searchParams.get("error")).toBe("access_denied");
    expect(back.searchParams.get("error_description")).toBeTruthy();
    expect(back.searchParams.get("state")).toBe("st3");
    expect(back.searchParams.get("code")).toBeNull();
  });

  it("refuses an unknown client_id", async () => {
    const res = await fetch(`${emu.url}/oauth/authorize?response_type=code&client_id=ca_other&redirect_uri=${encodeURIComponent(redirectUri)}`);
    expect(res.status).toBe(400);
  });

  it("deauthorize revokes access and sends account.application.deauthorized", async () => {
    const back = await decide({ state: "st4", decision: "connect", account: "new" });
    const token = await stripe.oauth.token({ grant_type: "authorization_code", code: back.searchParams.get("code")! });
    const accountId = token.stripe_user_id!;
    await stripe.customers.create({}, { stripeAccount: accountId });
    const res = await stripe.oauth.deauthorize({ client_id: CLIENT_ID, stripe_user_id: accountId });
    expect(res.stripe_user_id).toBe(accountId);
    const denied = await stripe.customers.list({}, { stripeAccount: accountId }).catch((e) => e);
    expect(denied.statusCode).toBe(403);
    // The revoked account itself, read with and without Stripe-Account: Stripe's permission error, not a 404.
    for (const read of [() => stripe.accounts.retrieve(accountId), () => stripe.accounts.retrieve(accountId, {}, { stripeAccount: accountId })]) {
      const refused = await read().catch((e) => e);
      expect(refused).toBeInstanceOf(Stripe.errors.StripePermissionError);
      expect(refused).toMatchObject({ statusCode: 403, code: "account_invalid" });
      expect(refused.message).toContain(`does not have access to account '${accountId}'`);
    }
    await emu.webhooksIdle();
    const evt = connectHooks.ofType("account.application.deauthorized").find((e) => e.account === accountId)!;
    expect(evt.data.object).toMatchObject({ id: CLIENT_ID, object: "application" });
    const again = await stripe.oauth.deauthorize({ client_id: CLIENT_ID, stripe_user_id: accountId }).catch((e) => e);
    expect(again).toBeInstanceOf(Stripe.errors.StripeOAuthError);
  });
});

describe("charges with Connect", () => {
  it("destination charge: platform charge, transfer to the seller, application fee; refund reverses fee and transfer", async () => {
    const seller = await onboardedAccount();
    const pi = await stripe.paymentIntents.create({
      amount: 10_000,
      currency: "usd",
      payment_method: "pm_card_visa",
      confirm: true,
      allowed_payment_method_types: ["card"],
      application_fee_amount: 1_500,
      transfer_data: { destination: seller.id },
      expand: ["latest_charge"],
    });
    const charge = pi.latest_charge as Stripe.Charge;
    expect(charge.transfer_data?.destination).toBe(seller.id);
    const transfer = await stripe.transfers.retrieve(charge.transfer as string);
    expect(transfer).toMatchObject({ amount: 10_000, destination: seller.id, source_transaction: charge.id });
    const fee = await stripe.applicationFees.retrieve(charge.application_fee as string);
    expect(fee).toMatchObject({ amount: 1_500, account: seller.id, originating_transaction: charge.id });
    const sellerBalance = await stripe.balance.retrieve({}, { stripeAccount: seller.id });
    expect(sellerBalance.available[0].amount).toBe(8_500);
    const platformBalance = await stripe.balance.retrieve();
    expect(platformBalance.available[0].amount).toBeGreaterThan(0);

    const partial = await stripe.refunds.create({ payment_intent: pi.id, amount: 4_000, refund_application_fee: true, reverse_transfer: true });
    expect(partial.transfer_reversal).toMatch(/^trr_/);
    expect((await stripe.applicationFees.retrieve(fee.id)).amount_refunded).toBe(600);
    expect((await stripe.transfers.retrieve(transfer.id)).amount_reversed).toBe(4_000);
    await stripe.refunds.create({ payment_intent: pi.id, refund_application_fee: true, reverse_transfer: true });
    const feeAfter = await stripe.applicationFees.retrieve(fee.id);
    expect(feeAfter).toMatchObject({ amount_refunded: 1_500, refunded: true });
    expect((await stripe.transfers.retrieve(transfer.id)).reversed).toBe(true);
    const feeRefunds = await stripe.applicationFees.listRefunds(fee.id);
    expect(feeRefunds.data.map((r) => r.amount).sort()).toEqual([600, 900]);
    await emu.webhooksIdle();
    expect(platformHooks.ofType("application_fee.refunded").length).toBeGreaterThanOrEqual(2);
    expect(platformHooks.ofType("transfer.reversed").length).toBeGreaterThanOrEqual(2);
  });

  it("direct charge on the connected account with an application fee; refund on the connected account", async () => {
    const seller = await onboardedAccount("standard");
    const opts = { stripeAccount: seller.id };
    const customer = await stripe.customers.create({ email: "buyer@example.com" }, opts);
    const pi = await stripe.paymentIntents.create(
      { amount: 5_000, currency: "usd", customer: customer.id, payment_method: "pm_card_visa", confirm: true, application_fee_amount: 500 },
      opts,
    );
    expect(pi.status).toBe("succeeded");
    await expect(stripe.paymentIntents.retrieve(pi.id)).rejects.toMatchObject({ statusCode: 404 });
    const charge = await stripe.charges.retrieve(pi.latest_charge as string, { expand: ["balance_transaction"] }, opts);
    expect(charge.application).toBe(CLIENT_ID);
    const txn = charge.balance_transaction as Stripe.BalanceTransaction;
    expect(txn.fee_details.map((f) => f.type).sort()).toEqual(["application_fee", "stripe_fee"]);
    const fee = await stripe.applicationFees.retrieve(charge.application_fee as string);
    expect(fee).toMatchObject({ amount: 500, account: seller.id, charge: charge.id });
    const fees = await stripe.applicationFees.list({ charge: charge.id });
    expect(fees.data).toHaveLength(1);
    const refund = await stripe.refunds.create({ charge: charge.id, refund_application_fee: true }, opts);
    expect(refund.status).toBe("succeeded");
    expect((await stripe.applicationFees.retrieve(fee.id)).refunded).toBe(true);
    const noTransfer = await stripe.refunds.create({ charge: charge.id, reverse_transfer: true }, opts).catch((e) => e);
    expect(noTransfer.statusCode).toBe(400);
    await emu.webhooksIdle();
    expect(connectHooks.ofType("charge.refunded").some((e) => e.account === seller.id)).toBe(true);
    expect(connectHooks.ofType("payment_intent.succeeded").some((e) => e.account === seller.id)).toBe(true);
  });

  it("refuses an application fee without a connected account, and an unknown destination", async () => {
    const fee = await stripe.paymentIntents.create({ amount: 1000, currency: "usd", application_fee_amount: 100 }).catch((e) => e);
    expect(fee.param).toBe("application_fee_amount");
    const dest = await stripe.paymentIntents.create({ amount: 1000, currency: "usd", transfer_data: { destination: "acct_nope" } }).catch((e) => e);
    expect(dest.param).toBe("transfer_data[destination]");
  });

  it("separate transfers and reversals", async () => {
    const seller = await onboardedAccount();
    const t = await stripe.transfers.create({ amount: 700, currency: "usd", destination: seller.id, transfer_group: "order_9" });
    const rev = await stripe.transfers.createReversal(t.id, { amount: 200 });
    expect(rev).toMatchObject({ object: "transfer_reversal", amount: 200, transfer: t.id });
    expect((await stripe.transfers.listReversals(t.id)).data).toHaveLength(1);
    expect((await stripe.transfers.list({ destination: seller.id })).data.map((x) => x.id)).toContain(t.id);
  });
});

describe("hosted dashboard", () => {
  it("lists customers, payments, subscriptions, accounts and events", async () => {
    const res = await call(emu, "GET", "/");
    expect(res.status).toBe(200);
    for (const heading of ["Customers", "Payments", "Subscriptions", "Connected accounts", "Events"]) expect(res.text).toContain(heading);
  });

  it("shows amounts in each currency's own minor units (JPY has none, KWD three)", async () => {
    const jpy = await stripe.paymentIntents.create({ amount: 4500, currency: "jpy" });
    const usd = await stripe.paymentIntents.create({ amount: 4500, currency: "usd" });
    const kwd = await stripe.paymentIntents.create({ amount: 1250, currency: "kwd" });
    const text = (await call(emu, "GET", "/")).text;
    const row = (id: string) => text.slice(text.indexOf(id), text.indexOf("</tr>", text.indexOf(id)));
    expect(row(jpy.id)).toContain("4500 JPY");
    expect(row(usd.id)).toContain("45.00 USD");
    expect(row(kwd.id)).toContain("1.250 KWD");
  });
});
