import Stripe from "stripe";
import { stripe } from "./stripe-client";

export const REFUND_REASONS = ["requested_by_customer", "duplicate", "fraudulent"] as const;
export type RefundReason = (typeof REFUND_REASONS)[number];

export interface OrderRefundInput {
  orderId: string;
  refundRequestId: string;
  paymentIntentId: string;
  amountMinor: number;
  reason: RefundReason;
  /** destination | direct | platform (orders from before Connect) */
  chargeType: string | null;
  stripeAccountId: string | null;
  idempotencyKey: string;
}

/**
 * Refunds (part of) an order's charge. Destination: the platform's charge, with the fee refunded
 * and the seller's transfer reversed in proportion, so the seller and the platform each give back
 * their share. Direct: the charge lives on the seller's account, so the refund is made there;
 * the platform's fee is refunded in proportion too. Older platform-only charges have neither.
 */
export async function createOrderRefund(input: OrderRefundInput): Promise<Stripe.Refund> {
  const params: Stripe.RefundCreateParams = {
    payment_intent: input.paymentIntentId,
    amount: input.amountMinor,
    reason: input.reason,
    metadata: { order_id: input.orderId, refund_request_id: input.refundRequestId },
  };
  if (input.chargeType === "destination") {
    return stripe().refunds.create({ ...params, refund_application_fee: true, reverse_transfer: true }, { idempotencyKey: input.idempotencyKey });
  }
  if (input.chargeType === "direct" && input.stripeAccountId) {
    return stripe().refunds.create(
      { ...params, refund_application_fee: true },
      { idempotencyKey: input.idempotencyKey, stripeAccount: input.stripeAccountId },
    );
  }
  return stripe().refunds.create(params, { idempotencyKey: input.idempotencyKey });
}

export interface ChargeRefundTotals {
  chargeId: string;
  paymentIntentId: string | null;
  refundedMinor: number;
  feeRefundedMinor: number;
}

/**
 * What Stripe says has been refunded on a charge and on its application fee, so the order is
 * recorded from Stripe's current state rather than from the event that happened to arrive.
 * Application fees always belong to the platform, also for a direct charge's fee.
 */
export async function readChargeRefundTotals(chargeId: string, stripeAccount?: string): Promise<ChargeRefundTotals> {
  const charge = await stripe().charges.retrieve(chargeId, {}, stripeAccount ? { stripeAccount } : {});
  let feeRefundedMinor = 0;
  if (charge.application_fee) {
    const feeId = typeof charge.application_fee === "string" ? charge.application_fee : charge.application_fee.id;
    feeRefundedMinor = (await stripe().applicationFees.retrieve(feeId)).amount_refunded;
  }
  const intent = charge.payment_intent;
  return {
    chargeId: charge.id,
    paymentIntentId: typeof intent === "string" ? intent : (intent?.id ?? null),
    refundedMinor: charge.amount_refunded,
    feeRefundedMinor,
  };
}

/** Stripe's refusal in words for the admin (its messages are written for developers but are clear enough here). */
export function refundErrorMessage(error: unknown): string | null {
  if (!(error instanceof Stripe.errors.StripeInvalidRequestError)) return null;
  if (error.code === "amount_too_large" || error.code === "charge_already_refunded") {
    return "Stripe refused: that is more than is left to refund on this payment.";
  }
  if (error.code === "charge_not_refundable") return "Stripe refused: this payment cannot be refunded.";
  return `Stripe refused the refund: ${error.message}`;
}
