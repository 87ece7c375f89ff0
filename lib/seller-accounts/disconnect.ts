import { db } from "@/lib/db";
import { dashboardUrlFor, deauthorizeAccount } from "@/lib/payments/connected-accounts";
import { markAccountDisconnected } from "./account-sync";

export type DisconnectResult = { ok: true; alreadyDisconnected?: true } | { ok: false; message: string };

/**
 * Ends the platform's link to the seller's account. A Standard account connected by OAuth is
 * deauthorized at Stripe; an Express account the platform created cannot be, so it is only
 * unlinked here (it stays in the platform's Stripe account for its history). Asking again once
 * it is disconnected succeeds: a first attempt whose answer was lost may have done it already
 * (Stripe then tells the Connect webhook, which marks it).
 */
export async function disconnectSeller(userId: string): Promise<DisconnectResult> {
  const row = await db.sellerAccount.findUnique({
    where: { userId },
    select: { stripeAccountId: true, connectedVia: true, disconnectedAt: true },
  });
  if (!row?.stripeAccountId) return { ok: false, message: "No Stripe account is connected." };
  if (row.disconnectedAt) return { ok: true, alreadyDisconnected: true };
  if (row.connectedVia === "oauth") await deauthorizeAccount(row.stripeAccountId);
  await markAccountDisconnected(row.stripeAccountId);
  return { ok: true };
}

/** Where "Open your Stripe dashboard" goes for this seller; null without a connected account. */
export async function stripeDashboardUrl(userId: string): Promise<string | null> {
  const row = await db.sellerAccount.findUnique({
    where: { userId },
    select: { stripeAccountId: true, connectedVia: true, disconnectedAt: true },
  });
  if (!row?.stripeAccountId || row.disconnectedAt) return null;
  return dashboardUrlFor(row.stripeAccountId, row.connectedVia);
}
