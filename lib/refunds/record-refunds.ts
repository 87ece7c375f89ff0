import { db } from "@/lib/db";
import { queueRefundEmails } from "@/lib/email/order-emails";
import { notifyOutbox } from "@/lib/email/outbox-worker";
import { intentAccountOf } from "@/lib/orders/charge-plan";
import { readChargeRefundTotals } from "@/lib/payments/refunds";
import { syncOwnershipChange } from "@/lib/reviews/course-stats";

export type RecordResult = "recorded" | "unknown-order" | "mismatch";

/**
 * Records on the order what Stripe says has been refunded on its charge, from the admin's refund
 * and from every refund event alike. Totals only grow at Stripe, so a read that is older than
 * what is stored (events out of order, two reads racing) never lowers them. A full refund marks
 * the order refunded and withdraws the buyer's access, once.
 */
export async function recordChargeRefunds(chargeId: string, account: string | null): Promise<RecordResult> {
  const totals = await readChargeRefundTotals(chargeId, account ?? undefined);
  if (!totals.paymentIntentId) return "unknown-order";
  const order = await db.order.findUnique({
    where: { stripePaymentIntentId: totals.paymentIntentId },
    select: { id: true, amountMinor: true, chargeType: true, stripeAccountId: true, buyerId: true, courseId: true },
  });
  if (!order) return "unknown-order";
  // A direct charge is only believed from the seller's own account, a platform charge only from ours.
  if ((intentAccountOf(order) ?? null) !== account) return "mismatch";

  const queuedEmails = await db.$transaction(async (tx) => {
    const { refundedMinor: previousRefundedMinor } = await tx.order.findUniqueOrThrow({ where: { id: order.id }, select: { refundedMinor: true } });
    const raised = await tx.order.updateMany({
      where: { id: order.id, refundedMinor: { lt: totals.refundedMinor } },
      data: { refundedMinor: totals.refundedMinor },
    });
    await tx.order.updateMany({
      where: { id: order.id, feeRefundedMinor: { lt: totals.feeRefundedMinor } },
      data: { feeRefundedMinor: totals.feeRefundedMinor },
    });
    let accessWithdrawn = false;
    if (totals.refundedMinor >= order.amountMinor) {
      const changed = await tx.order.updateMany({ where: { id: order.id, status: "paid" }, data: { status: "refunded" } });
      if (changed.count > 0) {
        await tx.enrolment.deleteMany({ where: { orderId: order.id } });
        // The buyer's review stops counting and the course loses a student, in this transaction.
        await syncOwnershipChange(tx, order.buyerId, order.courseId);
      }
      accessWithdrawn = changed.count > 0;
    }
    // Only the recording that raised the total tells buyer and seller: the action's read and each
    // refund event's read of the same refund find it already recorded.
    if (raised.count === 0) return false;
    await queueRefundEmails(tx, { orderId: order.id, previousRefundedMinor, refundedTotalMinor: totals.refundedMinor, accessWithdrawn });
    return true;
  });
  if (queuedEmails) notifyOutbox();
  return "recorded";
}
