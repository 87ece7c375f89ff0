import { recordAudit } from "@/lib/audit/audit-log";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { formatMinor } from "@/lib/money";
import { createOrderRefund, refundErrorMessage, type RefundReason } from "@/lib/payments/refunds";
import { isStripeUnavailable } from "@/lib/payments/stripe-errors";
import { parseRefundAmount } from "./refund-amount";
import { recordChargeRefunds } from "./record-refunds";

export interface RefundCommand {
  orderId: string;
  /** The form's one-time token: the same form submitted again is the same request. */
  formToken: string;
  /** As typed, in the currency's major unit. */
  amount: string;
  reason: RefundReason;
  note: string;
}

export type RefundOutcome =
  | { ok: true; message: string }
  | { ok: false; message: string; field?: "amount" };

const NO_SUCH_ORDER = "That order no longer exists.";

export function refundIdempotencyKey(refundRequestId: string): string {
  return `refund-request:${refundRequestId}`;
}

/**
 * An admin's refund. The request row is written first (with its audit entry) and the Stripe
 * refund carries a key derived from it: a double click, a retry after a timeout or a replayed
 * form reaches Stripe with the same key and can only ever make one refund.
 */
export async function refundOrder(adminId: string, command: RefundCommand): Promise<RefundOutcome> {
  const order = await db.order.findUnique({
    where: { id: command.orderId },
    select: {
      id: true,
      status: true,
      amountMinor: true,
      currency: true,
      refundedMinor: true,
      chargeType: true,
      stripeAccountId: true,
      stripePaymentIntentId: true,
    },
  });
  if (!order) return { ok: false, message: NO_SUCH_ORDER };

  let request = await db.refundRequest.findUnique({ where: { formToken: command.formToken } });
  if (request && request.orderId !== order.id) return { ok: false, message: "This form belongs to another order: reload the page." };
  if (request?.status === "succeeded") {
    return { ok: true, message: `This refund of ${formatMinor(request.amountMinor, order.currency)} was already made.` };
  }

  if (!request) {
    if (order.status === "refunded") return { ok: false, message: "This order has already been refunded in full." };
    if (order.status !== "paid" || !order.stripePaymentIntentId) return { ok: false, message: "Only a paid order can be refunded." };
    const parsed = parseRefundAmount(command.amount, order.currency, order.amountMinor - order.refundedMinor);
    if (!parsed.ok) return { ok: false, message: parsed.message, field: "amount" };
    try {
      request = await db.$transaction(async (tx) => {
        const created = await tx.refundRequest.create({
          data: { orderId: order.id, requestedById: adminId, formToken: command.formToken, amountMinor: parsed.minor, reason: command.reason, note: command.note },
        });
        await recordAudit(
          {
            actorId: adminId,
            action: "order.refund_requested",
            details: { orderId: order.id, refundRequestId: created.id, amountMinor: parsed.minor, currency: order.currency, reason: command.reason, note: command.note },
          },
          tx,
        );
        return created;
      });
    } catch (error) {
      // The same form submitted twice at once: the other submission made the row and carries on.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
        return { ok: false, message: "This refund is already being made: reload the page in a moment." };
      }
      throw error;
    }
  }

  let refund;
  try {
    refund = await createOrderRefund({
      orderId: order.id,
      refundRequestId: request.id,
      paymentIntentId: order.stripePaymentIntentId!,
      amountMinor: request.amountMinor,
      reason: request.reason as RefundReason,
      chargeType: order.chargeType,
      stripeAccountId: order.stripeAccountId,
      idempotencyKey: refundIdempotencyKey(request.id),
    });
  } catch (error) {
    if (isStripeUnavailable(error)) {
      // Left pending: submitting the same form again retries with the same key.
      return { ok: false, message: "Stripe did not answer. Nothing was refunded twice: submit again to retry this refund." };
    }
    const message = refundErrorMessage(error);
    if (!message) throw error;
    await db.$transaction(async (tx) => {
      await tx.refundRequest.update({ where: { id: request.id }, data: { status: "failed", error: message } });
      await recordAudit({ actorId: adminId, action: "order.refund_failed", details: { orderId: order.id, refundRequestId: request.id, error: message } }, tx);
    });
    return { ok: false, message };
  }

  await db.$transaction(async (tx) => {
    await tx.refundRequest.update({ where: { id: request.id }, data: { status: "succeeded", stripeRefundId: refund.id, error: null } });
    await recordAudit(
      {
        actorId: adminId,
        action: "order.refunded",
        details: { orderId: order.id, refundRequestId: request.id, stripeRefundId: refund.id, amountMinor: refund.amount, currency: refund.currency },
      },
      tx,
    );
  });
  const chargeId = typeof refund.charge === "string" ? refund.charge : refund.charge?.id;
  if (chargeId) await recordChargeRefunds(chargeId, order.chargeType === "direct" ? order.stripeAccountId : null);
  return { ok: true, message: `Refunded ${formatMinor(refund.amount, refund.currency)}.` };
}
