import "./support/test-database";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as platformWebhook } from "@/app/api/stripe/webhook/route";
import { db } from "@/lib/db";
import { handleChargeRefunded } from "@/lib/stripe-events/handlers/charge-refunded";
import { handleRefundChanged } from "@/lib/stripe-events/handlers/refund-changed";
import { refundIdempotencyKey, refundOrder } from "@/lib/refunds/refund-order";
import { listSellerSales } from "@/lib/sales/seller-sales";
import { receiveAllWebhooks, signedWebhookRequest, type DeliveredEvent, type WebhookReceiver } from "./support/connect-webhooks";
import { makeUser } from "./support/factories";
import { buyPaidCourse } from "./support/paid-order";
import { startTestStripe, TEST_WEBHOOK_SECRET, type TestStripe } from "./support/stripe-emulator";
import { signInAs } from "./support/signed-in";

vi.mock("@/lib/auth/current-user", () => import("./support/signed-in"));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const CONNECT_SECRET = "whsec_integration_refunds_connect";
let stripe: TestStripe;
let receiver: WebhookReceiver;
let deliveries: DeliveredEvent[];

beforeAll(async () => {
  stripe = await startTestStripe({ deliverWebhooks: false });
  receiver = await receiveAllWebhooks(stripe, CONNECT_SECRET);
  deliveries = receiver.delivered;
});
afterAll(async () => {
  await stripe?.close();
  await receiver?.close();
});

let admin: { id: string; email: string; name: string };
beforeEach(async () => {
  admin ??= await makeUser("admin");
  signInAs(null);
});


/** A paid order of 25.00 with a 10 % fee, by destination or direct charge. */
async function paidOrder(chargeType: "destination" | "direct") {
  const { seller, buyer, course, account, orderId, intentId, intent, onAccount } = await buyPaidCourse(stripe, admin.id, chargeType);
  const order = await db.order.findUniqueOrThrow({ where: { id: orderId } });
  expect(order.status).toBe("paid");
  return { seller, buyer, course, account, order, intentId, chargeId: intent.latest_charge as string, onAccount };
}

function refund(orderId: string, amount: string, formToken = randomUUID()) {
  return refundOrder(admin.id, { orderId, formToken, amount, reason: "requested_by_customer", note: "" });
}

describe("destination charges", () => {
  it("a partial then a full refund: fee refunded and transfer reversed in proportion, access withdrawn at the end", async () => {
    const { seller, buyer, course, order, chargeId } = await paidOrder("destination");
    expect(await refund(order.id, "10.00")).toEqual({ ok: true, message: "Refunded $10.00." });

    const charge = await stripe.read(`/v1/charges/${chargeId}`);
    expect(charge.amount_refunded).toBe(1000);
    expect((await stripe.read(`/v1/application_fees/${charge.application_fee}`)).amount_refunded).toBe(100);
    expect((await stripe.read(`/v1/transfers/${charge.transfer}`)).amount_reversed).toBe(1000);
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: "paid", refundedMinor: 1000, feeRefundedMinor: 100 });
    expect(await db.enrolment.count({ where: { userId: buyer.id, courseId: course.id } })).toBe(1);

    expect((await refund(order.id, "15")).ok).toBe(true);
    await stripe.settle();
    const after = await stripe.read(`/v1/charges/${chargeId}`);
    expect(after).toMatchObject({ amount_refunded: 2500, refunded: true });
    expect((await stripe.read(`/v1/application_fees/${charge.application_fee}`)).amount_refunded).toBe(250);
    expect((await stripe.read(`/v1/transfers/${charge.transfer}`)).amount_reversed).toBe(2500);
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: "refunded", refundedMinor: 2500, feeRefundedMinor: 250 });
    expect(await db.enrolment.count({ where: { userId: buyer.id, courseId: course.id } })).toBe(0);

    const [sale] = await listSellerSales(seller.id);
    expect(sale).toMatchObject({ refundedMinor: 2500, netMinor: 0 });
    // Every refund event on the platform endpoint was handled.
    const refundEvents = deliveries.filter((d) => ["refund.created", "charge.refunded"].includes(d.type) && d.endpoint === "platform");
    expect(refundEvents.length).toBeGreaterThanOrEqual(4);
    expect(refundEvents.every((d) => d.status === 200)).toBe(true);
  });

  it.each(["destination", "direct"] as const)("the Stripe calls of one %s refund: the refund with its key, then the charge and the fee read back by the action and each refund event", async (chargeType) => {
    const { order } = await paidOrder(chargeType);
    await stripe.call("DELETE", "/_emulator/requests");
    const formToken = randomUUID();
    await refund(order.id, "25.00", formToken);
    await stripe.settle();
    const request = await db.refundRequest.findUniqueOrThrow({ where: { formToken } });
    const log = (await stripe.call("GET", "/_emulator/requests?path_prefix=/v1/")).body.data as Array<{ method: string; path: string; account?: string | null; idempotency_key?: string | null }>;
    const seller = chargeType === "direct" ? " (seller's account)" : "";
    const calls = log.map((r) => `${r.method} ${r.path.replace(/_[A-Za-z0-9]+$/, "_…")}${r.account ? " (seller's account)" : ""}`);
    expect(calls[0]).toBe(`POST /v1/refunds${seller}`);
    // The action and each of refund.created and charge.refunded re-read the charge (where it lives)
    // and the application fee (always the platform's, also for a direct charge); the webhooks'
    // reads interleave with the action's.
    const reread = [`GET /v1/charges/ch_…${seller}`, "GET /v1/application_fees/fee_…"];
    expect(calls.slice(1).sort()).toEqual([...reread, ...reread, ...reread].sort());
    expect(log[0].idempotency_key).toBe(refundIdempotencyKey(request.id));
  });
});

describe("direct charges", () => {
  it("refunded on the seller's account with the fee refunded, partly then in full", async () => {
    const { buyer, course, order, chargeId, account } = await paidOrder("direct");
    expect((await refund(order.id, "5.00")).ok).toBe(true);
    const charge = await stripe.read(`/v1/charges/${chargeId}`, account);
    expect(charge.amount_refunded).toBe(500);
    expect((await stripe.read(`/v1/application_fees/${charge.application_fee}`)).amount_refunded).toBe(50);
    const refunds = await stripe.read(`/v1/refunds?payment_intent=${order.stripePaymentIntentId}`, account);
    expect(refunds.data).toHaveLength(1);
    expect(refunds.data[0].metadata).toMatchObject({ order_id: order.id });
    // The platform has no such refund: it was made on the seller's account.
    expect((await stripe.read(`/v1/refunds?payment_intent=${order.stripePaymentIntentId}`)).data ?? []).toHaveLength(0);
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: "paid", refundedMinor: 500, feeRefundedMinor: 50 });

    expect((await refund(order.id, "20.00")).ok).toBe(true);
    await stripe.settle();
    expect((await stripe.read(`/v1/application_fees/${charge.application_fee}`)).amount_refunded).toBe(250);
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: "refunded", refundedMinor: 2500, feeRefundedMinor: 250 });
    expect(await db.enrolment.count({ where: { userId: buyer.id, courseId: course.id } })).toBe(0);
    const connectEvents = deliveries.filter((d) => d.endpoint === "connect" && ["refund.created", "charge.refunded"].includes(d.type));
    expect(connectEvents.length).toBeGreaterThanOrEqual(4);
    expect(connectEvents.every((d) => d.status === 200)).toBe(true);
  });
});

describe("refusals and repeats", () => {
  it("the same request sent twice, even at once, refunds once", async () => {
    const { order } = await paidOrder("destination");
    const formToken = randomUUID();
    const results = await Promise.all([refund(order.id, "10.00", formToken), refund(order.id, "10.00", formToken)]);
    expect(results.some((r) => r.ok)).toBe(true);
    const again = await refund(order.id, "10.00", formToken);
    expect(again).toEqual({ ok: true, message: "This refund of $10.00 was already made." });
    expect((await stripe.read(`/v1/refunds?payment_intent=${order.stripePaymentIntentId}`)).data).toHaveLength(1);
    expect(await db.refundRequest.count({ where: { orderId: order.id } })).toBe(1);
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).refundedMinor).toBe(1000);
  });

  it("more than is left is refused with the amount left, before any Stripe call", async () => {
    const { order } = await paidOrder("destination");
    expect((await refund(order.id, "20.00")).ok).toBe(true);
    await stripe.settle();
    await stripe.call("DELETE", "/_emulator/requests");
    expect(await refund(order.id, "5.01")).toEqual({ ok: false, field: "amount", message: "That is more than is left to refund: at most $5.00." });
    expect(await refund(order.id, "0")).toMatchObject({ ok: false, field: "amount" });
    expect(await refund(order.id, "1.001")).toMatchObject({ ok: false, field: "amount" });
    expect((await stripe.call("GET", "/_emulator/requests?path_prefix=/v1/")).body.data).toHaveLength(0);
    expect(await db.refundRequest.count({ where: { orderId: order.id } })).toBe(1);
  });

  it("a refunded or unpaid order cannot be refunded", async () => {
    const { order } = await paidOrder("destination");
    expect((await refund(order.id, "25.00")).ok).toBe(true);
    expect(await refund(order.id, "1.00")).toEqual({ ok: false, message: "This order has already been refunded in full." });
    expect(await refund("no-such-order", "1.00")).toEqual({ ok: false, message: "That order no longer exists." });
  });
});

describe("refund webhooks", () => {
  it("are idempotent and safe out of order: an old event re-reads Stripe and never lowers the totals", async () => {
    const { order } = await paidOrder("destination");
    await refund(order.id, "5.00");
    await refund(order.id, "5.00");
    await stripe.settle();
    const stored = await db.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(stored).toMatchObject({ refundedMinor: 1000, feeRefundedMinor: 100, status: "paid" });

    const events = (await stripe.read(`/v1/events?type=refund.created&limit=100`)).data as any[];
    const first = events.filter((e) => e.data.object.payment_intent === order.stripePaymentIntentId).at(-1);
    const refundedEvents = (await stripe.read(`/v1/events?type=charge.refunded&limit=100`)).data as any[];
    const firstRefunded = refundedEvents.filter((e) => e.data.object.payment_intent === order.stripePaymentIntentId).at(-1);
    expect(firstRefunded.data.object.amount_refunded).toBe(500);
    // The first refund's events handled again, late: nothing changes.
    await handleRefundChanged(first);
    await handleChargeRefunded(firstRefunded);
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ refundedMinor: 1000, feeRefundedMinor: 100, status: "paid" });

    // The same delivery again through the endpoint is a duplicate, answered 200.
    const response = await platformWebhook(signedWebhookRequest(JSON.stringify(firstRefunded), TEST_WEBHOOK_SECRET));
    expect(await response.json()).toEqual({ received: true, outcome: "duplicate" });
  });

  it("a refund made outside the app (Stripe's dashboard) is recorded from its events", async () => {
    const { order, buyer, course } = await paidOrder("destination");
    await stripe.call("POST", "/v1/refunds", { payment_intent: order.stripePaymentIntentId!, refund_application_fee: "true", reverse_transfer: "true" });
    await stripe.settle();
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: "refunded", refundedMinor: 2500, feeRefundedMinor: 250 });
    expect(await db.enrolment.count({ where: { userId: buyer.id, courseId: course.id } })).toBe(0);
  });
});

describe("the refund action", () => {
  async function submit(orderId: string, amount: string) {
    const { refundOrderAction } = await import("@/app/admin/orders/[orderId]/actions");
    const form = new FormData();
    form.set("orderId", orderId);
    form.set("formToken", randomUUID());
    form.set("amount", amount);
    form.set("reason", "requested_by_customer");
    return refundOrderAction(undefined, form);
  }

  it("a non-admin's call changes nothing; an admin's is audited", async () => {
    const { order, buyer, seller } = await paidOrder("destination");
    await stripe.call("DELETE", "/_emulator/requests");
    for (const user of [buyer, seller, null]) {
      signInAs(user);
      expect((await submit(order.id, "25.00")).error).toMatch(/not allowed|log in/);
    }
    expect((await stripe.call("GET", "/_emulator/requests?path_prefix=/v1/")).body.data).toHaveLength(0);
    expect(await db.refundRequest.count({ where: { orderId: order.id } })).toBe(0);

    signInAs({ ...admin, role: "admin" });
    expect(await submit(order.id, "abc")).toMatchObject({ fieldErrors: { amount: ["Enter the amount as a number, like 12.50."] } });
    expect(await submit(order.id, "25.00")).toMatchObject({ ok: true, message: "Refunded $25.00." });
    const audit = await db.auditLog.findMany({ where: { actorId: admin.id, action: { startsWith: "order.refund" } }, orderBy: { createdAt: "asc" } });
    const forOrder = audit.filter((entry) => JSON.parse(entry.details).orderId === order.id);
    expect(forOrder.map((entry) => entry.action)).toEqual(["order.refund_requested", "order.refunded"]);
  });
});
