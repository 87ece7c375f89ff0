// Demo data that lives in Stripe as well as in the database: only ever run against the local
// emulator, where it walks the same hosted onboarding a seller would, so the seeded seller can
// sell from the first start. With real keys a seller connects from /seller.
import { db } from "../lib/db";
import { env } from "../lib/env";
import { syncConnectedAccount } from "../lib/seller-accounts/account-sync";
import { createOnboardingLink } from "../lib/seller-accounts/onboarding";

export async function connectDemoSellerOnEmulator(email = "seller@example.com"): Promise<string | null> {
  const { usesEmulator, apiUrl } = env().stripe;
  if (!usesEmulator || !apiUrl) return null;
  const seller = await db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true } });
  if (!seller) return null;
  const current = await db.sellerAccount.findUnique({ where: { userId: seller.id }, select: { stripeAccountId: true, disconnectedAt: true } });
  // An account from an earlier start is kept when the emulator still knows it.
  if (current?.stripeAccountId && !current.disconnectedAt && (await syncConnectedAccount(current.stripeAccountId))) {
    const synced = await db.sellerAccount.findUniqueOrThrow({ where: { userId: seller.id }, select: { chargesEnabled: true } });
    if (synced.chargesEnabled) return current.stripeAccountId;
  }
  if (current?.stripeAccountId) {
    await db.sellerAccount.update({ where: { userId: seller.id }, data: { disconnectedAt: new Date(), chargesEnabled: false } });
  }
  const base = env().APP_URL;
  const url = await createOnboardingLink(seller, { returnUrl: `${base}/seller`, refreshUrl: `${base}/seller` });
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ decision: "submit", business_name: `${seller.name}'s courses`, email: seller.email }),
    redirect: "manual",
  });
  if (response.status >= 400) throw new Error(`the emulator's onboarding page answered ${response.status}`);
  const row = await db.sellerAccount.findUniqueOrThrow({ where: { userId: seller.id }, select: { stripeAccountId: true } });
  await syncConnectedAccount(row.stripeAccountId!);
  return row.stripeAccountId;
}
