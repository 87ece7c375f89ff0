import type Stripe from "stripe";
import { fulfilOrderFromIntent } from "@/lib/orders/fulfil-order";

export async function handlePaymentIntentSucceeded(event: Stripe.Event): Promise<void> {
  const intent = event.data.object as Stripe.PaymentIntent;
  // Invoice payments (membership) also succeed as intents; they carry no order and are skipped.
  if (!intent.metadata?.order_id) return;
  const result = await fulfilOrderFromIntent(intent);
  if (result === "mismatch") throw new Error(`payment intent ${intent.id} does not match its order`);
}
