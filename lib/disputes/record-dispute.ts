import type Stripe from "stripe";
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
    select: { id: true, chargeType: true, stripeAccountId: true },
  });
  if (!order) return "unknown-order";
  // A direct charge's dispute is only believed from the seller's own account, a platform one only from ours.
  if ((intentAccountOf(order) ?? null) !== account) return "mismatch";

  const outcome = disputeOutcomeOf(dispute.status);
  await db.$transaction(async (tx) => {
    if (outcome === "open") {
      const changed = await tx.order.updateMany({
        where: { id: order.id, OR: [{ disputeStatus: null }, { disputeStatus: "open" }] },
        data: { disputeStatus: "open", stripeDisputeId: dispute.id, disputeAmountMinor: dispute.amount },
      });
      if (changed.count > 0) await tx.enrolment.updateMany({ where: { orderId: order.id, frozenAt: null }, data: { frozenAt: new Date() } });
      return;
    }
    if (outcome === "won") {
      const changed = await tx.order.updateMany({
        where: { id: order.id, OR: [{ disputeStatus: null }, { disputeStatus: "open" }] },
        data: { disputeStatus: "won", stripeDisputeId: dispute.id, disputeAmountMinor: dispute.amount },
      });
      if (changed.count > 0) await tx.enrolment.updateMany({ where: { orderId: order.id }, data: { frozenAt: null } });
      return;
    }
    const changed = await tx.order.updateMany({
      where: { id: order.id, OR: [{ disputeStatus: null }, { disputeStatus: "open" }] },
      data: { disputeStatus: "lost", stripeDisputeId: dispute.id, disputeAmountMinor: dispute.amount },
    });
    if (changed.count > 0) await tx.enrolment.deleteMany({ where: { orderId: order.id } });
  });
  return "recorded";
}
