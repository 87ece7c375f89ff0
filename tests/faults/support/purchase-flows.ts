// Buying a course (destination and direct charges) and refunding it in two parts.
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { db } from "@/lib/db";
import { settleOrder } from "@/lib/orders/settle-order";
import { startCoursePurchase } from "@/lib/orders/start-purchase";
import { refundOrder } from "@/lib/refunds/refund-order";
import { getPlatformSettings, updatePlatformSettings } from "@/lib/settings/platform-settings";
import { makeCourse, makeUser } from "../../integration/support/factories";
import { connectSeller } from "../../integration/support/stripe-emulator";
import { defineFlow, type FaultFlow, type FlowKit, type User } from "./fault-flow";
import { untilDone } from "./person";

export function purchaseFlows({ stripe, read, confirmInBrowser, anAdmin }: FlowKit): FaultFlow[] {
  async function useChargeType(chargeType: "destination" | "direct") {
    const { feeBasisPoints } = await getPlatformSettings();
    await updatePlatformSettings((await anAdmin()).id, { feeBasisPoints, chargeType });
  }

  interface Purchase {
    buyer: User;
    course: { id: string; priceMinor: number };
    account: string;
    chargeType: "destination" | "direct";
  }

  async function preparePurchase(chargeType: "destination" | "direct"): Promise<Purchase> {
    await useChargeType(chargeType);
    const seller = await makeUser("seller");
    const account = await connectSeller(stripe, seller.id);
    const buyer = await makeUser("buyer");
    const course = await makeCourse(seller.id, { priceMinor: 2500 });
    return { buyer, course, account, chargeType };
  }

  /** The buyer presses Pay (again, after an error) until the card is charged, then lands on the return page. */
  async function buyCourse({ buyer, course, chargeType }: Purchase): Promise<string> {
    const request = { courseId: course.id, expectedAmountMinor: course.priceMinor, expectedCurrency: "usd", expectedChargeType: chargeType };
    let orderId = "";
    await untilDone(
      "paying for the course",
      async () => {
        const started = await startCoursePurchase(buyer.id, request);
        // "You already own this course": an earlier try was charged and the webhook fulfilled it.
        if (!started.ok) return started.reason === "already-owned";
        orderId = started.orderId;
        if (started.intentStatus === "succeeded") return true;
        const confirmed = await confirmInBrowser("payment_intents", started.clientSecret, { account: started.chargeType === "direct" ? started.stripeAccountId : undefined });
        return confirmed.body.status === "succeeded";
      },
      (paid) => paid,
    );
    if (!orderId) orderId = (await db.order.findFirstOrThrow({ where: { buyerId: buyer.id, courseId: course.id, status: "paid" } })).id;
    await untilDone("the return page", () => settleOrder(buyer.id, orderId), (order) => order?.status === "paid");
    return orderId;
  }

  /** At most one charge per order, every succeeded intent fulfilled, no pending order left to block a retry. */
  async function checkPurchase({ buyer, course, account, chargeType }: Purchase) {
    const onAccount = chargeType === "direct" ? account : undefined;
    const orders = await db.order.findMany({ where: { buyerId: buyer.id, courseId: course.id } });
    const paid = orders.filter((order) => order.status === "paid");
    expect(paid, "exactly one paid order").toHaveLength(1);
    expect(orders.filter((order) => order.status === "pending"), "no pending order left behind").toHaveLength(0);
    expect(orders.every((order) => order.pendingKey === null)).toBe(true);
    expect(await db.enrolment.count({ where: { userId: buyer.id, courseId: course.id } })).toBe(1);

    const customerId = paid[0].stripePaymentIntentId ? (await read(`/v1/payment_intents/${paid[0].stripePaymentIntentId}`, onAccount)).body.customer : null;
    expect(customerId).toMatch(/^cus_/);
    const intents = (await read(`/v1/payment_intents?customer=${customerId}&limit=100`, onAccount)).body.data as Array<{
      id: string;
      status: string;
      metadata: { order_id?: string; course_id?: string };
    }>;
    const succeeded = intents.filter((intent) => intent.status === "succeeded" && intent.metadata.course_id === course.id);
    expect(succeeded, "one succeeded charge for the course").toHaveLength(1);
    expect(succeeded[0].id).toBe(paid[0].stripePaymentIntentId);
    expect(new Set(intents.map((intent) => intent.metadata.order_id)).size, "one intent per order").toBe(intents.length);
    const charges = (await read(`/v1/charges?payment_intent=${succeeded[0].id}&limit=100`, onAccount)).body.data as Array<{ status: string }>;
    expect(charges.filter((charge) => charge.status === "succeeded")).toHaveLength(1);
  }

  const purchase = (chargeType: "destination" | "direct") =>
    defineFlow<Purchase>({
      name: `course purchase (${chargeType} charge)`,
      prepare: () => preparePurchase(chargeType),
      act: async (world) => {
        await buyCourse(world);
      },
      check: checkPurchase,
    });

  interface Refund {
    orderId: string;
    paymentIntentId: string;
    /** The seller's account, where a direct charge and its refunds live. */
    account?: string;
  }

  const refund = (chargeType: "destination" | "direct") => defineFlow<Refund>({
    name: `refund in two parts (${chargeType} charge)`,
    prepare: async () => {
      const world = await preparePurchase(chargeType);
      const orderId = await buyCourse(world);
      await stripe.settle();
      const order = await db.order.findUniqueOrThrow({ where: { id: orderId } });
      return { orderId, paymentIntentId: order.stripePaymentIntentId!, account: chargeType === "direct" ? world.account : undefined };
    },
    act: async ({ orderId }) => {
      const adminId = (await anAdmin()).id;
      // The admin submits each form until it says it is done; a resubmitted form carries its token.
      for (const [formToken, amount] of [[randomUUID(), "10.00"], [randomUUID(), "15.00"]]) {
        await untilDone(
          `refunding ${amount}`,
          () => refundOrder(adminId, { orderId, formToken, amount, reason: "requested_by_customer", note: "fault suite" }),
          (outcome) => outcome.ok,
        );
      }
    },
    check: async ({ orderId, paymentIntentId, account }) => {
      const order = await db.order.findUniqueOrThrow({ where: { id: orderId } });
      const refunds = (await read(`/v1/refunds?payment_intent=${paymentIntentId}&limit=100`, account)).body.data as Array<{ id: string; amount: number; status: string }>;
      const atStripe = refunds.reduce((sum, r) => sum + r.amount, 0);
      expect(refunds.map((r) => r.amount).sort((a, b) => a - b), "two refunds, none doubled").toEqual([1000, 1500]);
      expect(atStripe).toBeLessThanOrEqual(order.amountMinor);
      expect(order.refundedMinor, "the database agrees with Stripe").toBe(atStripe);
      expect(order.status).toBe("refunded");
      expect(await db.enrolment.count({ where: { orderId } })).toBe(0);
      const requests = await db.refundRequest.findMany({ where: { orderId } });
      expect(requests.map((r) => r.status)).toEqual(["succeeded", "succeeded"]);
      expect(new Set(requests.map((r) => r.stripeRefundId))).toEqual(new Set(refunds.map((r) => r.id)));

      const charge = (await read(`/v1/charges?payment_intent=${paymentIntentId}`, account)).body.data[0];
      const fee = (await read(`/v1/application_fees/${charge.application_fee}`)).body;
      expect(fee.amount_refunded).toBe(fee.amount);
      expect(order.feeRefundedMinor).toBe(fee.amount_refunded);
      if (!account) {
        const transfer = (await read(`/v1/transfers/${charge.transfer}`)).body;
        expect(transfer.amount_reversed).toBe(transfer.amount);
      }
    },
  });

  return [purchase("destination"), purchase("direct"), refund("destination"), refund("direct")];
}
