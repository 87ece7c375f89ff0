import type Stripe from "stripe";
import { cancelOrderOfIntent } from "@/lib/orders/fulfil-order";

export async function handlePaymentIntentCanceled(event: Stripe.PaymentIntentCanceledEvent): Promise<void> {
  const intent = event.data.object;
  if (!intent.metadata?.order_id) return;
  await cancelOrderOfIntent(intent.id);
}
