import { db } from "@/lib/db";
import { readAccountStatus } from "@/lib/payments/connected-accounts";

/**
 * Re-reads the account from Stripe and stores its status. Reading the current object (instead of
 * trusting an event's copy) keeps late or out-of-order `account.updated` events from rolling the
 * status back. Returns false when the account is no longer ours to read (deauthorized).
 */
export async function syncConnectedAccount(stripeAccountId: string): Promise<boolean> {
  const status = await readAccountStatus(stripeAccountId);
  if (!status) return false;
  await db.sellerAccount.updateMany({ where: { stripeAccountId, disconnectedAt: null }, data: status });
  return true;
}

/**
 * The platform lost access to the account (the seller disconnected, or revoked us in Stripe):
 * it can no longer take charges, and the seller's courses leave the catalogue until they
 * connect again. Rows are kept so past orders still name the account.
 */
export async function markAccountDisconnected(stripeAccountId: string): Promise<void> {
  const row = await db.sellerAccount.findUnique({ where: { stripeAccountId }, select: { userId: true, disconnectedAt: true } });
  if (!row || row.disconnectedAt) return;
  await db.$transaction([
    db.sellerAccount.update({
      where: { stripeAccountId },
      data: { disconnectedAt: new Date(), chargesEnabled: false, payoutsEnabled: false },
    }),
    db.course.updateMany({ where: { sellerId: row.userId, published: true }, data: { published: false } }),
  ]);
}
