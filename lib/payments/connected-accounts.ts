import { randomUUID } from "node:crypto";
import Stripe from "stripe";
import { env } from "@/lib/env";
import { stripe } from "./stripe-client";

/** What the app keeps of a connected account's state (the SellerAccount columns that mirror it). */
export interface AccountStatus {
  chargesEnabled: boolean;
  payoutsEnabled: boolean;
  detailsSubmitted: boolean;
  /** JSON array of the requirement names due now or past due. */
  requirementsDue: string;
}

function statusOf(account: Stripe.Account): AccountStatus {
  const requirements = account.requirements;
  const due = new Set([...(requirements?.past_due ?? []), ...(requirements?.currently_due ?? [])]);
  return {
    chargesEnabled: account.charges_enabled ?? false,
    payoutsEnabled: account.payouts_enabled ?? false,
    detailsSubmitted: account.details_submitted ?? false,
    requirementsDue: JSON.stringify([...due]),
  };
}

/** The account's current status at Stripe; null when the platform may no longer read it (deauthorized). */
export async function readAccountStatus(accountId: string): Promise<AccountStatus | null> {
  try {
    return statusOf(await stripe().accounts.retrieve(accountId));
  } catch (error) {
    if (error instanceof Stripe.errors.StripePermissionError || error instanceof Stripe.errors.StripeAuthenticationError) return null;
    throw error;
  }
}

/**
 * Revokes the platform's access to a Standard account connected by OAuth. One already revoked
 * from the seller's side answers 400/401/403: the link is gone either way.
 */
export async function deauthorizeAccount(accountId: string, idempotencyKey?: string): Promise<void> {
  const { connectClientId } = env().stripe;
  if (!connectClientId) throw new Error("STRIPE_CONNECT_CLIENT_ID is not configured");
  try {
    await stripe().oauth.deauthorize({ client_id: connectClientId, stripe_user_id: accountId }, idempotencyKey ? { idempotencyKey } : undefined);
  } catch (error) {
    if (!(error instanceof Stripe.errors.StripeError && [400, 401, 403].includes(error.statusCode ?? 0))) throw error;
  }
}

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

/**
 * The account ID an OAuth callback's code grants, or "invalid_grant" for a code that is used,
 * expired or forged. The access and refresh tokens in the answer are dropped: the platform key
 * with the Stripe-Account header is all the platform needs.
 */
export async function exchangeOAuthCode(code: string): Promise<string | "invalid_grant"> {
  let accountId: string | undefined;
  try {
    const token = await stripe().oauth.token({ grant_type: "authorization_code", code });
    accountId = token.stripe_user_id;
  } catch (error) {
    if (error instanceof Stripe.errors.StripeInvalidGrantError) return "invalid_grant";
    throw error;
  }
  if (!accountId) throw new Error("Stripe's OAuth answer had no stripe_user_id");
  return accountId;
}

/** A new Express account for the seller; the key makes a retry return the same account. */
export async function createExpressAccount(user: { id: string; email: string }, idempotencyKey: string): Promise<string> {
  const account = await stripe().accounts.create(
    {
      type: "express",
      email: user.email,
      capabilities: { card_payments: { requested: true }, transfers: { requested: true } },
      metadata: { user_id: user.id },
    },
    { idempotencyKey },
  );
  return account.id;
}

/** An onboarding URL for the account. Account links are single-use, so each request is its own action. */
export async function createOnboardingUrl(accountId: string, urls: { returnUrl: string; refreshUrl: string }): Promise<string> {
  const link = await stripe().accountLinks.create(
    { account: accountId, type: "account_onboarding", return_url: urls.returnUrl, refresh_url: urls.refreshUrl },
    { idempotencyKey: `account-link:${accountId}:${randomUUID()}` },
  );
  return link.url;
}

/** Where "Open your Stripe dashboard" goes: a single-use login link for Express, the dashboard otherwise. */
export async function dashboardUrlFor(accountId: string, connectedVia: string | null): Promise<string> {
  if (connectedVia === "account_link") {
    const link = await stripe().accounts.createLoginLink(accountId, {}, { idempotencyKey: `login-link:${accountId}:${randomUUID()}` });
    return link.url;
  }
  const { apiUrl } = env().stripe;
  return apiUrl ? `${apiUrl}/` : "https://dashboard.stripe.com/";
}
