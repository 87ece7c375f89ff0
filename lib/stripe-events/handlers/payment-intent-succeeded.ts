import type Stripe from "stripe";
import { fulfilOrderFromIntent } from "@/lib/orders/fulfil-order";
import { RefusedEvent } from "../refused-event";

export async function handlePaymentIntentSucceeded(event: Stripe.PaymentIntentSucceededEvent): Promise<void> {
  const intent = event.data.object;
  // Invoice payments (membership) also succeed as intents; they carry no order and are skipped.
  if (!intent.metadata?.order_id) return;
  // On the Connect endpoint (direct charges) the event names the seller's account.
  const result = await fulfilOrderFromIntent(intent, event.account ?? null);
  // Another account, another intent, amount or currency than the order's: no retry can change
  // that, so the event is recorded as refused and acknowledged instead of retried for days.
  if (result === "mismatch") throw new RefusedEvent(`payment intent ${intent.id} does not match its order`);
}
