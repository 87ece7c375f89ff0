// Connecting a seller: Express onboarding through Account Links, and OAuth followed by a disconnect.
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { db } from "@/lib/db";
import { syncConnectedAccount } from "@/lib/seller-accounts/account-sync";
import { disconnectSeller } from "@/lib/seller-accounts/disconnect";
import { buildAuthorizeUrl } from "@/lib/payments/connected-accounts";
import { completeOAuthConnection } from "@/lib/seller-accounts/oauth-connection";
import { createOnboardingLink } from "@/lib/seller-accounts/onboarding";
import { makeUser } from "../../integration/support/factories";
import { defineFlow, type FaultFlow, type FlowKit, type User } from "./fault-flow";
import { once, untilDone } from "./person";

export function connectFlows({ stripe, read }: FlowKit): FaultFlow[] {
  const onboarding = defineFlow<{ seller: User }>({
    name: "Connect onboarding (Express, Account Links)",
    prepare: async () => ({ seller: await makeUser("seller") }),
    act: async ({ seller }) => {
      const urls = { returnUrl: "http://app.test/seller/connect/onboarding/return", refreshUrl: "http://app.test/seller/connect/onboarding/refresh" };
      const link = await untilDone("connect with Stripe", () => createOnboardingLink(seller, urls), (url) => url.length > 0);
      const submitted = await fetch(link, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ decision: "submit", business_name: "Fault seller", email: seller.email }),
        redirect: "manual",
      });
      expect(submitted.status).toBeLessThan(400);
      // The return page refreshes the status but shows the seller page even when that fails.
      const row = await db.sellerAccount.findUniqueOrThrow({ where: { userId: seller.id } });
      if (row.stripeAccountId) await once(() => syncConnectedAccount(row.stripeAccountId!));
    },
    check: async ({ seller }) => {
      const accounts = (await read("/v1/accounts?limit=100")).body.data as Array<{ id: string; charges_enabled: boolean; metadata: { user_id?: string } }>;
      const theirs = accounts.filter((account) => account.metadata.user_id === seller.id);
      expect(theirs, "one Express account for the seller").toHaveLength(1);
      const row = await db.sellerAccount.findUniqueOrThrow({ where: { userId: seller.id } });
      expect(row).toMatchObject({ stripeAccountId: theirs[0].id, disconnectedAt: null, chargesEnabled: true });
      expect(theirs[0].charges_enabled).toBe(true);
    },
  });

  const oauth = defineFlow<{ seller: User; accountId: string }>({
    name: "Connect by OAuth, then disconnect",
    prepare: async () => {
      const seller = await makeUser("seller");
      // The seller's own Standard account, which they pick on Stripe's authorize page every time.
      const account = await stripe.call("POST", "/v1/accounts", { type: "standard", country: "US", email: seller.email });
      return { seller, accountId: account.body.id as string };
    },
    act: async ({ seller, accountId }) => {
      await untilDone(
        "connecting by OAuth",
        async () => {
          const authorizeUrl = new URL(buildAuthorizeUrl({ state: randomUUID(), redirectUri: "http://app.test/seller/connect/oauth/callback" }));
          const form = new URLSearchParams(authorizeUrl.searchParams);
          form.set("decision", "connect");
          form.set("account", accountId);
          const decided = await fetch(`${stripe.emulator.url}/oauth/authorize/decision`, {
            method: "POST",
            headers: { "content-type": "application/x-www-form-urlencoded" },
            body: form,
            redirect: "manual",
          });
          const code = new URL(decided.headers.get("location")!).searchParams.get("code")!;
          return completeOAuthConnection(seller.id, code);
        },
        (result) => result.ok,
      );
      await untilDone("disconnecting", () => disconnectSeller(seller.id), (result) => result.ok);
    },
    check: async ({ seller, accountId }) => {
      const rows = await db.sellerAccount.findMany({ where: { stripeAccountId: accountId } });
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ userId: seller.id, connectedVia: "oauth", chargesEnabled: false });
      expect(rows[0].disconnectedAt).not.toBeNull();
      expect((await read("/v1/account", accountId)).status, "the platform's access is revoked at Stripe").toBe(403);
    },
  });

  return [onboarding, oauth];
}
