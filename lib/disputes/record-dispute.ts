import type Stripe from "stripe";
import { syncOwnershipChange } from "@/lib/reviews/course-stats";
import { db } from "@/lib/db";
import { intentAccountOf } from "@/lib/orders/charge-plan";
import { retrieveDispute } from "@/lib/payments/disputes";

export type DisputeOutcome = "open" | "won" | "lost";
export type DisputeRecordResult = "recorded" | "unknown-order" | "mismatch";

/** Stripe's dispute statuses in the three states the order cares about. */
export function disputeOutcomeOf(status: Stripe.Dispute.Status | string): DisputeOutcome {
  if (status === "lost") return "lost";
  if (status === "won" || status === "warning_closed" || status === "prevented") return "won";
  return "open";
}

/**
 * What the dispute has taken from the charge's account so far: the withdrawals less the
 * reinstatements among its balance transactions (Stripe's dispute fee, a fee line inside a
 * withdrawal, is Stripe's own and not counted). An inquiry moves no money.
 */
export function disputeWithdrawnMinor(dispute: Pick<Stripe.Dispute, "balance_transactions">): number {
  return -(dispute.balance_transactions ?? []).reduce((sum, txn) => sum + txn.amount, 0);
}

/** Re-reads a dispute from Stripe on the account the event came from and records it on its order. */
export async function syncDisputeFromStripe(disputeId: string, account: string | null): Promise<DisputeRecordResult> {
  const dispute = await retrieveDispute(disputeId, account ?? undefined);
  return recordDispute(dispute, account);
}

/**
 * Records what Stripe says of a dispute on its order, idempotently and in any event order:
 * open freezes the buyer's enrolment (kept, opening nothing), won thaws it (a full refund made in
 * the meantime has already removed it), lost removes it. A closed outcome is final: a late read
 * that still says open never reopens it.
 */
export async function recordDispute(dispute: Stripe.Dispute, account: string | null): Promise<DisputeRecordResult> {
  const intentId = typeof dispute.payment_intent === "string" ? dispute.payment_intent : (dispute.payment_intent?.id ?? null);
  if (!intentId) return "unknown-order";
  const order = await db.order.findUnique({
    where: { stripePaymentIntentId: intentId },
    select: { id: true, chargeType: true, stripeAccountId: true, buyerId: true, courseId: true },
  });
  if (!order) return "unknown-order";
  // A direct charge's dispute is only believed from the seller's own account, a platform one only from ours.
  if ((intentAccountOf(order) ?? null) !== account) return "mismatch";

  const outcome = disputeOutcomeOf(dispute.status);
  const withdrawn = disputeWithdrawnMinor(dispute);
  await db.$transaction(async (tx) => {
    if (outcome === "open") {
      const changed = await tx.order.updateMany({
        where: { id: order.id, OR: [{ disputeStatus: null }, { disputeStatus: "open" }] },
        data: { disputeStatus: "open", stripeDisputeId: dispute.id, disputeAmountMinor: dispute.amount },
      });
      // While open, money only leaves (the withdrawal): an older read never lowers what is recorded.
      await tx.order.updateMany({
        where: { id: order.id, disputeStatus: "open", disputeWithdrawnMinor: { lt: withdrawn } },
        data: { disputeWithdrawnMinor: withdrawn },
      });
      if (changed.count > 0) {
        await tx.enrolment.updateMany({ where: { orderId: order.id, frozenAt: null }, data: { frozenAt: new Date() } });
        await syncOwnershipChange(tx, order.buyerId, order.courseId);
      }
      return;
    }
    if (outcome === "won") {
      const changed = await tx.order.updateMany({
        where: { id: order.id, OR: [{ disputeStatus: null }, { disputeStatus: "open" }] },
        data: { disputeStatus: "won", stripeDisputeId: dispute.id, disputeAmountMinor: dispute.amount, disputeWithdrawnMinor: withdrawn },
      });
      if (changed.count > 0) {
        await tx.enrolment.updateMany({ where: { orderId: order.id }, data: { frozenAt: null } });
        await syncOwnershipChange(tx, order.buyerId, order.courseId);
      }
      // A won chargeback's money comes back (funds_reinstated), possibly after the read that closed it.
      await tx.order.updateMany({
        where: { id: order.id, disputeStatus: "won", disputeWithdrawnMinor: { gt: withdrawn } },
        data: { disputeWithdrawnMinor: withdrawn },
      });
      return;
    }
    const changed = await tx.order.updateMany({
      where: { id: order.id, OR: [{ disputeStatus: null }, { disputeStatus: "open" }] },
      data: { disputeStatus: "lost", stripeDisputeId: dispute.id, disputeAmountMinor: dispute.amount, disputeWithdrawnMinor: withdrawn },
    });
    if (changed.count > 0) {
      await tx.enrolment.deleteMany({ where: { orderId: order.id } });
      await syncOwnershipChange(tx, order.buyerId, order.courseId);
    }
  });
  return "recorded";
}
