import type Stripe from "stripe";
import type { ChargeType } from "@/lib/env";
import { cardLabel } from "./card-label";
import { stripe } from "./stripe-client";

export interface CourseIntentInput {
  orderId: string;
  buyerId: string;
  courseId: string;
  courseTitle: string;
  amountMinor: number;
  currency: string;
  /** The buyer's customer: the platform's for destination charges, the connected account's for direct ones. */
  customerId: string;
  idempotencyKey: string;
  chargeType: ChargeType;
  stripeAccountId: string;
  applicationFeeMinor: number;
}

/** Statuses in which the browser can still confirm the intent (again, after a decline). */
export const PAYABLE_INTENT_STATUSES: ReadonlySet<Stripe.PaymentIntent.Status> = new Set([
  "requires_payment_method",
  "requires_confirmation",
  "requires_action",
]);

/**
 * The PaymentIntent of one order. Amount, currency and fee come from the order, never the browser.
 * Destination: the charge is the platform's, the whole amount goes to the seller and the fee comes
 * back to the platform. We leave out `on_behalf_of`: the platform stays the merchant of record
 * (its statement descriptor, its country's fees), which fits a marketplace that sells under its
 * own name. Direct: the charge is created on the seller's account and the fee is paid to us.
 */
export async function createCoursePaymentIntent(input: CourseIntentInput): Promise<Stripe.PaymentIntent> {
  const params: Stripe.PaymentIntentCreateParams = {
    amount: input.amountMinor,
    currency: input.currency,
    customer: input.customerId,
    automatic_payment_methods: { enabled: true },
    description: `Course: ${input.courseTitle}`,
    metadata: { order_id: input.orderId, user_id: input.buyerId, course_id: input.courseId, charge_type: input.chargeType },
    // Stripe refuses a zero application fee amount on some accounts; no fee is simply no parameter.
    ...(input.applicationFeeMinor > 0 ? { application_fee_amount: input.applicationFeeMinor } : {}),
  };
  if (input.chargeType === "destination") {
    params.transfer_data = { destination: input.stripeAccountId };
    params.transfer_group = `order_${input.orderId}`;
    return stripe().paymentIntents.create(params, { idempotencyKey: input.idempotencyKey });
  }
  return stripe().paymentIntents.create(params, { idempotencyKey: input.idempotencyKey, stripeAccount: input.stripeAccountId });
}

/** `stripeAccount` is set for a direct charge's intent, which lives on the seller's account. */
export async function retrievePaymentIntent(id: string, stripeAccount?: string): Promise<Stripe.PaymentIntent> {
  return stripe().paymentIntents.retrieve(id, {}, stripeAccount ? { stripeAccount } : {});
}

/** "Visa ending 4242" for a receipt; null when Stripe cannot say right now. */
export async function paymentCardOf(intentId: string, stripeAccount?: string): Promise<string | null> {
  try {
    const intent = await stripe().paymentIntents.retrieve(
      intentId,
      { expand: ["payment_method"] },
      stripeAccount ? { stripeAccount } : {},
    );
    const method = intent.payment_method;
    if (!method || typeof method === "string" || !method.card) return null;
    return cardLabel(method.card.brand, method.card.last4);
  } catch {
    return null;
  }
}

export async function cancelPaymentIntent(id: string, idempotencyKey: string, stripeAccount?: string): Promise<Stripe.PaymentIntent> {
  return stripe().paymentIntents.cancel(
    id,
    { cancellation_reason: "abandoned" },
    stripeAccount ? { idempotencyKey, stripeAccount } : { idempotencyKey },
  );
}
