import "./support/test-database";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { settleOrder } from "@/lib/orders/settle-order";
import { startCoursePurchase, type PurchaseResult } from "@/lib/orders/start-purchase";
import { makeCourse, makeUser } from "./support/factories";
import { confirmInBrowser, connectSeller, startTestStripe, type TestStripe } from "./support/stripe-emulator";

let stripe: TestStripe;
beforeAll(async () => {
  stripe = await startTestStripe();
});
afterAll(async () => {
  await stripe?.close();
});

async function setup(price = 2500) {
  const seller = await makeUser("seller");
  await connectSeller(stripe, seller.id);
  const buyer = await makeUser("buyer");
  const course = await makeCourse(seller.id, { priceMinor: price });
  return {
    seller,
    buyer,
    course,
    request: { courseId: course.id, expectedAmountMinor: price, expectedCurrency: "usd", expectedChargeType: "destination" as const },
  };
}

function started(result: PurchaseResult) {
  if (!result.ok) throw new Error(`purchase refused: ${result.message}`);
  return result;
}

async function requests(pathPrefix: string, method = "POST") {
  const log = await stripe.call("GET", `/_emulator/requests?path_prefix=${encodeURIComponent(pathPrefix)}`);
  return (log.body.data as Array<{ method: string; path: string }>).filter((r) => r.method === method);
}

describe("buying a course", () => {
  it("first and repeat purchases reuse one Stripe customer, created once", async () => {
    const { seller, buyer, request } = await setup();
    const first = started(await startCoursePurchase(buyer.id, request));
    const customerId = (await db.user.findUniqueOrThrow({ where: { id: buyer.id } })).stripeCustomerId;
    expect(customerId).toMatch(/^cus_/);

    const second = await makeCourse(seller.id, { priceMinor: 900 });
    const repeat = started(await startCoursePurchase(buyer.id, { courseId: second.id, expectedAmountMinor: 900, expectedCurrency: "usd", expectedChargeType: "destination" }));
    expect(repeat.orderId).not.toBe(first.orderId);

    const orders = await db.order.findMany({ where: { buyerId: buyer.id }, select: { stripePaymentIntentId: true } });
    for (const order of orders) {
      const intent = await stripe.call("GET", `/v1/payment_intents/${order.stripePaymentIntentId}`);
      expect(intent.body.customer).toBe(customerId);
    }
    const customers = await stripe.call("GET", `/v1/customers?limit=100`);
    expect((customers.body.data as Array<{ metadata: { user_id?: string } }>).filter((c) => c.metadata.user_id === buyer.id)).toHaveLength(1);
  });

  it("a retried or doubled create returns the same order and the same intent", async () => {
    const { buyer, request } = await setup();
    const [a, b] = await Promise.all([startCoursePurchase(buyer.id, request), startCoursePurchase(buyer.id, request)]);
    const again = await startCoursePurchase(buyer.id, request);
    expect(started(a).orderId).toBe(started(b).orderId);
    expect(started(again).clientSecret).toBe(started(a).clientSecret);
    expect(await db.order.count({ where: { buyerId: buyer.id } })).toBe(1);
    const intents = await stripe.call("GET", `/v1/payment_intents?limit=100&customer=${(await db.user.findUniqueOrThrow({ where: { id: buyer.id } })).stripeCustomerId}`);
    expect(intents.body.data).toHaveLength(1);
  });

  it("the intent's idempotency key is the order's: a retry after a Stripe failure makes no second intent", async () => {
    const { buyer, request } = await setup();
    await stripe.call("POST", "/_emulator/faults", { kind: "500", method: "POST", path: "/v1/payment_intents", count: "3" });
    const failed = await startCoursePurchase(buyer.id, request);
    expect(failed).toMatchObject({ ok: false, reason: "stripe-unavailable" });
    const order = await db.order.findFirstOrThrow({ where: { buyerId: buyer.id } });
    expect(order).toMatchObject({ status: "pending", stripePaymentIntentId: null });

    const retried = started(await startCoursePurchase(buyer.id, request));
    expect(retried.orderId).toBe(order.id);
    const posts = (await requests("/v1/payment_intents")).filter((r) => r.path === "/v1/payment_intents") as Array<{ idempotency_key?: string }>;
    const keys = new Set(posts.map((r) => r.idempotency_key).filter((k) => k?.startsWith(`order:${order.id}`)));
    expect([...keys]).toEqual([order.idempotencyKey]);
  });

  it("refuses an unpublished course, one's own course, a changed price and a course already owned", async () => {
    const { seller, buyer, course, request } = await setup();
    expect(await startCoursePurchase(seller.id, request)).toMatchObject({ ok: false, reason: "own-course" });
    expect(await startCoursePurchase(buyer.id, { ...request, expectedAmountMinor: 1 })).toMatchObject({ ok: false, reason: "price-changed" });
    expect(await startCoursePurchase(buyer.id, { ...request, expectedCurrency: "jpy" })).toMatchObject({ ok: false, reason: "price-changed" });
    const draft = await makeCourse(seller.id, { published: false });
    expect(await startCoursePurchase(buyer.id, { ...request, courseId: draft.id })).toMatchObject({ ok: false, reason: "not-for-sale" });
    expect(await startCoursePurchase(buyer.id, { ...request, courseId: "nope" })).toMatchObject({ ok: false, reason: "not-for-sale" });
    expect(await db.order.count({ where: { buyerId: { in: [buyer.id, seller.id] } } })).toBe(0);

    const paid = started(await startCoursePurchase(buyer.id, request));
    expect((await confirmInBrowser(stripe, paid.clientSecret)).body.status).toBe("succeeded");
    await settleOrder(buyer.id, paid.orderId);
    expect(await startCoursePurchase(buyer.id, request)).toMatchObject({ ok: false, reason: "already-owned" });
    expect(await db.enrolment.count({ where: { userId: buyer.id, courseId: course.id } })).toBe(1);
  });

  it("a price change releases the old pending order and charges the new price", async () => {
    const { buyer, course, request } = await setup(2500);
    const first = started(await startCoursePurchase(buyer.id, request));
    await db.course.update({ where: { id: course.id }, data: { priceMinor: 3000 } });
    const second = started(await startCoursePurchase(buyer.id, { ...request, expectedAmountMinor: 3000 }));
    expect(second.orderId).not.toBe(first.orderId);
    expect((await db.order.findUniqueOrThrow({ where: { id: first.orderId } })).status).toBe("canceled");
    const intent = await stripe.call("GET", `/v1/payment_intents/${second.clientSecret.split("_secret_")[0]}`);
    expect(intent.body.amount).toBe(3000);
  });
});

describe("fulfilment", () => {
  it("webhook and return page together enrol the buyer exactly once", async () => {
    const { buyer, course, request } = await setup();
    const purchase = started(await startCoursePurchase(buyer.id, request));
    await confirmInBrowser(stripe, purchase.clientSecret);
    const [a, b] = await Promise.all([settleOrder(buyer.id, purchase.orderId), settleOrder(buyer.id, purchase.orderId)]);
    await stripe.settle();
    expect(a?.status).toBe("paid");
    expect(b?.status).toBe("paid");
    expect(await db.enrolment.count({ where: { userId: buyer.id, courseId: course.id } })).toBe(1);
    expect((await db.order.findUniqueOrThrow({ where: { id: purchase.orderId } })).pendingKey).toBeNull();
  });

  it("the webhook alone fulfils when the buyer closed the tab", async () => {
    const { buyer, course, request } = await setup();
    const purchase = started(await startCoursePurchase(buyer.id, request));
    await confirmInBrowser(stripe, purchase.clientSecret);
    await stripe.settle();
    expect((await db.order.findUniqueOrThrow({ where: { id: purchase.orderId } })).status).toBe("paid");
    expect(await db.enrolment.count({ where: { userId: buyer.id, courseId: course.id } })).toBe(1);
  });

  it("a declined card leaves the order payable with the reason, and another card pays it", async () => {
    const { buyer, request } = await setup();
    const purchase = started(await startCoursePurchase(buyer.id, request));
    const declined = await confirmInBrowser(stripe, purchase.clientSecret, "pm_card_chargeDeclined");
    expect(declined.body.error.code).toBe("card_declined");
    await stripe.settle();
    const order = await db.order.findUniqueOrThrow({ where: { id: purchase.orderId } });
    expect(order).toMatchObject({ status: "pending", lastPaymentError: "Your card was declined." });
    const retry = started(await startCoursePurchase(buyer.id, request));
    expect(retry.clientSecret).toBe(purchase.clientSecret);
    await confirmInBrowser(stripe, retry.clientSecret);
    await stripe.settle();
    expect((await db.order.findUniqueOrThrow({ where: { id: purchase.orderId } })).status).toBe("paid");
  });
});

describe("Stripe API calls per purchase (from the emulator's request log)", () => {
  async function callsDuring(action: () => Promise<void>) {
    await stripe.settle();
    await stripe.call("DELETE", "/_emulator/requests");
    await action();
    await stripe.settle();
    const log = await stripe.call("GET", "/_emulator/requests?path_prefix=/v1/");
    return (log.body.data as Array<{ method: string; path: string }>).map((r) => `${r.method} ${r.path.replace(/\/(cus|pi|pm)_[A-Za-z0-9]+/g, "/$1_…")}`);
  }

  it("first purchase: customer, intent, confirm, return-page read; repeat purchase: no customer call", async () => {
    const { seller, buyer, request } = await setup();
    const buy = (courseRequest: typeof request) => async () => {
      const purchase = started(await startCoursePurchase(buyer.id, courseRequest));
      await confirmInBrowser(stripe, purchase.clientSecret);
      await settleOrder(buyer.id, purchase.orderId);
    };
    const first = await callsDuring(buy(request));
    const other = await makeCourse(seller.id, { priceMinor: 900 });
    const repeat = await callsDuring(buy({ courseId: other.id, expectedAmountMinor: 900, expectedCurrency: "usd", expectedChargeType: "destination" }));
    expect(first).toEqual([
      "POST /v1/customers",
      "POST /v1/payment_intents",
      "POST /v1/payment_intents/pi_…/confirm",
      "GET /v1/payment_intents/pi_…",
    ]);
    expect(repeat).toEqual(["POST /v1/payment_intents", "POST /v1/payment_intents/pi_…/confirm", "GET /v1/payment_intents/pi_…"]);
  });
});
