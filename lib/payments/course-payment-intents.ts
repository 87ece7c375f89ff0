import type Stripe from "stripe";
import { cardLabel } from "./card-label";
import { stripe } from "./stripe-client";

export interface CourseIntentInput {
  orderId: string;
  buyerId: string;
  courseId: string;
  courseTitle: string;
  amountMinor: number;
  currency: string;
  customerId: string;
  idempotencyKey: string;
}

/** Statuses in which the browser can still confirm the intent (again, after a decline). */
export const PAYABLE_INTENT_STATUSES: ReadonlySet<Stripe.PaymentIntent.Status> = new Set([
  "requires_payment_method",
  "requires_confirmation",
  "requires_action",
]);

/** The PaymentIntent of one order. Amount and currency come from the order, never the browser. */
export async function createCoursePaymentIntent(input: CourseIntentInput): Promise<Stripe.PaymentIntent> {
  return stripe().paymentIntents.create(
    {
      amount: input.amountMinor,
      currency: input.currency,
      customer: input.customerId,
      automatic_payment_methods: { enabled: true },
      description: `Course: ${input.courseTitle}`,
      metadata: { order_id: input.orderId, user_id: input.buyerId, course_id: input.courseId },
    },
    { idempotencyKey: input.idempotencyKey },
  );
}

export async function retrievePaymentIntent(id: string): Promise<Stripe.PaymentIntent> {
  return stripe().paymentIntents.retrieve(id);
}

/** "Visa ending 4242" for a receipt; null when Stripe cannot say right now. */
export async function paymentCardOf(intentId: string): Promise<string | null> {
  try {
    const intent = await stripe().paymentIntents.retrieve(intentId, { expand: ["payment_method"] });
    const method = intent.payment_method;
    if (!method || typeof method === "string" || !method.card) return null;
    return cardLabel(method.card.brand, method.card.last4);
  } catch {
    return null;
  }
}

export async function cancelPaymentIntent(id: string, idempotencyKey: string): Promise<Stripe.PaymentIntent> {
  return stripe().paymentIntents.cancel(id, { cancellation_reason: "abandoned" }, { idempotencyKey });
}
