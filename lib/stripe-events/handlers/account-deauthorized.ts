import type Stripe from "stripe";
import { markAccountDisconnected } from "@/lib/seller-accounts/account-sync";

/** The seller revoked the platform's access in Stripe: the account can no longer be charged for. */
export async function handleAccountDeauthorized(event: Stripe.AccountApplicationDeauthorizedEvent): Promise<void> {
  if (!event.account) throw new Error("account.application.deauthorized without an account");
  await markAccountDisconnected(event.account);
}
