import { exchangeOAuthCode } from "@/lib/payments/connected-accounts";
import { linkAccountToSeller, type LinkResult } from "./link-account";

export type OAuthResult = LinkResult | { ok: false; reason: "invalid_grant" };

/** Exchanges the callback's code for the account ID and links it to the seller; only the `acct_` ID is kept. */
export async function completeOAuthConnection(userId: string, code: string): Promise<OAuthResult> {
  const accountId = await exchangeOAuthCode(code);
  if (accountId === "invalid_grant") return { ok: false, reason: "invalid_grant" };
  return linkAccountToSeller(userId, accountId, "oauth");
}
