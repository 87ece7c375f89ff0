import { recordAudit } from "@/lib/audit/audit-log";
import { db } from "@/lib/db";
import { syncConnectedAccount } from "@/lib/seller-accounts/account-sync";
import type { ResyncResult } from "./resync-order";

/** Re-reads a seller's connected account from Stripe, as account.updated does. */
export async function resyncSellerAccount(actorId: string, userId: string): Promise<ResyncResult> {
  const account = await db.sellerAccount.findUnique({ where: { userId }, select: { stripeAccountId: true, chargesEnabled: true, payoutsEnabled: true } });
  if (!account?.stripeAccountId) return { ok: false, message: "This user has no connected account." };
  const readable = await syncConnectedAccount(account.stripeAccountId);
  const after = await db.sellerAccount.findUniqueOrThrow({ where: { userId }, select: { chargesEnabled: true, payoutsEnabled: true } });
  await recordAudit({
    actorId,
    action: "seller_account.resynced",
    details: { userId, accountId: account.stripeAccountId, readable, before: { chargesEnabled: account.chargesEnabled, payoutsEnabled: account.payoutsEnabled }, after },
  });
  if (!readable) return { ok: false, message: "Stripe no longer lets the platform read this account (disconnected)." };
  return { ok: true, message: `Re-synced: charges ${after.chargesEnabled ? "enabled" : "disabled"}, payouts ${after.payoutsEnabled ? "enabled" : "disabled"}.` };
}
