import type Stripe from "stripe";
import { queueFailedRenewalEmail } from "@/lib/email/renewal-emails";
import { syncSubscription } from "@/lib/membership/sync-membership";
import { subscriptionOfInvoice } from "./invoice-subscription";

/** Stripe's subscription states in which the member can still save the membership with a new card. */
const RECOVERABLE = ["past_due", "unpaid"];

export async function handleInvoicePaymentFailed(event: Stripe.InvoicePaymentFailedEvent): Promise<void> {
  const invoice = event.data.object;
  const subscriptionId = subscriptionOfInvoice(invoice);
  if (!subscriptionId) return;
  const subscription = await syncSubscription(subscriptionId, new Date(event.created * 1000));
  // The first invoice fails in front of the member at checkout; only a renewal needs an email,
  // and not when it has been paid (or the membership ended) by the time the event is handled.
  if (invoice.billing_reason !== "subscription_cycle" || !invoice.id || !RECOVERABLE.includes(subscription.status)) return;
  await queueFailedRenewalEmail({
    subscriptionId,
    invoiceId: invoice.id,
    amountDueMinor: invoice.amount_due,
    currency: invoice.currency,
    nextAttemptAt: invoice.next_payment_attempt ? new Date(invoice.next_payment_attempt * 1000) : null,
  });
}
