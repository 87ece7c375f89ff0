import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { ensureStripeCustomer } from "@/lib/payments/customers";
import { ensureMembershipPlan } from "@/lib/payments/membership-plan";
import { isStripeUnavailable } from "@/lib/payments/stripe-errors";
import { createMembershipSubscription, invoiceTotal, openInvoiceSecret, retrieveSubscription } from "@/lib/payments/subscriptions";
import { grantsMemberAccess } from "./membership-status";
import { adoptFirstPaymentCard, applySubscription } from "./sync-membership";

export type JoinResult =
  | { ok: true; clientSecret: string; amountMinor: number; currency: string }
  | { ok: false; reason: "already-member" | "stripe-unavailable" | "not-payable"; message: string };

const ENDED = new Set(["canceled", "incomplete_expired", "unpaid"]);

async function membershipRow(userId: string) {
  try {
    return await db.membership.upsert({ where: { userId }, create: { userId }, update: {} });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return db.membership.findUniqueOrThrow({ where: { userId } });
    }
    throw error;
  }
}

/**
 * Starts the membership: an incomplete subscription whose first invoice the browser pays. A
 * repeated join while that invoice is open returns the same invoice; a join after the membership
 * ended starts a new subscription with a new idempotency key.
 */
export async function joinMembership(userId: string): Promise<JoinResult> {
  try {
    const plan = await ensureMembershipPlan();
    let membership = await membershipRow(userId);
    if (membership.stripeSubscriptionId) {
      const current = await retrieveSubscription(membership.stripeSubscriptionId);
      await applySubscription(current);
      if (grantsMemberAccess(current.status)) {
        return { ok: false, reason: "already-member", message: "You are already a member." };
      }
      const secret = openInvoiceSecret(current);
      const total = invoiceTotal(current);
      if (current.status === "incomplete" && secret && total) return { ok: true, clientSecret: secret, ...total };
      if (!ENDED.has(current.status) && current.status !== "incomplete") {
        return { ok: false, reason: "not-payable", message: "Your membership cannot be started right now. Please contact us." };
      }
      await db.membership.updateMany({
        where: { id: membership.id, stripeSubscriptionId: current.id },
        data: { stripeSubscriptionId: null, joinAttempt: { increment: 1 }, lastEventAt: null },
      });
      membership = await db.membership.findUniqueOrThrow({ where: { userId } });
    }

    const customerId = await ensureStripeCustomer(userId);
    const subscription = await createMembershipSubscription({
      customerId,
      userId,
      priceId: plan.stripePriceId,
      joiningFeePriceId: plan.stripeJoiningPriceId,
      idempotencyKey: `membership:${membership.id}:join:${membership.joinAttempt}`,
    });
    await applySubscription(subscription);
    const secret = openInvoiceSecret(subscription);
    const total = invoiceTotal(subscription);
    if (!secret || !total) {
      await adoptFirstPaymentCard(subscription);
      return { ok: false, reason: "already-member", message: "You are already a member." };
    }
    return { ok: true, clientSecret: secret, ...total };
  } catch (error) {
    if (isStripeUnavailable(error)) {
      return { ok: false, reason: "stripe-unavailable", message: "We could not reach our payment provider. Nothing was charged; please try again." };
    }
    throw error;
  }
}

/** The browser reports the first invoice paid: read the truth from Stripe, do not wait for webhooks. */
export async function confirmMembershipJoin(userId: string): Promise<string> {
  const membership = await db.membership.findUnique({ where: { userId }, select: { stripeSubscriptionId: true } });
  if (!membership?.stripeSubscriptionId) return "none";
  const subscription = await retrieveSubscription(membership.stripeSubscriptionId);
  await applySubscription(subscription);
  await adoptFirstPaymentCard(subscription);
  return subscription.status;
}
