import { db } from "@/lib/db";
import { createExpressAccount, createOnboardingUrl } from "@/lib/payments/connected-accounts";
import { linkAccountToSeller } from "./link-account";

interface OnboardingUrls {
  returnUrl: string;
  refreshUrl: string;
}

export class NoAccountToOnboard extends Error {
  constructor() {
    super("the seller has no connected account to continue onboarding");
  }
}

/**
 * A fresh Account Links onboarding URL for the seller. The seller's current account is reused
 * (so an abandoned onboarding resumes); a new Express account is created only when there is
 * none, once per connection: the idempotency key changes only after a disconnect.
 */
export async function createOnboardingLink(
  user: { id: string; email: string },
  urls: OnboardingUrls,
  { createAccount = true }: { createAccount?: boolean } = {},
): Promise<string> {
  const existing = await db.sellerAccount.findUnique({
    where: { userId: user.id },
    select: { stripeAccountId: true, disconnectedAt: true },
  });
  let accountId = existing && !existing.disconnectedAt ? existing.stripeAccountId : null;
  if (!accountId && !createAccount) throw new NoAccountToOnboard();
  if (!accountId) {
    accountId = await createExpressAccount(user, `user:${user.id}:connect-account:${existing?.disconnectedAt?.getTime() ?? 0}`);
    const linked = await linkAccountToSeller(user.id, accountId, "account_link");
    if (!linked.ok) throw new Error("a newly created account was already linked");
  }
  return createOnboardingUrl(accountId, urls);
}
