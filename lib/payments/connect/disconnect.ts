import { randomUUID } from "node:crypto";
import Stripe from "stripe";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { stripe } from "../stripe-client";
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
  if (row.connectedVia === "oauth") {
    const { connectClientId } = env().stripe;
    if (!connectClientId) throw new Error("STRIPE_CONNECT_CLIENT_ID is not configured");
    try {
      await stripe().oauth.deauthorize({ client_id: connectClientId, stripe_user_id: row.stripeAccountId });
    } catch (error) {
      // Already revoked from the seller's side: the link is gone either way.
      if (!(error instanceof Stripe.errors.StripeError && [400, 401, 403].includes(error.statusCode ?? 0))) throw error;
    }
  }
  await markAccountDisconnected(row.stripeAccountId);
  return { ok: true };
}

/** Where "Open your Stripe dashboard" goes: a login link for Express, the dashboard otherwise. */
export async function stripeDashboardUrl(userId: string): Promise<string | null> {
  const row = await db.sellerAccount.findUnique({
    where: { userId },
    select: { stripeAccountId: true, connectedVia: true, disconnectedAt: true },
  });
  if (!row?.stripeAccountId || row.disconnectedAt) return null;
  if (row.connectedVia === "account_link") {
    // Login links are single-use: each request for one is its own action.
    const link = await stripe().accounts.createLoginLink(row.stripeAccountId, {}, { idempotencyKey: `login-link:${row.stripeAccountId}:${randomUUID()}` });
    return link.url;
  }
  const { apiUrl } = env().stripe;
  return apiUrl ? `${apiUrl}/` : "https://dashboard.stripe.com/";
}
