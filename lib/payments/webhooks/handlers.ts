import type Stripe from "stripe";
import { handlePaymentIntentCanceled } from "./payment-intent-canceled";
import { handlePaymentIntentPaymentFailed } from "./payment-intent-payment-failed";
import { handlePaymentIntentSucceeded } from "./payment-intent-succeeded";

export type EventHandler = (event: Stripe.Event) => Promise<void>;

/** The platform events we act on; every other type is stored and answered 2xx. */
export const eventHandlers: Partial<Record<string, EventHandler>> = {
  "payment_intent.succeeded": handlePaymentIntentSucceeded,
  "payment_intent.payment_failed": handlePaymentIntentPaymentFailed,
  "payment_intent.canceled": handlePaymentIntentCanceled,
};
