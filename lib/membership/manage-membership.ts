import { db } from "@/lib/db";
import { ensureStripeCustomer } from "@/lib/payments/customers";
import { createCardSetupIntent, findSetupIntent, retryOpenInvoice, useCardForRenewals } from "@/lib/payments/payment-methods";
import { setCancelAtPeriodEnd } from "@/lib/payments/subscriptions";
import { MEMBER_ACCESS_STATUSES } from "./membership-status";
import { applySubscription, syncSubscription } from "./sync-membership";

/** The member's current subscription, counting this action for its idempotency key. */
async function nextAction(userId: string) {
  const membership = await db.membership.findFirst({
    where: { userId, status: { in: [...MEMBER_ACCESS_STATUSES] }, stripeSubscriptionId: { not: null } },
    select: { id: true, stripeSubscriptionId: true },
  });
  if (!membership) return null;
  const counted = await db.membership.update({
    where: { id: membership.id },
    data: { actionCount: { increment: 1 } },
    select: { actionCount: true },
  });
  return { id: membership.id, subscriptionId: membership.stripeSubscriptionId!, action: counted.actionCount };
}

/** Cancel at the end of the paid period (cancel = true) or resume before it ends (false). */
export async function setMembershipCancellation(userId: string, cancel: boolean): Promise<boolean> {
  const membership = await nextAction(userId);
  if (!membership) return false;
  const subscription = await setCancelAtPeriodEnd(
    membership.subscriptionId,
    cancel,
    `membership:${membership.id}:action:${membership.action}:cancel-at-period-end:${cancel}`,
  );
  await applySubscription(subscription);
  return true;
}

/** A SetupIntent for a new card; the browser confirms it with the Payment Element. */
export async function startCardUpdate(userId: string): Promise<string | null> {
  const membership = await nextAction(userId);
  if (!membership) return null;
  const customerId = await ensureStripeCustomer(userId);
  const intent = await createCardSetupIntent(customerId, userId, `membership:${membership.id}:action:${membership.action}:card-setup`);
  return intent.client_secret;
}

export type CardUpdateResult = "updated" | "not-confirmed" | "not-found";

/** The browser confirmed the SetupIntent: renewals use the new card; a failed renewal is retried. */
export async function finishCardUpdate(userId: string, setupIntentId: string): Promise<CardUpdateResult> {
  const [user, membership] = await Promise.all([
    db.user.findUnique({ where: { id: userId }, select: { stripeCustomerId: true } }),
    db.membership.findFirst({ where: { userId, stripeSubscriptionId: { not: null } }, select: { stripeSubscriptionId: true } }),
  ]);
  if (!user?.stripeCustomerId || !membership?.stripeSubscriptionId) return "not-found";
  const intent = await findSetupIntent(setupIntentId);
  if (!intent) return "not-found";
  const customer = typeof intent.customer === "string" ? intent.customer : intent.customer?.id;
  if (customer !== user.stripeCustomerId) return "not-found";
  const method = typeof intent.payment_method === "string" ? intent.payment_method : intent.payment_method?.id;
  if (intent.status !== "succeeded" || !method) return "not-confirmed";

  const subscription = await useCardForRenewals(user.stripeCustomerId, membership.stripeSubscriptionId, method, `setup-intent:${intent.id}`);
  const latest = subscription.latest_invoice;
  const latestId = typeof latest === "string" ? latest : latest?.id;
  if (subscription.status === "past_due" && latestId) {
    try {
      await retryOpenInvoice(latestId, `setup-intent:${intent.id}:retry-invoice:${latestId}`);
    } catch {
      // A declined retry leaves the membership past due; Stripe keeps retrying on its schedule.
    }
  }
  await syncSubscription(subscription.id);
  return "updated";
}
