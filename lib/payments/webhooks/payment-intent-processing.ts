import type Stripe from "stripe";
import { recordPaymentProcessing } from "@/lib/orders/fulfil-order";
import { retrievePaymentIntent } from "../course-payment-intents";

/**
 * A bank debit was submitted. The intent is re-read first: a late or replayed `processing` event
 * must not mark an order whose payment has failed (or succeeded) since.
 */
export async function handlePaymentIntentProcessing(event: Stripe.Event): Promise<void> {
  const intent = event.data.object as Stripe.PaymentIntent;
  if (!intent.metadata?.order_id) return;
  const current = await retrievePaymentIntent(intent.id, event.account ?? undefined);
  if (current.status === "processing") await recordPaymentProcessing(intent.id);
}
