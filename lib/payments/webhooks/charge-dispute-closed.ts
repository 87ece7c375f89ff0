import type Stripe from "stripe";
import { syncDisputeFromStripe } from "@/lib/disputes/record-dispute";

/** charge.dispute.closed: the dispute is re-read from Stripe on the event's account and recorded on its order. */
export async function handleChargeDisputeClosed(event: Stripe.Event): Promise<void> {
  const dispute = event.data.object as Stripe.Dispute;
  const result = await syncDisputeFromStripe(dispute.id, event.account ?? null);
  if (result === "mismatch") throw new Error(`dispute ${dispute.id} does not belong to its order's account`);
}
