import { db } from "@/lib/db";
import { syncOwnershipChange } from "@/lib/reviews/course-stats";
import { queueSaleEmails } from "@/lib/email/order-emails";
import { notifyOutbox } from "@/lib/email/outbox-worker";
import { intentAccountOf } from "./charge-plan";

/** What fulfilment needs to know about a PaymentIntent (from a webhook or a fresh read). */
export interface PaidIntent {
  id: string;
  status: string;
  amount: number;
  currency: string;
  metadata: Record<string, string>;
}

export type FulfilResult = "fulfilled" | "already-fulfilled" | "not-succeeded" | "unknown-order" | "mismatch";

/**
 * Marks the order paid and enrols the buyer, exactly once however often and in whatever order
 * the webhook and the return page call it: the status change is conditional and the enrolment
 * is unique per buyer and course, both in one transaction.
 */
export async function fulfilOrderFromIntent(intent: PaidIntent, account: string | null = null): Promise<FulfilResult> {
  if (intent.status !== "succeeded") return "not-succeeded";
  const order = await db.order.findFirst({
    where: { OR: [{ stripePaymentIntentId: intent.id }, ...(intent.metadata.order_id ? [{ id: intent.metadata.order_id }] : [])] },
    select: {
      id: true,
      buyerId: true,
      courseId: true,
      amountMinor: true,
      currency: true,
      status: true,
      stripePaymentIntentId: true,
      chargeType: true,
      stripeAccountId: true,
    },
  });
  if (!order) return "unknown-order";
  // A direct charge's intent only counts when it lives on the order's seller account (and a
  // platform intent never pays a direct-charge order): metadata alone could be set by anyone
  // who can create intents on some connected account.
  if ((intentAccountOf(order) ?? null) !== account) return "mismatch";
  if (order.stripePaymentIntentId && order.stripePaymentIntentId !== intent.id) return "mismatch";
  if (order.amountMinor !== intent.amount || order.currency !== intent.currency) return "mismatch";
  if (order.status === "paid" || order.status === "refunded") return "already-fulfilled";

  const result = await db.$transaction(async (tx) => {
    // A canceled order whose intent still succeeded (the buyer paid on an old tab) is paid too.
    const changed = await tx.order.updateMany({
      where: { id: order.id, status: { in: ["pending", "canceled"] } },
      data: { status: "paid", paidAt: new Date(), pendingKey: null, lastPaymentError: null, stripePaymentIntentId: intent.id },
    });
    if (changed.count === 0) return "already-fulfilled" as const;
    await queueSaleEmails(tx, order.id);
    // A dispute recorded before the payment's own event: open enrols frozen, lost enrols nobody.
    const { disputeStatus } = await tx.order.findUniqueOrThrow({ where: { id: order.id }, select: { disputeStatus: true } });
    if (disputeStatus === "lost") return "fulfilled" as const;
    await tx.enrolment.upsert({
      where: { userId_courseId: { userId: order.buyerId, courseId: order.courseId } },
      create: { userId: order.buyerId, courseId: order.courseId, source: "order", orderId: order.id, frozenAt: disputeStatus === "open" ? new Date() : null },
      update: {},
    });
    // A new student, and a review from an earlier, refunded purchase counts again.
    await syncOwnershipChange(tx, order.buyerId, order.courseId);
    return "fulfilled" as const;
  });
  if (result === "fulfilled") notifyOutbox();
  return result;
}

/** A declined attempt: the order stays payable, with the reason for the buyer. */
export async function recordPaymentFailure(intentId: string, message: string | null): Promise<void> {
  await db.order.updateMany({
    where: { stripePaymentIntentId: intentId, status: "pending" },
    data: { lastPaymentError: message ?? "The payment did not go through.", paymentProcessingAt: null },
  });
}

/**
 * A delayed payment (bank debit) was submitted and is processing at Stripe: the order shows it and
 * stays pending (its pending key blocks a second payment) until the payment succeeds or fails.
 */
export async function recordPaymentProcessing(intentId: string): Promise<void> {
  await db.order.updateMany({
    where: { stripePaymentIntentId: intentId, status: "pending", paymentProcessingAt: null },
    data: { paymentProcessingAt: new Date(), lastPaymentError: null },
  });
}

/** The intent was canceled at Stripe: the order can no longer be paid and no longer blocks a new one. */
export async function cancelOrderOfIntent(intentId: string): Promise<void> {
  await db.order.updateMany({
    where: { stripePaymentIntentId: intentId, status: "pending" },
    data: { status: "canceled", pendingKey: null },
  });
}
