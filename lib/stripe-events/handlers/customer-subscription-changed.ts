import type Stripe from "stripe";
import { syncSubscription } from "@/lib/membership/sync-membership";

type SubscriptionEvent =
  | Stripe.CustomerSubscriptionCreatedEvent
  | Stripe.CustomerSubscriptionUpdatedEvent
  | Stripe.CustomerSubscriptionDeletedEvent;

/** Created, updated or deleted: the membership is re-read from Stripe, so any order of events ends in Stripe's state. */
export async function handleCustomerSubscriptionChanged(event: SubscriptionEvent): Promise<void> {
  const subscription = event.data.object;
  await syncSubscription(subscription.id, new Date(event.created * 1000));
}
