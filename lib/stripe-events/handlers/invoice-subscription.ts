import type Stripe from "stripe";

/** The subscription an invoice bills, if any (under invoice.parent since the 2025 API versions). */
export function subscriptionOfInvoice(invoice: Stripe.Invoice): string | null {
  const subscription = invoice.parent?.subscription_details?.subscription;
  if (!subscription) return null;
  return typeof subscription === "string" ? subscription : subscription.id;
}
