import Stripe from "stripe";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import { stripe } from "../stripe-client";
import { accountStatusColumns } from "./account-sync";

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
  const account = await stripe().accounts.retrieve(accountId);
  const replaced = await db.sellerAccount.findUnique({ where: { userId }, select: { stripeAccountId: true, connectedVia: true, disconnectedAt: true } });
  if (replaced?.stripeAccountId && replaced.stripeAccountId !== accountId && replaced.connectedVia === "oauth" && !replaced.disconnectedAt) {
    await deauthorizeReplaced(replaced.stripeAccountId, accountId);
  }
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

/** The key names this replacement: a retry of the same link repeats the same deauthorization. */
async function deauthorizeReplaced(oldAccountId: string, newAccountId: string): Promise<void> {
  const { connectClientId } = env().stripe;
  if (!connectClientId) throw new Error("STRIPE_CONNECT_CLIENT_ID is not configured");
  try {
    await stripe().oauth.deauthorize(
      { client_id: connectClientId, stripe_user_id: oldAccountId },
      { idempotencyKey: `deauthorize:${oldAccountId}:replaced-by:${newAccountId}` },
    );
  } catch (error) {
    // Already revoked from the seller's side: the link is gone either way.
    if (!(error instanceof Stripe.errors.StripeError && [400, 401, 403].includes(error.statusCode ?? 0))) throw error;
  }
}
