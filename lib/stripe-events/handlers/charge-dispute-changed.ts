import type Stripe from "stripe";
import { syncDisputeFromStripe } from "@/lib/disputes/record-dispute";
import { readOrRefuse, RefusedEvent } from "../refused-event";

type DisputeEvent =
  | Stripe.ChargeDisputeCreatedEvent
  | Stripe.ChargeDisputeUpdatedEvent
  | Stripe.ChargeDisputeClosedEvent
  | Stripe.ChargeDisputeFundsWithdrawnEvent
  | Stripe.ChargeDisputeFundsReinstatedEvent;

/**
 * charge.dispute.created, .updated and .closed: the dispute is re-read from Stripe on the event's
 * account and recorded on its order, so the three events, in any order, end in Stripe's state.
 */
export async function handleChargeDisputeChanged(event: DisputeEvent): Promise<void> {
  const dispute = event.data.object;
  const result = await readOrRefuse(`dispute ${dispute.id}`, () => syncDisputeFromStripe(dispute.id, event.account ?? null));
  if (result === "mismatch") throw new RefusedEvent(`dispute ${dispute.id} does not belong to its order's account`);
}
