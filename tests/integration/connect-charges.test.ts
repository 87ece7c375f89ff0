import "./support/test-database";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { settleOrder } from "@/lib/orders/settle-order";
import { startCoursePurchase, type PurchaseResult } from "@/lib/orders/start-purchase";
import { salesCsv } from "@/lib/sales/sales-csv";
import { listSellerSales, monthlyTotals } from "@/lib/sales/seller-sales";
import { getPlatformSettings, updatePlatformSettings } from "@/lib/settings/platform-settings";
import { receiveConnectWebhooks, type WebhookReceiver } from "./support/connect-webhooks";
import { makeCourse, makeUser } from "./support/factories";
import { connectSeller, startTestStripe, TEST_PUBLISHABLE_KEY, type TestStripe } from "./support/stripe-emulator";

const CONNECT_SECRET = "whsec_integration_connect_charges";
let stripe: TestStripe;
let receiver: WebhookReceiver;

// Platform events are not delivered here (the return page settles destination orders); connected
// accounts' events go to the real Connect route handler.
beforeAll(async () => {
  stripe = await startTestStripe({ deliverWebhooks: false });
  receiver = await receiveConnectWebhooks(stripe, CONNECT_SECRET);
});
afterAll(async () => {
  await stripe?.close();
  await receiver?.close();
});

let admin: { id: string };
beforeEach(async () => {
  admin ??= await makeUser("admin");
  await updatePlatformSettings(admin.id, { feeBasisPoints: 1000, chargeType: "destination" });
});

async function setChargeType(chargeType: "destination" | "direct") {
  const { feeBasisPoints } = await getPlatformSettings();
  await updatePlatformSettings(admin.id, { feeBasisPoints, chargeType });
}

async function seller(options: { feeBasisPoints?: number; priceMinor?: number } = {}) {
  const user = await makeUser("seller");
  const account = await connectSeller(stripe, user.id);
  const course = await makeCourse(user.id, { priceMinor: options.priceMinor ?? 2500 });
  if (options.feeBasisPoints !== undefined) await db.course.update({ where: { id: course.id }, data: { feeBasisPoints: options.feeBasisPoints } });
  return { user, account, course };
}

function request(course: { id: string; priceMinor: number }, chargeType: "destination" | "direct" = "destination") {
  return { courseId: course.id, expectedAmountMinor: course.priceMinor, expectedCurrency: "usd", expectedChargeType: chargeType };
}

function started(result: PurchaseResult) {
  if (!result.ok) throw new Error(`purchase refused: ${result.message}`);
  return result;
}

/** Stripe.js in the browser: the publishable key, and the seller's account for a direct charge. */
async function confirmAs(clientSecret: string, account?: string, paymentMethod = "pm_card_visa") {
  const id = clientSecret.split("_secret_")[0];
  const res = await fetch(`${stripe.emulator.url}/v1/payment_intents/${id}/confirm`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${TEST_PUBLISHABLE_KEY}`,
      "content-type": "application/x-www-form-urlencoded",
      ...(account ? { "stripe-account": account } : {}),
    },
    body: new URLSearchParams({ client_secret: clientSecret, payment_method: paymentMethod }),
  });
  return { status: res.status, body: await res.json() };
}

/** A read with the platform's secret key, on a connected account when `account` is given. */

describe("destination charges", () => {
  it("charge on the platform, the whole amount transferred to the seller and the fee taken back", async () => {
    const { user, account, course } = await seller({ priceMinor: 2500 });
    const buyer = await makeUser("buyer");
    const purchase = started(await startCoursePurchase(buyer.id, request(course)));
    expect(purchase).toMatchObject({ chargeType: "destination", stripeAccountId: account });
    expect((await confirmAs(purchase.clientSecret)).body.status).toBe("succeeded");
    expect((await settleOrder(buyer.id, purchase.orderId))?.status).toBe("paid");

    const order = await db.order.findUniqueOrThrow({ where: { id: purchase.orderId } });
    expect(order).toMatchObject({ chargeType: "destination", stripeAccountId: account, applicationFeeMinor: 250, status: "paid" });
    expect(order.idempotencyKey).toBe(`order:${order.id}:payment-intent:destination`);

    const intent = await stripe.read(`/v1/payment_intents/${order.stripePaymentIntentId}`);
    expect(intent).toMatchObject({ amount: 2500, application_fee_amount: 250, transfer_data: { destination: account } });
    expect(intent.customer).toBe((await db.user.findUniqueOrThrow({ where: { id: buyer.id } })).stripeCustomerId);
    const charge = await stripe.read(`/v1/charges/${intent.latest_charge}`);
    const transfer = await stripe.read(`/v1/transfers/${charge.transfer}`);
    expect(transfer).toMatchObject({ amount: 2500, destination: account });
    const fee = await stripe.read(`/v1/application_fees/${charge.application_fee}`);
    expect(fee).toMatchObject({ amount: 250, account });
    // Nothing was created on the seller's account but the transfer's payment.
    expect((await stripe.read("/v1/payment_intents?limit=10", account)).data).toHaveLength(0);

    // The seller's sales reconcile with Stripe: gross = intent amount, fee = application fee, net = transfer − fee.
    const [sale] = await listSellerSales(user.id);
    expect(sale).toMatchObject({ grossMinor: intent.amount, feeMinor: fee.amount, refundedMinor: 0, netMinor: transfer.amount - fee.amount });
  });

  it("uses the course's own fee over the platform's", async () => {
    const { course } = await seller({ priceMinor: 4900, feeBasisPoints: 1250 });
    const buyer = await makeUser("buyer");
    const purchase = started(await startCoursePurchase(buyer.id, request(course)));
    const intent = await stripe.read(`/v1/payment_intents/${purchase.clientSecret.split("_secret_")[0]}`);
    expect(intent.application_fee_amount).toBe(613);
  });

  it("a 0 % course sends no application fee at all", async () => {
    const { course } = await seller({ feeBasisPoints: 0 });
    const buyer = await makeUser("buyer");
    const purchase = started(await startCoursePurchase(buyer.id, request(course)));
    const intent = await stripe.read(`/v1/payment_intents/${purchase.clientSecret.split("_secret_")[0]}`);
    expect(intent.application_fee_amount).toBeNull();
    expect((await db.order.findUniqueOrThrow({ where: { id: purchase.orderId } })).applicationFeeMinor).toBe(0);
  });
});

describe("direct charges", () => {
  it("charge on the seller's account with a customer made there once, the fee paid to the platform, fulfilled by the Connect webhook", async () => {
    await setChargeType("direct");
    const { user, account, course } = await seller({ priceMinor: 3000 });
    const other = await makeCourse(user.id, { priceMinor: 1000 });
    const buyer = await makeUser("buyer");

    const purchase = started(await startCoursePurchase(buyer.id, request(course, "direct")));
    expect(purchase).toMatchObject({ chargeType: "direct", stripeAccountId: account });
    // The platform does not know this intent; the seller's account does.
    const intentId = purchase.clientSecret.split("_secret_")[0];
    expect((await stripe.call("GET", `/v1/payment_intents/${intentId}`)).body.error?.code).toBe("resource_missing");
    const intent = await stripe.read(`/v1/payment_intents/${intentId}`, account);
    expect(intent).toMatchObject({ amount: 3000, application_fee_amount: 300, transfer_data: null });

    const stored = await db.connectedCustomer.findUniqueOrThrow({ where: { userId_stripeAccountId: { userId: buyer.id, stripeAccountId: account } } });
    expect(intent.customer).toBe(stored.stripeCustomerId);
    expect((await stripe.read(`/v1/customers/${stored.stripeCustomerId}`, account)).metadata.user_id).toBe(buyer.id);
    expect((await db.user.findUniqueOrThrow({ where: { id: buyer.id } })).stripeCustomerId).toBeNull();

    // No return page: the connected account's payment_intent.succeeded alone fulfils the order.
    expect((await confirmAs(purchase.clientSecret, account)).body.status).toBe("succeeded");
    await stripe.settle();
    const succeeded = receiver.delivered.filter((d) => d.event.type === "payment_intent.succeeded" && d.event.account === account);
    expect(succeeded.map((d) => d.status)).toEqual([200]);
    const order = await db.order.findUniqueOrThrow({ where: { id: purchase.orderId } });
    expect(order).toMatchObject({ status: "paid", chargeType: "direct", stripeAccountId: account, applicationFeeMinor: 300 });
    expect(await db.enrolment.count({ where: { userId: buyer.id, courseId: course.id } })).toBe(1);
    // The return page afterwards reads the intent on the seller's account and changes nothing.
    expect((await settleOrder(buyer.id, order.id))?.status).toBe("paid");

    const charge = await stripe.read(`/v1/charges/${intent.latest_charge ?? (await stripe.read(`/v1/payment_intents/${intentId}`, account)).latest_charge}`, account);
    const fee = await stripe.read(`/v1/application_fees/${charge.application_fee}`);
    expect(fee).toMatchObject({ amount: 300, account });

    // A second purchase from the same seller reuses the customer on that account.
    const second = started(await startCoursePurchase(buyer.id, request(other, "direct")));
    expect((await stripe.read(`/v1/payment_intents/${second.clientSecret.split("_secret_")[0]}`, account)).customer).toBe(stored.stripeCustomerId);
    expect(await db.connectedCustomer.count({ where: { userId: buyer.id } })).toBe(1);
    const customers = await stripe.read("/v1/customers?limit=100", account);
    expect((customers.data as Array<{ metadata: { user_id?: string } }>).filter((c) => c.metadata.user_id === buyer.id)).toHaveLength(1);

    const [sale] = await listSellerSales(user.id);
    expect(sale).toMatchObject({ chargeType: "direct", grossMinor: charge.amount, feeMinor: fee.amount, netMinor: charge.amount - fee.amount });
  });

  it("a direct-charge intent on another account, naming our order in its metadata, does not fulfil it", async () => {
    await setChargeType("direct");
    const { course } = await seller();
    const intruder = await seller();
    const buyer = await makeUser("buyer");
    const purchase = started(await startCoursePurchase(buyer.id, request(course, "direct")));
    const { fulfilOrderFromIntent } = await import("@/lib/orders/fulfil-order");
    const forged = { id: "pi_forged", status: "succeeded", amount: 2500, currency: "usd", metadata: { order_id: purchase.orderId } };
    expect(await fulfilOrderFromIntent(forged, intruder.account)).toBe("mismatch");
    expect(await fulfilOrderFromIntent(forged, null)).toBe("mismatch");
    expect((await db.order.findUniqueOrThrow({ where: { id: purchase.orderId } })).status).toBe("pending");
  });
});

describe("refusals", () => {
  it("a tampered amount or currency is refused before any order or Stripe call", async () => {
    const { course } = await seller({ priceMinor: 2500 });
    const buyer = await makeUser("buyer");
    await stripe.settle(); // the onboarding's account.updated re-reads the account
    await stripe.call("DELETE", "/_emulator/requests");
    expect(await startCoursePurchase(buyer.id, { ...request(course), expectedAmountMinor: 1 })).toMatchObject({ ok: false, reason: "price-changed" });
    expect(await startCoursePurchase(buyer.id, { ...request(course), expectedCurrency: "jpy" })).toMatchObject({ ok: false, reason: "price-changed" });
    expect(await db.order.count({ where: { buyerId: buyer.id } })).toBe(0);
    expect((await stripe.call("GET", "/_emulator/requests?path_prefix=/v1/")).body.data).toHaveLength(0);
  });

  it("buying from a seller whose account cannot take charges is refused", async () => {
    const { user, course } = await seller();
    const buyer = await makeUser("buyer");
    await db.sellerAccount.update({ where: { userId: user.id }, data: { chargesEnabled: false, requirementsDue: '["external_account"]' } });
    expect(await startCoursePurchase(buyer.id, request(course))).toMatchObject({ ok: false, reason: "seller-cannot-sell" });
    await db.sellerAccount.update({ where: { userId: user.id }, data: { chargesEnabled: true, requirementsDue: "[]", disconnectedAt: new Date() } });
    expect(await startCoursePurchase(buyer.id, request(course))).toMatchObject({ ok: false, reason: "seller-cannot-sell" });
    const unconnected = await makeUser("seller");
    const theirs = await makeCourse(unconnected.id);
    expect(await startCoursePurchase(buyer.id, request(theirs))).toMatchObject({ ok: false, reason: "seller-cannot-sell" });
    expect(await db.order.count({ where: { buyerId: buyer.id } })).toBe(0);
  });

  it("a page opened before the charge type changed is asked to reload, and nothing is created", async () => {
    const { course } = await seller();
    const buyer = await makeUser("buyer");
    await setChargeType("direct");
    expect(await startCoursePurchase(buyer.id, request(course, "destination"))).toMatchObject({ ok: false, reason: "charge-changed" });
    expect(await db.order.count({ where: { buyerId: buyer.id } })).toBe(0);
  });
});

describe("a pending order when the admin switches the charge type", () => {
  it("is not charged the old way: its platform intent is canceled and a new order is charged directly", async () => {
    const { account, course } = await seller({ priceMinor: 2500 });
    const buyer = await makeUser("buyer");
    const old = started(await startCoursePurchase(buyer.id, request(course, "destination")));
    const oldOrder = await db.order.findUniqueOrThrow({ where: { id: old.orderId } });

    await setChargeType("direct");
    const fresh = started(await startCoursePurchase(buyer.id, request(course, "direct")));
    expect(fresh.orderId).not.toBe(old.orderId);
    const newOrder = await db.order.findUniqueOrThrow({ where: { id: fresh.orderId } });
    expect(newOrder).toMatchObject({ status: "pending", chargeType: "direct", stripeAccountId: account });
    expect(newOrder.idempotencyKey).not.toBe(oldOrder.idempotencyKey);
    expect(await db.order.findUniqueOrThrow({ where: { id: old.orderId } })).toMatchObject({ status: "canceled", pendingKey: null });
    expect((await stripe.read(`/v1/payment_intents/${oldOrder.stripePaymentIntentId}`)).status).toBe("canceled");

    // The old page's intent can no longer be paid; the new one is paid on the seller's account.
    expect((await confirmAs(old.clientSecret)).status).toBe(400);
    expect((await confirmAs(fresh.clientSecret, account)).body.status).toBe("succeeded");
    expect((await settleOrder(buyer.id, fresh.orderId))?.status).toBe("paid");
    expect(await db.enrolment.count({ where: { userId: buyer.id, courseId: course.id } })).toBe(1);
  });

  it("an old pending order already paid (on another tab) is fulfilled, not replaced", async () => {
    const { course } = await seller();
    const buyer = await makeUser("buyer");
    const old = started(await startCoursePurchase(buyer.id, request(course, "destination")));
    await confirmAs(old.clientSecret);
    await setChargeType("direct");
    expect(await startCoursePurchase(buyer.id, request(course, "direct"))).toMatchObject({ ok: false, reason: "already-owned" });
    expect(await db.order.findUniqueOrThrow({ where: { id: old.orderId } })).toMatchObject({ status: "paid", chargeType: "destination" });
    expect(await db.order.count({ where: { buyerId: buyer.id } })).toBe(1);
  });
});

describe("platform settings", () => {
  it("default from configuration until saved; each change is audited with who, before and after", async () => {
    const other = await makeUser("admin");
    await updatePlatformSettings(other.id, { feeBasisPoints: 1250, chargeType: "direct" });
    expect(await getPlatformSettings()).toMatchObject({ feeBasisPoints: 1250, chargeType: "direct", saved: true });
    expect(await updatePlatformSettings(other.id, { feeBasisPoints: 1250, chargeType: "direct" })).toBe(false);
    const entries = await db.auditLog.findMany({ where: { actorId: other.id } });
    expect(entries).toHaveLength(1);
    expect(JSON.parse(entries[0].details)).toEqual({
      before: { feeBasisPoints: 1000, chargeType: "destination", fromConfiguration: false },
      after: { feeBasisPoints: 1250, chargeType: "direct" },
    });
  });
});

describe("seller sales", () => {
  it("lists only the seller's own paid sales, nets out refunds, totals per month and exports safe CSV", async () => {
    const { user, course } = await seller({ priceMinor: 2000 });
    const buyer = await makeUser("buyer");
    await db.user.update({ where: { id: buyer.id }, data: { name: '=HYPERLINK("http://evil.example","x")' } });
    const purchase = started(await startCoursePurchase(buyer.id, request(course)));
    await confirmAs(purchase.clientSecret);
    await settleOrder(buyer.id, purchase.orderId);
    const pendingBuyer = await makeUser("buyer");
    started(await startCoursePurchase(pendingBuyer.id, request(course)));
    // A refund of 500 with 50 of the fee given back (as issue 6 will record it).
    await db.order.update({ where: { id: purchase.orderId }, data: { refundedMinor: 500, feeRefundedMinor: 50 } });

    const sales = await listSellerSales(user.id);
    expect(sales).toHaveLength(1);
    expect(sales[0]).toMatchObject({ grossMinor: 2000, feeMinor: 200, refundedMinor: 500, netMinor: 2000 - 500 - (200 - 50) });
    expect(await listSellerSales((await makeUser("seller")).id)).toEqual([]);
    expect(monthlyTotals(sales)).toEqual([
      expect.objectContaining({ count: 1, grossMinor: 2000, feeMinor: 200, feeRefundedMinor: 50, refundedMinor: 500, disputedMinor: 0, netMinor: 1350 }),
    ]);
    const csv = salesCsv(sales);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(csv).toContain(",1,20.00,2.00,0.50,5.00,0.00,13.50\r\n");
    expect(csv).not.toContain(buyer.email);
  });
});

describe("Stripe API calls per charge type (from the emulator's request log)", () => {
  async function callsDuring(action: () => Promise<void>) {
    await stripe.settle();
    await stripe.call("DELETE", "/_emulator/requests");
    await action();
    await stripe.settle();
    const log = await stripe.call("GET", "/_emulator/requests?path_prefix=/v1/");
    return (log.body.data as Array<{ method: string; path: string; account?: string | null }>).map(
      (r) => `${r.method} ${r.path.replace(/\/(cus|pi|pm)_[A-Za-z0-9]+/g, "/$1_…")}${r.account ? " (seller's account)" : ""}`,
    );
  }

  it("destination: customer, intent, confirm, return-page read on the platform; direct: the same on the seller's account", async () => {
    const buyTwice = (chargeType: "destination" | "direct") => async () => {
      const { course } = await seller();
      const buyer = await makeUser("buyer");
      await stripe.settle();
      await stripe.call("DELETE", "/_emulator/requests");
      const purchase = started(await startCoursePurchase(buyer.id, request(course, chargeType)));
      await confirmAs(purchase.clientSecret, chargeType === "direct" ? purchase.stripeAccountId : undefined);
      await settleOrder(buyer.id, purchase.orderId);
    };
    const destination = await callsDuring(buyTwice("destination"));
    await setChargeType("direct");
    const direct = await callsDuring(buyTwice("direct"));
    expect(destination).toEqual([
      "POST /v1/customers",
      "POST /v1/payment_intents",
      "POST /v1/payment_intents/pi_…/confirm",
      "GET /v1/payment_intents/pi_…",
    ]);
    expect(direct).toEqual([
      "POST /v1/customers (seller's account)",
      "POST /v1/payment_intents (seller's account)",
      "POST /v1/payment_intents/pi_…/confirm (seller's account)",
      "GET /v1/payment_intents/pi_… (seller's account)",
    ]);
  });
});
