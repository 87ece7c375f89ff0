import type Stripe from "stripe";
import { db } from "@/lib/db";
import { adoptFirstCardAsDefault } from "@/lib/payments/payment-methods";
import { currentPeriodEnd, retrieveSubscription } from "@/lib/payments/subscriptions";

/**
 * Copies a subscription's state onto the member's row. With an event time, an event older than
 * the newest one applied changes nothing, so late or reordered deliveries never roll back.
 * Events of a subscription the member no longer holds (an earlier, ended one) are ignored.
 */
export async function applySubscription(subscription: Stripe.Subscription, eventAt?: Date): Promise<boolean> {
  const userId = subscription.metadata?.user_id;
  const membership = await db.membership.findFirst({
    where: {
      OR: [{ stripeSubscriptionId: subscription.id }, ...(userId ? [{ userId, stripeSubscriptionId: null }] : [])],
    },
    select: { id: true },
  });
  if (!membership) return false;
  const updated = await db.membership.updateMany({
    where: {
      id: membership.id,
      OR: [{ stripeSubscriptionId: subscription.id }, { stripeSubscriptionId: null }],
      ...(eventAt ? { AND: [{ OR: [{ lastEventAt: null }, { lastEventAt: { lte: eventAt } }] }] } : {}),
    },
    data: {
      stripeSubscriptionId: subscription.id,
      status: subscription.status,
      currentPeriodEnd: currentPeriodEnd(subscription),
      cancelAtPeriodEnd: subscription.cancel_at_period_end || subscription.cancel_at !== null,
      ...(eventAt ? { lastEventAt: eventAt } : {}),
    },
  });
  return updated.count > 0;
}

/** Re-reads the subscription from Stripe (events may be stale) and applies it. */
export async function syncSubscription(subscriptionId: string, eventAt?: Date): Promise<Stripe.Subscription> {
  const subscription = await retrieveSubscription(subscriptionId);
  await applySubscription(subscription, eventAt);
  return subscription;
}

/** After the first invoice is paid: the card it was paid with becomes the customer's default. */
export async function adoptFirstPaymentCard(subscription: Stripe.Subscription): Promise<void> {
  if (!["active", "trialing", "past_due"].includes(subscription.status)) return;
  const method = subscription.default_payment_method;
  const methodId = typeof method === "string" ? method : method?.id;
  const customerId = typeof subscription.customer === "string" ? subscription.customer : subscription.customer.id;
  if (!methodId) return;
  await adoptFirstCardAsDefault(customerId, methodId, `subscription:${subscription.id}:first-card-default:${methodId}`);
}
