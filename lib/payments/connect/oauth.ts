import Stripe from "stripe";
import { env } from "@/lib/env";
import { stripe } from "../stripe-client";
import { linkAccountToSeller, type LinkResult } from "./link-account";

/**
 * The "Connect Stripe Account" link for Standard accounts. Built by hand because stripe-node's
 * authorizeUrl() drops the port, which the emulator needs.
 */
export function buildAuthorizeUrl({ state, redirectUri, email }: { state: string; redirectUri: string; email?: string }): string {
  const { connectUrl, connectClientId } = env().stripe;
  if (!connectClientId) throw new Error("STRIPE_CONNECT_CLIENT_ID is not configured");
  const url = new URL("/oauth/authorize", connectUrl);
  url.searchParams.set("response_type", "code");
  url.searchParams.set("client_id", connectClientId);
  url.searchParams.set("scope", "read_write");
  url.searchParams.set("state", state);
  url.searchParams.set("redirect_uri", redirectUri);
  if (email) url.searchParams.set("stripe_user[email]", email);
  return url.toString();
}

export type OAuthResult = LinkResult | { ok: false; reason: "invalid_grant" };

/**
 * Exchanges the callback's code for the account ID and links it. Only the `acct_` ID is kept:
 * the platform key with the Stripe-Account header is all the platform needs, so the returned
 * access and refresh tokens are dropped on the floor.
 */
export async function completeOAuthConnection(userId: string, code: string): Promise<OAuthResult> {
  let accountId: string | undefined;
  try {
    const token = await stripe().oauth.token({ grant_type: "authorization_code", code });
    accountId = token.stripe_user_id;
  } catch (error) {
    if (error instanceof Stripe.errors.StripeInvalidGrantError) return { ok: false, reason: "invalid_grant" };
    throw error;
  }
  if (!accountId) throw new Error("Stripe's OAuth answer had no stripe_user_id");
  return linkAccountToSeller(userId, accountId, "oauth");
}
