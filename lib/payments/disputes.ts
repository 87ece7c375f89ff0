import type Stripe from "stripe";
import { stripe } from "./stripe-client";

/** A dispute re-read from Stripe on the account it lives on (a direct charge's: the seller's). */
export async function retrieveDispute(disputeId: string, account?: string): Promise<Stripe.Dispute> {
  return stripe().disputes.retrieve(disputeId, {}, account ? { stripeAccount: account } : undefined);
}

/** The disputes of a PaymentIntent's charge, newest first (for the admin's re-sync). */
export async function listIntentDisputes(paymentIntentId: string, account?: string): Promise<Stripe.Dispute[]> {
  const page = await stripe().disputes.list({ payment_intent: paymentIntentId, limit: 10 }, account ? { stripeAccount: account } : undefined);
  return page.data;
}
