import type Stripe from "stripe";
import { recordChargeRefunds } from "@/lib/refunds/record-refunds";
import { readOrRefuse, RefusedEvent } from "../refused-event";

/** Refunds made here or in Stripe's dashboard: the order's totals are re-read from Stripe. */
export async function handleChargeRefunded(event: Stripe.ChargeRefundedEvent): Promise<void> {
  const charge = event.data.object;
  // Membership invoices' charges have no order; recordChargeRefunds finds none and does nothing.
  const result = await readOrRefuse(`charge ${charge.id}`, () => recordChargeRefunds(charge.id, event.account ?? null));
  if (result === "mismatch") throw new RefusedEvent(`charge ${charge.id} does not belong to its order's account`);
}
