import { recordAudit } from "@/lib/audit/audit-log";
import { db } from "@/lib/db";
import { syncSubscription } from "@/lib/membership/sync-membership";
import type { ResyncResult } from "./resync-order";

/** Re-reads a member's subscription from Stripe and applies it, as the subscription events do. */
export async function resyncMembership(actorId: string, userId: string): Promise<ResyncResult> {
  const membership = await db.membership.findUnique({ where: { userId }, select: { status: true, stripeSubscriptionId: true } });
  if (!membership?.stripeSubscriptionId) return { ok: false, message: "This user has no membership at Stripe." };
  const subscription = await syncSubscription(membership.stripeSubscriptionId);
  const after = await db.membership.findUniqueOrThrow({ where: { userId }, select: { status: true } });
  await recordAudit({
    actorId,
    action: "membership.resynced",
    details: { userId, subscriptionId: subscription.id, stripeStatus: subscription.status, before: membership.status, after: after.status },
  });
  return { ok: true, message: `Re-synced: the membership is ${after.status}.` };
}
