import type Stripe from "stripe";
import { recordChargeRefunds } from "@/lib/refunds/record-refunds";

/** Refunds made here or in Stripe's dashboard: the order's totals are re-read from Stripe. */
export async function handleChargeRefunded(event: Stripe.Event): Promise<void> {
  const charge = event.data.object as Stripe.Charge;
  // Membership invoices' charges have no order; recordChargeRefunds finds none and does nothing.
  const result = await recordChargeRefunds(charge.id, event.account ?? null);
  if (result === "mismatch") throw new Error(`charge ${charge.id} does not belong to its order's account`);
}
