import "./support/test-database";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as connectWebhook } from "@/app/api/stripe/connect-webhook/route";
import { POST as platformWebhook } from "@/app/api/stripe/webhook/route";
import { db } from "@/lib/db";
import { courseAccess, listLibrary } from "@/lib/membership/course-access";
import { listBuyerOrders } from "@/lib/orders/buyer-orders";
import { orderStatusLabel } from "@/lib/orders/order-status";
import { handleChargeDisputeChanged } from "@/lib/stripe-events/handlers/charge-dispute-changed";
import { refundOrder } from "@/lib/refunds/refund-order";
import { resyncOrder } from "@/lib/resync/resync-order";
import { listSellerSales } from "@/lib/sales/seller-sales";
import { receiveAllWebhooks, signedWebhookRequest, type DeliveredEvent, type WebhookReceiver } from "./support/connect-webhooks";
import { makeUser } from "./support/factories";
import { buyPaidCourse } from "./support/paid-order";
import { startTestStripe, TEST_WEBHOOK_SECRET, type TestStripe } from "./support/stripe-emulator";

const CONNECT_SECRET = "whsec_integration_disputes_connect";
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

let admin: { id: string };
beforeEach(async () => {
  admin ??= await makeUser("admin");
});


/** A paid order of 25.00 by destination or direct charge, with the given card. */
async function paidOrder(chargeType: "destination" | "direct", paymentMethod = "pm_card_visa") {
  const { seller, buyer, course, account, orderId, intentId, intent, onAccount } = await buyPaidCourse(stripe, admin.id, chargeType, paymentMethod);
  return { seller, buyer, course, account, orderId, intentId, chargeId: intent.latest_charge as string, onAccount };
}

async function openDispute(chargeId: string, form: Record<string, string> = {}) {
  const opened = await stripe.call("POST", "/_emulator/disputes", { charge: chargeId, ...form });
  expect(opened.status).toBe(200);
  await stripe.settle();
  return opened.body.id as string;
}

async function resolve(disputeId: string, outcome: "won" | "lost") {
  const resolved = await stripe.call("POST", `/_emulator/disputes/${disputeId}/resolve`, { outcome });
  expect(resolved.status).toBe(200);
  await stripe.settle();
  return resolved.body;
}

async function state(orderId: string) {
  const order = await db.order.findUniqueOrThrow({ where: { id: orderId }, include: { enrolment: true } });
  const access = await courseAccess(order.buyerId, order.courseId);
  return { status: order.status, disputeStatus: order.disputeStatus, enrolled: !!order.enrolment, frozen: !!order.enrolment?.frozenAt, access: access.purchased, onHold: access.onHold, label: orderStatusLabel(order) };
}

/** The events Stripe sent for one dispute, by type (from the emulator's event list, on the dispute's account). */
async function disputeEvents(disputeId: string, account?: string) {
  const events = (await stripe.read(`/v1/events?limit=100`, account)).data as any[];
  return events.filter((e) => e.type.startsWith("charge.dispute.") && e.data.object.id === disputeId);
}

describe("disputes on destination charges (platform endpoint)", () => {
  it("a payment made with the dispute card is frozen by charge.dispute.created; winning restores access", async () => {
    const { orderId, buyer, intentId } = await paidOrder("destination", "pm_card_createDispute");
    const dispute = (await stripe.read(`/v1/disputes?payment_intent=${intentId}`)).data[0];
    expect(dispute.status).toBe("needs_response");
    const created = deliveries.find((d) => d.type === "charge.dispute.created" && d.objectId === dispute.id);
    expect(created).toMatchObject({ endpoint: "platform", status: 200, account: null });

    expect(await state(orderId)).toEqual({ status: "paid", disputeStatus: "open", enrolled: true, frozen: true, access: false, onHold: true, label: "Disputed" });
    const library = await listLibrary(buyer.id);
    expect(library.purchased.map((e) => !!e.frozenAt)).toEqual([true]);
    expect((await listBuyerOrders(buyer.id)).map(orderStatusLabel)).toEqual(["Disputed"]);

    await resolve(dispute.id, "won");
    expect(deliveries.find((d) => d.type === "charge.dispute.closed" && d.objectId === dispute.id)).toMatchObject({ endpoint: "platform", status: 200 });
    expect(await state(orderId)).toEqual({ status: "paid", disputeStatus: "won", enrolled: true, frozen: false, access: true, onHold: false, label: "Paid · dispute won" });
  });

  it("losing withdraws access", async () => {
    const { orderId, chargeId } = await paidOrder("destination");
    expect((await state(orderId)).access).toBe(true);
    const disputeId = await openDispute(chargeId);
    expect((await state(orderId)).frozen).toBe(true);
    await resolve(disputeId, "lost");
    expect(await state(orderId)).toEqual({ status: "paid", disputeStatus: "lost", enrolled: false, frozen: false, access: false, onHold: false, label: "Dispute lost" });

    // The platform bears a lost dispute on a destination charge: the seller's net stands.
    const order = await db.order.findUniqueOrThrow({ where: { id: orderId } });
    expect(order.disputeAmountMinor).toBe(order.amountMinor);
    const sale = (await listSellerSales(order.sellerId)).find((entry) => entry.orderId === orderId);
    expect(order.disputeWithdrawnMinor, "Stripe withdrew it from the platform").toBe(order.amountMinor);
    expect(sale).toMatchObject({ disputedMinor: 0, netMinor: order.amountMinor - (order.applicationFeeMinor ?? 0) });
  });

  it("duplicated and reordered dispute events leave the final state: they re-read the dispute from Stripe", async () => {
    const { orderId, chargeId } = await paidOrder("destination");
    const disputeId = await openDispute(chargeId);
    await resolve(disputeId, "lost");
    const events = await disputeEvents(disputeId);
    const created = events.find((e) => e.type === "charge.dispute.created");
    const closed = events.find((e) => e.type === "charge.dispute.closed");
    expect(created && closed).toBeTruthy();

    // Late and repeated: the created event still carries status needs_response, but changes nothing.
    await handleChargeDisputeChanged(created);
    await handleChargeDisputeChanged(closed);
    await handleChargeDisputeChanged(created);
    expect(await state(orderId)).toMatchObject({ disputeStatus: "lost", enrolled: false });

    // A repeat delivery through the endpoint is a duplicate.
    const response = await platformWebhook(signedWebhookRequest(JSON.stringify(created), TEST_WEBHOOK_SECRET));
    expect(await response.json()).toEqual({ received: true, outcome: "duplicate" });
  });

  it("closed (won) handled before created: access stays open and is never frozen afterwards", async () => {
    const { orderId, chargeId } = await paidOrder("destination");
    const disputeId = await openDispute(chargeId);
    await resolve(disputeId, "won");
    const events = await disputeEvents(disputeId);
    // As if neither had arrived yet: the order before any dispute, then closed first, created last.
    await db.order.update({ where: { id: orderId }, data: { disputeStatus: null, stripeDisputeId: null } });
    await db.enrolment.updateMany({ where: { orderId }, data: { frozenAt: null } });
    await handleChargeDisputeChanged(events.find((e) => e.type === "charge.dispute.closed"));
    await handleChargeDisputeChanged(events.find((e) => e.type === "charge.dispute.created"));
    expect(await state(orderId)).toMatchObject({ disputeStatus: "won", enrolled: true, frozen: false, access: true });
  });

  it("a dispute won after the order was fully refunded does not give access back", async () => {
    const { orderId, chargeId } = await paidOrder("destination");
    // An inquiry moves no money, so the charge can still be refunded while it is open.
    const disputeId = await openDispute(chargeId, { inquiry: "true" });
    expect((await state(orderId)).frozen).toBe(true);
    const refunded = await refundOrder(admin.id, { orderId, formToken: crypto.randomUUID(), amount: "25.00", reason: "requested_by_customer", note: "" });
    expect(refunded.ok).toBe(true);
    await stripe.settle();
    expect(await state(orderId)).toMatchObject({ status: "refunded", enrolled: false });
    const closed = await resolve(disputeId, "won");
    expect(closed.status).toBe("warning_closed");
    expect(await state(orderId)).toMatchObject({ status: "refunded", disputeStatus: "won", enrolled: false, access: false });
  });

  it("the admin's re-sync records a dispute whose event was missed", async () => {
    const { orderId, chargeId } = await paidOrder("destination");
    await openDispute(chargeId);
    await db.order.update({ where: { id: orderId }, data: { disputeStatus: null, stripeDisputeId: null } });
    await db.enrolment.updateMany({ where: { orderId }, data: { frozenAt: null } });
    const result = await resyncOrder(admin.id, orderId);
    expect(result).toEqual({ ok: true, message: "Re-synced: the order is now paid, dispute open." });
    expect(await state(orderId)).toMatchObject({ disputeStatus: "open", frozen: true, access: false });
  });
});

describe("disputes on direct charges (Connect endpoint)", () => {
  it("arrive with the seller's account, freeze access, and a lost dispute withdraws it", async () => {
    const { orderId, account, intentId, onAccount } = await paidOrder("direct", "pm_card_createDispute");
    const dispute = (await stripe.read(`/v1/disputes?payment_intent=${intentId}`, onAccount)).data[0];
    expect(dispute.status).toBe("needs_response");
    const ofDispute = deliveries.filter((d) => d.objectId === dispute.id);
    expect(ofDispute.find((d) => d.type === "charge.dispute.created")).toMatchObject({ endpoint: "connect", status: 200, account });
    expect(ofDispute.filter((d) => d.endpoint === "platform")).toEqual([]);
    expect(await state(orderId)).toMatchObject({ disputeStatus: "open", frozen: true, access: false, onHold: true, label: "Disputed" });

    await resolve(dispute.id, "lost");
    expect(deliveries.find((d) => d.type === "charge.dispute.closed" && d.objectId === dispute.id)).toMatchObject({ endpoint: "connect", status: 200, account });
    expect(await state(orderId)).toMatchObject({ status: "paid", disputeStatus: "lost", enrolled: false, access: false, label: "Dispute lost" });

    // On a direct charge Stripe takes the disputed amount from the seller's account; the fee stays with the platform.
    const order = await db.order.findUniqueOrThrow({ where: { id: orderId } });
    expect(order.disputeAmountMinor).toBe(dispute.amount);
    const sale = (await listSellerSales(order.sellerId)).find((entry) => entry.orderId === orderId);
    expect(sale).toMatchObject({ disputedMinor: dispute.amount, netMinor: order.amountMinor - dispute.amount - (order.applicationFeeMinor ?? 0) });
  });

  it("winning restores access", async () => {
    const { orderId, chargeId } = await paidOrder("direct");
    const disputeId = await openDispute(chargeId);
    expect((await state(orderId)).frozen).toBe(true);
    await resolve(disputeId, "won");
    expect(await state(orderId)).toMatchObject({ disputeStatus: "won", frozen: false, access: true });
  });

  it("an event naming another account changes nothing", async () => {
    const { orderId, chargeId } = await paidOrder("direct");
    const other = await paidOrder("direct");
    const disputeId = await openDispute(chargeId);
    const created = (await disputeEvents(disputeId, (await db.order.findUniqueOrThrow({ where: { id: orderId } })).stripeAccountId!)).find(
      (e) => e.type === "charge.dispute.created",
    );
    expect(created).toBeTruthy();
    await resolve(disputeId, "won");
    await db.enrolment.updateMany({ where: { orderId }, data: { frozenAt: null } });

    // The same dispute claimed by another seller's account, and by the platform: refused, nothing changes.
    const forged = { ...created, id: `${created.id}_forged`, account: other.account };
    await expect(handleChargeDisputeChanged(forged)).rejects.toThrow();
    const { account: _account, ...asPlatform } = { ...created, id: `${created.id}_platform` };
    await expect(handleChargeDisputeChanged(asPlatform)).rejects.toThrow();
    const response = await connectWebhook(signedWebhookRequest(JSON.stringify(forged), CONNECT_SECRET));
    // Acknowledged (Stripe's retries could not change the answer) and kept as failed for an admin to see.
    expect(response.status).toBe(200);
    expect(await db.stripeEvent.findUniqueOrThrow({ where: { id: forged.id } })).toMatchObject({ status: "failed", error: expect.stringMatching(/^Refused: /) });
    expect(await state(orderId)).toMatchObject({ disputeStatus: "won", frozen: false, access: true });
    expect(await state(other.orderId)).toMatchObject({ disputeStatus: null, frozen: false, access: true });
  });
});
