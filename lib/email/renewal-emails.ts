import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { enqueueEmails } from "./enqueue-emails";
import { notifyOutbox } from "./outbox-worker";
import { renewalFailedEmail } from "./renewal-failed-email";

export interface FailedRenewal {
  subscriptionId: string;
  invoiceId: string;
  amountDueMinor: number;
  currency: string;
  nextAttemptAt: Date | null;
}

/**
 * Tells the member a renewal was declined. Queued right after the membership is synced from the
 * same event; the key is the invoice, so a redelivered or replayed event (or Stripe's next retry
 * of the same invoice) does not repeat it. Only the member is told: the membership is sold by
 * the platform, so no seller is involved, and admins see past-due memberships on /admin.
 */
export async function queueFailedRenewalEmail(renewal: FailedRenewal): Promise<boolean> {
  const membership = await db.membership.findUnique({
    where: { stripeSubscriptionId: renewal.subscriptionId },
    select: { user: { select: { name: true, email: true } } },
  });
  if (!membership) return false;
  await enqueueEmails([
    renewalFailedEmail({
      invoiceId: renewal.invoiceId,
      amountDueMinor: renewal.amountDueMinor,
      currency: renewal.currency,
      nextAttemptAt: renewal.nextAttemptAt,
      member: membership.user,
      membershipUrl: new URL("/membership", env().APP_URL).toString(),
    }),
  ]);
  notifyOutbox();
  return true;
}
