// The race of issue 11 (item 2): a pending order is being replaced (the price changed) while the
// buyer confirms its old intent in a second tab. The cancel hangs (an injected timeout), the
// intent succeeds meanwhile, and stripe-node's retry of the cancel meets a succeeded intent.
// Only one charge may exist afterwards, and the order that was paid must be fulfilled. Webhooks
// are held back here (they may arrive minutes late): the app must get it right from its own reads.
import "../integration/support/test-database";
import { afterAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { startCoursePurchase } from "@/lib/orders/start-purchase";
import { getPlatformSettings, updatePlatformSettings } from "@/lib/settings/platform-settings";
import { makeCourse, makeUser } from "../integration/support/factories";
import { connectSeller, startTestStripe } from "../integration/support/stripe-emulator";
import { flowKit } from "./support/fault-flow";
import { readRequestLog, takeLeftoverFaults } from "./support/stripe-steps";

process.env.STRIPE_TIMEOUT_MS ??= "700";
vi.spyOn(console, "error").mockImplementation(() => undefined);

const stripe = await startTestStripe({ deliverWebhooks: false });
const kit = flowKit(stripe);
afterAll(async () => {
  await stripe.close();
});

async function pendingPurchase(chargeType: "destination" | "direct") {
  const { feeBasisPoints } = await getPlatformSettings();
  await updatePlatformSettings((await kit.anAdmin()).id, { feeBasisPoints, chargeType });
  const seller = await makeUser("seller");
  const account = await connectSeller(stripe, seller.id);
  const buyer = await makeUser("buyer");
  const course = await makeCourse(seller.id, { priceMinor: 2500 });
  const first = await startCoursePurchase(buyer.id, { courseId: course.id, expectedAmountMinor: 2500, expectedCurrency: "usd", expectedChargeType: chargeType });
  if (!first.ok) throw new Error(first.message);
  const onAccount = chargeType === "direct" ? account : undefined;
  return { buyer, course, first, onAccount, intentId: first.clientSecret.split("_secret_")[0]!, chargeType };
}

async function until(what: string, condition: () => Promise<boolean>) {
  for (let tries = 0; tries < 200; tries++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function succeededCharges(buyerId: string, courseId: string, onAccount?: string) {
  const orders = await db.order.findMany({ where: { buyerId, courseId }, select: { stripePaymentIntentId: true } });
  let succeeded = 0;
  for (const { stripePaymentIntentId } of orders) {
    if (!stripePaymentIntentId) continue;
    const intent = (await kit.read(`/v1/payment_intents/${stripePaymentIntentId}`, onAccount)).body;
    if (intent.status === "succeeded") succeeded += 1;
  }
  return succeeded;
}

describe.each(["destination", "direct"] as const)("replacing an order whose intent succeeds meanwhile (%s charge)", (chargeType) => {
  it("fulfils the old order instead of making a second order and charge", async () => {
    const { buyer, course, first, onAccount, intentId } = await pendingPurchase(chargeType);
    await db.course.update({ where: { id: course.id }, data: { priceMinor: 3000 } });
    await takeLeftoverFaults(stripe);
    await stripe.call("DELETE", "/_emulator/requests");
    await stripe.call("POST", "/_emulator/faults", { method: "POST", path: `/v1/payment_intents/${intentId}/cancel`, kind: "timeout", count: "1" });

    // The first tab reloads at the new price; while its cancel hangs, the second tab pays the old intent.
    const replacing = startCoursePurchase(buyer.id, { courseId: course.id, expectedAmountMinor: 3000, expectedCurrency: "usd", expectedChargeType: chargeType });
    await until("the cancel to hang", async () => (await readRequestLog(stripe)).some((request) => request.path.endsWith("/cancel")));
    const paid = await kit.confirmInBrowser("payment_intents", first.clientSecret, { account: onAccount });
    expect(paid.body.status).toBe("succeeded");
    const result = await replacing;

    // Pay whatever the first tab was handed, as a buyer would.
    if (result.ok && result.intentStatus !== "succeeded") {
      await kit.confirmInBrowser("payment_intents", result.clientSecret, { account: result.chargeType === "direct" ? result.stripeAccountId : undefined });
    }
    await stripe.settle();

    expect(result).toMatchObject({ ok: false, reason: "already-owned" });
    expect(await succeededCharges(buyer.id, course.id, onAccount), "one charge for the course").toBe(1);
    const orders = await db.order.findMany({ where: { buyerId: buyer.id, courseId: course.id } });
    expect(orders.map((order) => [order.id, order.status])).toEqual([[first.orderId, "paid"]]);
    expect(await db.enrolment.count({ where: { userId: buyer.id, courseId: course.id } })).toBe(1);
    expect(await takeLeftoverFaults(stripe), "the hung cancel was made").toEqual([]);
  });
});

describe("an order whose intent is processing", () => {
  it("keeps its order and blocks a new one until the payment settles", async () => {
    const { buyer, course, first, intentId } = await pendingPurchase("destination");
    // A bank debit being processed: crafted in the emulator's state, since it is not a card flow.
    const stored = stripe.emulator.emulator.store.get(intentId)!;
    stored.status = "processing";
    await db.course.update({ where: { id: course.id }, data: { priceMinor: 3000 } });

    const again = await startCoursePurchase(buyer.id, { courseId: course.id, expectedAmountMinor: 3000, expectedCurrency: "usd", expectedChargeType: "destination" });
    expect(again).toMatchObject({ ok: false, reason: "payment-processing", message: expect.stringContaining("still being processed") });
    const orders = await db.order.findMany({ where: { buyerId: buyer.id, courseId: course.id } });
    expect(orders.map((order) => [order.id, order.status])).toEqual([[first.orderId, "pending"]]);
    expect((await kit.read(`/v1/payment_intents/${intentId}`)).body.status).toBe("processing");
  });
});
