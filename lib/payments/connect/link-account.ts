import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { stripe } from "../stripe-client";
import { accountStatusColumns } from "./account-sync";

export type LinkResult = { ok: true; accountId: string } | { ok: false; reason: "already_linked" };

/**
 * Stores the account as this seller's, with its current status. An account already linked to
 * another seller is refused: one Stripe account pays one seller.
 */
export async function linkAccountToSeller(
  userId: string,
  accountId: string,
  connectedVia: "oauth" | "account_link",
): Promise<LinkResult> {
  const holder = await db.sellerAccount.findUnique({ where: { stripeAccountId: accountId }, select: { userId: true } });
  if (holder && holder.userId !== userId) return { ok: false, reason: "already_linked" };
  const account = await stripe().accounts.retrieve(accountId);
  const data = { stripeAccountId: accountId, connectedVia, disconnectedAt: null, ...accountStatusColumns(account) };
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
