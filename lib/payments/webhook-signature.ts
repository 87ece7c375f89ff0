import type Stripe from "stripe";
import { stripe } from "./stripe-client";

/** The event in a webhook body, after checking its Stripe-Signature header with the endpoint's secret; throws when it does not match. */
export function verifiedEvent(body: string, signature: string, secret: string): Stripe.Event {
  return stripe().webhooks.constructEvent(body, signature, secret);
}
