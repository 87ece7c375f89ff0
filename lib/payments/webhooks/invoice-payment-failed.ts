import type Stripe from "stripe";
import { syncSubscription } from "@/lib/membership/sync-membership";
import { subscriptionOfInvoice } from "./invoice-subscription";

export async function handleInvoicePaymentFailed(event: Stripe.Event): Promise<void> {
  const invoice = event.data.object as Stripe.Invoice;
  const subscriptionId = subscriptionOfInvoice(invoice);
  if (!subscriptionId) return;
  await syncSubscription(subscriptionId, new Date(event.created * 1000));
}
