import type Stripe from "stripe";
import { syncConnectedAccount } from "../connect/account-sync";

/** The account's status is re-read from Stripe, so an older event arriving late changes nothing. */
export async function handleAccountUpdated(event: Stripe.Event): Promise<void> {
  const accountId = event.account ?? (event.data.object as Stripe.Account).id;
  await syncConnectedAccount(accountId);
}
