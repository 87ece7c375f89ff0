import type { ChargeType } from "@/lib/env";
import { applicableFee } from "@/lib/fees/fee-rule";
import { applicationFeeMinor } from "@/lib/money";

/** How one order is charged. Fixed when the order is made and stored on it. */
export interface ChargePlan {
  chargeType: ChargeType;
  /** The seller's connected account (acct_...): the destination, or where a direct charge lives. */
  stripeAccountId: string;
  feeBasisPoints: number;
  applicationFeeMinor: number;
}

export type PlanResult = { ok: true; plan: ChargePlan } | { ok: false; reason: "seller-cannot-sell"; message: string };

export const SELLER_CANNOT_SELL =
  "The seller cannot take payments right now: their Stripe account needs attention. Please try again later.";

/**
 * The fee an admin set for the course wins over the seller's, which wins over the platform's; the
 * amount is the course price from the database.
 */
export function chargePlanFor(
  course: { priceMinor: number; feeBasisPoints: number | null },
  platform: { feeBasisPoints: number; chargeType: ChargeType },
  stripeAccountId: string,
  sellerFeeBasisPoints: number | null = null,
): ChargePlan {
  const feeBasisPoints = applicableFee({
    courseBasisPoints: course.feeBasisPoints,
    sellerBasisPoints: sellerFeeBasisPoints,
    platformBasisPoints: platform.feeBasisPoints,
  }).basisPoints;
  return {
    chargeType: platform.chargeType,
    stripeAccountId,
    feeBasisPoints,
    applicationFeeMinor: applicationFeeMinor(course.priceMinor, feeBasisPoints),
  };
}

/** Whether a pending order was made under the same plan (an admin may have changed it since). */
export function samePlan(
  order: { chargeType: string | null; stripeAccountId: string | null; applicationFeeMinor: number | null },
  plan: ChargePlan,
): boolean {
  return (
    order.chargeType === plan.chargeType &&
    order.stripeAccountId === plan.stripeAccountId &&
    order.applicationFeeMinor === plan.applicationFeeMinor
  );
}

/** The PaymentIntent's idempotency key: tied to the order, and naming the plan it was made for. */
export function paymentIntentKey(orderId: string, chargeType: ChargeType): string {
  return `order:${orderId}:payment-intent:${chargeType}`;
}

/** The connected account a request about this order's intent must be made on (direct charges only). */
export function intentAccountOf(order: { chargeType: string | null; stripeAccountId: string | null }): string | undefined {
  return order.chargeType === "direct" && order.stripeAccountId ? order.stripeAccountId : undefined;
}
