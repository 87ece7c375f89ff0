import type Stripe from "stripe";
import { recordPaymentProcessing } from "@/lib/orders/fulfil-order";
import { retrievePaymentIntent } from "@/lib/payments/course-payment-intents";

/**
 * A bank debit was submitted. The intent is re-read first: a late or replayed `processing` event
 * must not mark an order whose payment has failed (or succeeded) since.
 */
export async function handlePaymentIntentProcessing(event: Stripe.PaymentIntentProcessingEvent): Promise<void> {
  const intent = event.data.object;
  if (!intent.metadata?.order_id) return;
  const current = await retrievePaymentIntent(intent.id, event.account ?? undefined);
  if (current.status === "processing") await recordPaymentProcessing(intent.id);
}
