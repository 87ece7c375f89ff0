import type Stripe from "stripe";
import { syncConnectedAccount } from "@/lib/seller-accounts/account-sync";

/** The account's status is re-read from Stripe, so an older event arriving late changes nothing. */
export async function handleAccountUpdated(event: Stripe.AccountUpdatedEvent): Promise<void> {
  const accountId = event.account ?? event.data.object.id;
  await syncConnectedAccount(accountId);
}
