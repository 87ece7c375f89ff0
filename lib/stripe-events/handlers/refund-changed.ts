import type Stripe from "stripe";
import { recordChargeRefunds } from "@/lib/refunds/record-refunds";
import { readOrRefuse, RefusedEvent } from "../refused-event";

type RefundEvent = Stripe.RefundCreatedEvent | Stripe.RefundUpdatedEvent;

/**
 * refund.created and refund.updated: whatever changed, the refund's charge is re-read from Stripe
 * on the event's account and its order's totals recorded, so either event, in any order, ends right.
 */
export async function handleRefundChanged(event: RefundEvent): Promise<void> {
  const refund = event.data.object;
  const chargeId = typeof refund.charge === "string" ? refund.charge : refund.charge?.id;
  if (!chargeId) return;
  const result = await readOrRefuse(`refund ${refund.id}`, () => recordChargeRefunds(chargeId, event.account ?? null));
  if (result === "mismatch") throw new RefusedEvent(`refund ${refund.id} does not belong to its order's account`);
}
