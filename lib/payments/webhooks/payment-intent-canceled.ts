import type Stripe from "stripe";
import { cancelOrderOfIntent } from "@/lib/orders/fulfil-order";

export async function handlePaymentIntentCanceled(event: Stripe.Event): Promise<void> {
  const intent = event.data.object as Stripe.PaymentIntent;
  if (!intent.metadata?.order_id) return;
  await cancelOrderOfIntent(intent.id);
}
