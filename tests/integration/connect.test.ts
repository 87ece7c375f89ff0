import "./support/test-database";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as connectWebhook } from "@/app/api/stripe/connect-webhook/route";
import { consumeOAuthState, rememberOAuthState } from "@/lib/seller-accounts/oauth-state";
import { db } from "@/lib/db";
import { syncConnectedAccount } from "@/lib/seller-accounts/account-sync";
import { disconnectSeller } from "@/lib/seller-accounts/disconnect";
import { buildAuthorizeUrl } from "@/lib/payments/connected-accounts";
import { completeOAuthConnection } from "@/lib/seller-accounts/oauth-connection";
import { createOnboardingLink } from "@/lib/seller-accounts/onboarding";
import { receiveConnectWebhooks, signedWebhookRequest, type WebhookReceiver, type DeliveredEvent } from "./support/connect-webhooks";
import { makeCourse, makeUser } from "./support/factories";
import { startTestStripe, type TestStripe } from "./support/stripe-emulator";

const CONNECT_SECRET = "whsec_integration_connect_only";
let stripe: TestStripe;

let receiver: WebhookReceiver;
let delivered: DeliveredEvent[];

beforeAll(async () => {
  stripe = await startTestStripe({ deliverWebhooks: false });
  receiver = await receiveConnectWebhooks(stripe, CONNECT_SECRET);
  delivered = receiver.delivered;
});
afterAll(async () => {
  await stripe?.close();
  await receiver?.close();
});

/** What a person does on the emulator's authorize page; returns the redirect's query. */
async function authorizeOnStripe(authorizeUrl: string, decision: "connect" | "cancel", account = "new") {
  const url = new URL(authorizeUrl);
  const form = new URLSearchParams(url.searchParams);
  form.set("decision", decision);
  form.set("account", account);
  const response = await fetch(`${stripe.emulator.url}/oauth/authorize/decision`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: form,
    redirect: "manual",
  });
  return new URL(response.headers.get("location")!).searchParams;
}

function deliverConnectEvent(event: unknown) {
  return connectWebhook(signedWebhookRequest(JSON.stringify(event), CONNECT_SECRET));
}

describe("Connect by OAuth", () => {
  it("links the account the seller authorized, storing only its acct_ ID", async () => {
    const seller = await makeUser("seller");
    const authorizeUrl = buildAuthorizeUrl({ state: "s1", redirectUri: "http://app.test/callback", email: seller.email });
    expect(authorizeUrl).toContain(`${stripe.emulator.url}/oauth/authorize?response_type=code`);
    const query = await authorizeOnStripe(authorizeUrl, "connect");
    expect(query.get("state")).toBe("s1");

    const result = await completeOAuthConnection(seller.id, query.get("code")!);
    expect(result).toEqual({ ok: true, accountId: expect.stringMatching(/^acct_/) });
    const row = await db.sellerAccount.findUniqueOrThrow({ where: { userId: seller.id } });
    expect(row).toMatchObject({ connectedVia: "oauth", chargesEnabled: true, detailsSubmitted: true, disconnectedAt: null });
    expect(Object.keys(row)).not.toContain("accessToken");
  });

  it("refuses a code used twice", async () => {
    const seller = await makeUser("seller");
    const query = await authorizeOnStripe(buildAuthorizeUrl({ state: "s2", redirectUri: "http://app.test/cb" }), "connect");
    expect((await completeOAuthConnection(seller.id, query.get("code")!)).ok).toBe(true);
    const other = await makeUser("seller");
    expect(await completeOAuthConnection(other.id, query.get("code")!)).toEqual({ ok: false, reason: "invalid_grant" });
    expect(await db.sellerAccount.findUnique({ where: { userId: other.id } })).toBeNull();
  });

  it("reports a cancelled authorization as access_denied", async () => {
    const query = await authorizeOnStripe(buildAuthorizeUrl({ state: "s3", redirectUri: "http://app.test/cb" }), "cancel");
    expect(query.get("error")).toBe("access_denied");
    expect(query.get("state")).toBe("s3");
  });

  it("refuses an account already linked to another seller", async () => {
    const first = await makeUser("seller");
    const query = await authorizeOnStripe(buildAuthorizeUrl({ state: "s4", redirectUri: "http://app.test/cb" }), "connect");
    const linked = await completeOAuthConnection(first.id, query.get("code")!);
    if (!linked.ok) throw new Error("setup failed");
    const second = await makeUser("seller");
    const again = await authorizeOnStripe(buildAuthorizeUrl({ state: "s5", redirectUri: "http://app.test/cb" }), "connect", linked.accountId);
    expect(await completeOAuthConnection(second.id, again.get("code")!)).toEqual({ ok: false, reason: "already_linked" });
  });

  it("disconnect deauthorizes, and the deauthorized event unpublishes the courses once", async () => {
    const seller = await makeUser("seller");
    const query = await authorizeOnStripe(buildAuthorizeUrl({ state: "s6", redirectUri: "http://app.test/cb" }), "connect");
    const linked = await completeOAuthConnection(seller.id, query.get("code")!);
    if (!linked.ok) throw new Error("setup failed");
    const course = await makeCourse(seller.id, { published: true });

    expect(await disconnectSeller(seller.id)).toEqual({ ok: true });
    const row = await db.sellerAccount.findUniqueOrThrow({ where: { userId: seller.id } });
    expect(row.disconnectedAt).not.toBeNull();
    expect(row.chargesEnabled).toBe(false);
    expect((await db.course.findUniqueOrThrow({ where: { id: course.id } })).published).toBe(false);

    // Stripe tells the Connect endpoint too; a repeat delivery changes nothing and answers 200.
    await stripe.settle();
    const notice = delivered.find((d) => d.event.type === "account.application.deauthorized" && d.event.account === linked.accountId);
    expect(notice?.status).toBe(200);
    expect((await deliverConnectEvent(notice!.event)).status).toBe(200);
    expect(await db.stripeEvent.count({ where: { id: notice!.event.id } })).toBe(1);
    // Asking again (a first answer lost on the way) succeeds without calling Stripe.
    expect(await disconnectSeller(seller.id)).toEqual({ ok: true, alreadyDisconnected: true });
    expect(await disconnectSeller((await makeUser("seller")).id)).toEqual({ ok: false, message: "No Stripe account is connected." });
  });
});

describe("OAuth state and relinking", () => {
  // Failed on the old code: the state lived only in the cookie, so the same state and cookie linked a second account.
  it("a state is used once: of two callbacks with it exactly one goes on; another user's or an expired one never", async () => {
    const seller = await makeUser("seller");
    await rememberOAuthState("state-once", seller.id);
    const both = await Promise.all([consumeOAuthState("state-once", seller.id), consumeOAuthState("state-once", seller.id)]);
    expect(both.filter(Boolean)).toHaveLength(1);
    expect(await consumeOAuthState("state-once", seller.id)).toBe(false);

    const other = await makeUser("seller");
    await rememberOAuthState("state-mine", seller.id);
    expect(await consumeOAuthState("state-mine", other.id)).toBe(false);
    expect(await consumeOAuthState("state-mine", seller.id)).toBe(true);

    await rememberOAuthState("state-old", seller.id, new Date(Date.now() - 11 * 60 * 1000));
    expect(await consumeOAuthState("state-old", seller.id)).toBe(false);
  });

  // Failed on the old code: the replaced account stayed authorized for the platform.
  it("linking a different account deauthorizes the one it replaces, once", async () => {
    const seller = await makeUser("seller");
    const first = await completeOAuthConnection(seller.id, (await authorizeOnStripe(buildAuthorizeUrl({ state: "r1", redirectUri: "http://app.test/cb" }), "connect")).get("code")!);
    if (!first.ok) throw new Error("setup failed");
    const second = await completeOAuthConnection(seller.id, (await authorizeOnStripe(buildAuthorizeUrl({ state: "r2", redirectUri: "http://app.test/cb" }), "connect")).get("code")!);
    expect(second).toEqual({ ok: true, accountId: expect.stringMatching(/^acct_/) });
    expect(second.ok && second.accountId).not.toBe(first.accountId);
    expect(await db.sellerAccount.findUniqueOrThrow({ where: { userId: seller.id } })).toMatchObject({ stripeAccountId: second.ok && second.accountId, disconnectedAt: null });
    await stripe.settle();
    const deauthorized = delivered.filter((d) => d.event.type === "account.application.deauthorized");
    expect(deauthorized.filter((d) => d.event.account === first.accountId)).toHaveLength(1);
    expect(deauthorized.filter((d) => second.ok && d.event.account === second.accountId)).toHaveLength(0);
  });
});

describe("Connect by Account Links onboarding", () => {
  it("creates one account, resumes it after an abandoned onboarding, and follows account.updated", async () => {
    const seller = await makeUser("seller");
    const urls = { returnUrl: "http://app.test/return", refreshUrl: "http://app.test/refresh" };
    const firstLink = await createOnboardingLink(seller, urls);
    const row = await db.sellerAccount.findUniqueOrThrow({ where: { userId: seller.id } });
    expect(row).toMatchObject({ connectedVia: "account_link", chargesEnabled: false, detailsSubmitted: false });
    expect(JSON.parse(row.requirementsDue).length).toBeGreaterThan(0);

    // "Save and return later": nothing changes; a second link reuses the same account.
    await fetch(firstLink, { method: "POST", body: new URLSearchParams({ decision: "later" }), redirect: "manual" });
    const secondLink = await createOnboardingLink(seller, urls);
    expect(secondLink).not.toBe(firstLink);
    expect((await db.sellerAccount.findUniqueOrThrow({ where: { userId: seller.id } })).stripeAccountId).toBe(row.stripeAccountId);

    // A used link sends the person to the refresh URL.
    const reused = await fetch(firstLink, { redirect: "manual" });
    expect(reused.headers.get("location")).toBe(urls.refreshUrl);

    await fetch(secondLink, { method: "POST", body: new URLSearchParams({ decision: "submit" }), redirect: "manual" });
    await stripe.settle();
    const update = delivered.find((d) => d.event.type === "account.updated" && d.event.account === row.stripeAccountId);
    expect(update?.status).toBe(200);
    const ready = await db.sellerAccount.findUniqueOrThrow({ where: { userId: seller.id } });
    expect(ready).toMatchObject({ chargesEnabled: true, detailsSubmitted: true, requirementsDue: "[]" });
  });

  it("an old account.updated arriving late does not roll the status back", async () => {
    const seller = await makeUser("seller");
    const link = await createOnboardingLink(seller, { returnUrl: "http://app.test/r", refreshUrl: "http://app.test/f" });
    const { stripeAccountId } = await db.sellerAccount.findUniqueOrThrow({ where: { userId: seller.id } });
    await fetch(link, { method: "POST", body: new URLSearchParams({ decision: "submit" }), redirect: "manual" });
    await syncConnectedAccount(stripeAccountId!);
    const stale = {
      id: "evt_stale_account_updated",
      object: "event",
      type: "account.updated",
      account: stripeAccountId,
      created: 1,
      data: { object: { id: stripeAccountId, object: "account", charges_enabled: false, details_submitted: false } },
      livemode: false,
      api_version: "2026-10-28.endive",
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
    };
    expect((await deliverConnectEvent(stale)).status).toBe(200);
    expect((await db.sellerAccount.findUniqueOrThrow({ where: { userId: seller.id } })).chargesEnabled).toBe(true);
  });

  it("refuses an unsigned or forged Connect event", async () => {
    const forged = await connectWebhook(
      new Request("http://app.test/api/stripe/connect-webhook", { method: "POST", headers: { "stripe-signature": "t=1,v1=00" }, body: "{}" }),
    );
    expect(forged.status).toBe(400);
  });
});

describe("the onboarding refresh link", () => {
  it("never creates an account for a seller who has none", async () => {
    const seller = await makeUser("seller");
    const { NoAccountToOnboard } = await import("@/lib/seller-accounts/onboarding");
    await expect(
      createOnboardingLink(seller, { returnUrl: "http://app.test/r", refreshUrl: "http://app.test/f" }, { createAccount: false }),
    ).rejects.toBeInstanceOf(NoAccountToOnboard);
    expect(await db.sellerAccount.findUnique({ where: { userId: seller.id } })).toBeNull();
  });
});
