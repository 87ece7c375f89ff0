import type Stripe from "stripe";
import { syncSubscription } from "@/lib/membership/sync-membership";

export async function handleCustomerSubscriptionUpdated(event: Stripe.Event): Promise<void> {
  const subscription = event.data.object as Stripe.Subscription;
  await syncSubscription(subscription.id, new Date(event.created * 1000));
}
