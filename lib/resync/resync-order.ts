import { recordAudit } from "@/lib/audit/audit-log";
import { db } from "@/lib/db";
import { intentAccountOf } from "@/lib/orders/charge-plan";
import { cancelOrderOfIntent, fulfilOrderFromIntent, recordPaymentFailure } from "@/lib/orders/fulfil-order";
import { retrievePaymentIntent } from "@/lib/payments/course-payment-intents";
import { recordDispute } from "@/lib/disputes/record-dispute";
import { listIntentDisputes } from "@/lib/payments/disputes";
import { recordChargeRefunds } from "@/lib/refunds/record-refunds";

export type ResyncResult = { ok: true; message: string } | { ok: false; message: string };

/**
 * For an admin who suspects a missed webhook: re-reads the order's PaymentIntent on the account
 * it was made on and applies it (paid, declined or canceled) with its charge's refunds, through
 * the same idempotent code the webhooks use.
 */
export async function resyncOrder(actorId: string, orderId: string): Promise<ResyncResult> {
  const order = await db.order.findUnique({
    where: { id: orderId },
    select: { id: true, status: true, refundedMinor: true, disputeStatus: true, stripePaymentIntentId: true, chargeType: true, stripeAccountId: true },
  });
  if (!order) return { ok: false, message: "That order no longer exists." };
  if (!order.stripePaymentIntentId) return { ok: false, message: "This order has no payment at Stripe yet." };

  const account = intentAccountOf(order) ?? null;
  const intent = await retrievePaymentIntent(order.stripePaymentIntentId, account ?? undefined);
  const fulfilment = intent.status === "succeeded" ? await fulfilOrderFromIntent(intent, account) : null;
  if (intent.status === "canceled") await cancelOrderOfIntent(intent.id);
  if (intent.status === "requires_payment_method" && intent.last_payment_error) await recordPaymentFailure(intent.id, intent.last_payment_error.message ?? null);
  const chargeId = typeof intent.latest_charge === "string" ? intent.latest_charge : (intent.latest_charge?.id ?? null);
  const refunds = chargeId ? await recordChargeRefunds(chargeId, account) : null;
  // One list call: the charge's dispute (at most one), recorded as its webhooks would.
  const [dispute] = intent.status === "succeeded" ? await listIntentDisputes(intent.id, account ?? undefined) : [];
  const disputes = dispute ? await recordDispute(dispute, account) : null;

  const after = await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { status: true, refundedMinor: true, disputeStatus: true } });
  await recordAudit({
    actorId,
    action: "order.resynced",
    details: {
      orderId,
      paymentIntentId: intent.id,
      intentStatus: intent.status,
      fulfilment,
      refunds,
      dispute: dispute ? { id: dispute.id, status: dispute.status, recorded: disputes } : null,
      before: { status: order.status, refundedMinor: order.refundedMinor, disputeStatus: order.disputeStatus },
      after,
    },
  });
  if (fulfilment === "mismatch" || refunds === "mismatch" || disputes === "mismatch") {
    return { ok: false, message: "Stripe's payment does not match this order; nothing was changed. See the audit log." };
  }
  const changed = after.status !== order.status || after.refundedMinor !== order.refundedMinor || after.disputeStatus !== order.disputeStatus;
  const now = after.disputeStatus ? `${after.status}, dispute ${after.disputeStatus}` : after.status;
  return { ok: true, message: changed ? `Re-synced: the order is now ${now}.` : `Re-synced: already up to date (Stripe says ${intent.status}).` };
}
