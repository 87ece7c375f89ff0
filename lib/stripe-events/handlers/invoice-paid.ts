import type Stripe from "stripe";
import { adoptFirstPaymentCard, syncSubscription } from "@/lib/membership/sync-membership";
import { subscriptionOfInvoice } from "./invoice-subscription";

export async function handleInvoicePaid(event: Stripe.InvoicePaidEvent): Promise<void> {
  const invoice = event.data.object;
  const subscriptionId = subscriptionOfInvoice(invoice);
  if (!subscriptionId) return;
  const subscription = await syncSubscription(subscriptionId, new Date(event.created * 1000));
  if (invoice.billing_reason === "subscription_create") await adoptFirstPaymentCard(subscription);
}
