import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { deauthorizeAccount, readAccountStatus } from "@/lib/payments/connected-accounts";

export type LinkResult = { ok: true; accountId: string } | { ok: false; reason: "already_linked" };

/**
 * Stores the account as this seller's, with its current status. An account already linked to
 * another seller is refused: one Stripe account pays one seller. A different Standard account
 * the seller had connected by OAuth is deauthorized first: the platform keeps no access to an
 * account it no longer pays out to.
 */
export async function linkAccountToSeller(
  userId: string,
  accountId: string,
  connectedVia: "oauth" | "account_link",
): Promise<LinkResult> {
  const holder = await db.sellerAccount.findUnique({ where: { stripeAccountId: accountId }, select: { userId: true } });
  if (holder && holder.userId !== userId) return { ok: false, reason: "already_linked" };
  const status = await readAccountStatus(accountId);
  if (!status) throw new Error(`the platform cannot read the account ${accountId} it was just given`);
  const replaced = await db.sellerAccount.findUnique({ where: { userId }, select: { stripeAccountId: true, connectedVia: true, disconnectedAt: true } });
  if (replaced?.stripeAccountId && replaced.stripeAccountId !== accountId && replaced.connectedVia === "oauth" && !replaced.disconnectedAt) {
    // The key names this replacement: a retry of the same link repeats the same deauthorization.
    await deauthorizeAccount(replaced.stripeAccountId, `deauthorize:${replaced.stripeAccountId}:replaced-by:${accountId}`);
  }
  const data = { stripeAccountId: accountId, connectedVia, disconnectedAt: null, ...status };
  try {
    await db.sellerAccount.upsert({ where: { userId }, create: { userId, ...data }, update: data });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return { ok: false, reason: "already_linked" };
    }
    throw error;
  }
  return { ok: true, accountId };
}
