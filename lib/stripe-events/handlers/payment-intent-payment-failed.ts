import type Stripe from "stripe";
import { recordPaymentFailure } from "@/lib/orders/fulfil-order";

export async function handlePaymentIntentPaymentFailed(event: Stripe.PaymentIntentPaymentFailedEvent): Promise<void> {
  const intent = event.data.object;
  if (!intent.metadata?.order_id) return;
  await recordPaymentFailure(intent.id, intent.last_payment_error?.message ?? null);
}
