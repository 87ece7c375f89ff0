// The money flows the fault suite breaks: each prepares its world without faults, then acts as
// the person would (the same lib/ functions the server actions and pages call, retried the way a
// person retries), then checks from Stripe's side and the database's that nothing went wrong.
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { db } from "@/lib/db";
import { confirmMembershipJoin, joinMembership } from "@/lib/membership/join-membership";
import { finishCardUpdate, setMembershipCancellation, startCardUpdate } from "@/lib/membership/manage-membership";
import { settleOrder } from "@/lib/orders/settle-order";
import { startCoursePurchase } from "@/lib/orders/start-purchase";
import { syncConnectedAccount } from "@/lib/payments/connect/account-sync";
import { disconnectSeller } from "@/lib/payments/connect/disconnect";
import { buildAuthorizeUrl, completeOAuthConnection } from "@/lib/payments/connect/oauth";
import { createOnboardingLink } from "@/lib/payments/connect/onboarding";
import { refundOrder } from "@/lib/refunds/refund-order";
import { getPlatformSettings, updatePlatformSettings } from "@/lib/settings/platform-settings";
import { makeCourse, makeUser } from "../../integration/support/factories";
import { connectSeller, TEST_PUBLISHABLE_KEY, type TestStripe } from "../../integration/support/stripe-emulator";
import { once, untilDone } from "./person";

export interface FaultFlow {
  name: string;
  /** The world before the person acts, made without faults. */
  prepare(): Promise<unknown>;
  /** What the person does, retrying as a person would; every Stripe call here is a fault target. */
  act(world: unknown): Promise<void>;
  /** Invariants read from the emulator and the database once webhooks have settled. */
  check(world: unknown): Promise<void>;
}

function flow<W>(definition: { name: string; prepare(): Promise<W>; act(world: W): Promise<void>; check(world: W): Promise<void> }): FaultFlow {
  return definition as FaultFlow;
}

type User = Awaited<ReturnType<typeof makeUser>>;

export function faultFlows(stripe: TestStripe): FaultFlow[] {
  let admin: User | undefined;
  const anAdmin = async () => (admin ??= await makeUser("admin"));

  /** A read with the platform's secret key (on a connected account when given). */
  async function read(path: string, account?: string): Promise<{ status: number; body: any }> {
    const response = await fetch(`${stripe.emulator.url}${path}`, {
      headers: { authorization: "Bearer sk_test_emulator", ...(account ? { "stripe-account": account } : {}) },
    });
    return { status: response.status, body: await response.json() };
  }

  /** Stripe.js confirming in the browser; a hung request is abandoned as a browser would. */
  async function confirmInBrowser(clientSecret: string, account?: string): Promise<{ status: number; body: any }> {
    const id = clientSecret.split("_secret_")[0];
    const response = await fetch(`${stripe.emulator.url}/v1/payment_intents/${id}/confirm`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${TEST_PUBLISHABLE_KEY}`,
        "content-type": "application/x-www-form-urlencoded",
        ...(account ? { "stripe-account": account } : {}),
      },
      body: new URLSearchParams({ client_secret: clientSecret, payment_method: "pm_card_visa" }),
      signal: AbortSignal.timeout(2_000),
    });
    return { status: response.status, body: await response.json() };
  }

  async function useChargeType(chargeType: "destination" | "direct") {
    const { feeBasisPoints } = await getPlatformSettings();
    await updatePlatformSettings((await anAdmin()).id, { feeBasisPoints, chargeType });
  }

  interface Purchase {
    buyer: User;
    course: { id: string; priceMinor: number };
    account: string;
    chargeType: "destination" | "direct";
  }

  async function preparePurchase(chargeType: "destination" | "direct"): Promise<Purchase> {
    await useChargeType(chargeType);
    const seller = await makeUser("seller");
    const account = await connectSeller(stripe, seller.id);
    const buyer = await makeUser("buyer");
    const course = await makeCourse(seller.id, { priceMinor: 2500 });
    return { buyer, course, account, chargeType };
  }

  /** The buyer presses Pay (again, after an error) until the card is charged, then lands on the return page. */
  async function buyCourse({ buyer, course, chargeType }: Purchase): Promise<string> {
    const request = { courseId: course.id, expectedAmountMinor: course.priceMinor, expectedCurrency: "usd", expectedChargeType: chargeType };
    let orderId = "";
    await untilDone(
      "paying for the course",
      async () => {
        const started = await startCoursePurchase(buyer.id, request);
        // "You already own this course": an earlier try was charged and the webhook fulfilled it.
        if (!started.ok) return started.reason === "already-owned";
        orderId = started.orderId;
        if (started.intentStatus === "succeeded") return true;
        const confirmed = await confirmInBrowser(started.clientSecret, started.chargeType === "direct" ? started.stripeAccountId : undefined);
        return confirmed.body.status === "succeeded";
      },
      (paid) => paid,
    );
    if (!orderId) orderId = (await db.order.findFirstOrThrow({ where: { buyerId: buyer.id, courseId: course.id, status: "paid" } })).id;
    await untilDone("the return page", () => settleOrder(buyer.id, orderId), (order) => order?.status === "paid");
    return orderId;
  }

  /** At most one charge per order, every succeeded intent fulfilled, no pending order left to block a retry. */
  async function checkPurchase({ buyer, course, account, chargeType }: Purchase) {
    const onAccount = chargeType === "direct" ? account : undefined;
    const orders = await db.order.findMany({ where: { buyerId: buyer.id, courseId: course.id } });
    const paid = orders.filter((order) => order.status === "paid");
    expect(paid, "exactly one paid order").toHaveLength(1);
    expect(orders.filter((order) => order.status === "pending"), "no pending order left behind").toHaveLength(0);
    expect(orders.every((order) => order.pendingKey === null)).toBe(true);
    expect(await db.enrolment.count({ where: { userId: buyer.id, courseId: course.id } })).toBe(1);

    const customerId = paid[0].stripePaymentIntentId ? (await read(`/v1/payment_intents/${paid[0].stripePaymentIntentId}`, onAccount)).body.customer : null;
    expect(customerId).toMatch(/^cus_/);
    const intents = (await read(`/v1/payment_intents?customer=${customerId}&limit=100`, onAccount)).body.data as Array<{
      id: string;
      status: string;
      metadata: { order_id?: string; course_id?: string };
    }>;
    const succeeded = intents.filter((intent) => intent.status === "succeeded" && intent.metadata.course_id === course.id);
    expect(succeeded, "one succeeded charge for the course").toHaveLength(1);
    expect(succeeded[0].id).toBe(paid[0].stripePaymentIntentId);
    expect(new Set(intents.map((intent) => intent.metadata.order_id)).size, "one intent per order").toBe(intents.length);
    const charges = (await read(`/v1/charges?payment_intent=${succeeded[0].id}&limit=100`, onAccount)).body.data as Array<{ status: string }>;
    expect(charges.filter((charge) => charge.status === "succeeded")).toHaveLength(1);
  }

  const purchase = (chargeType: "destination" | "direct") =>
    flow<Purchase>({
      name: `course purchase (${chargeType} charge)`,
      prepare: () => preparePurchase(chargeType),
      act: async (world) => {
        await buyCourse(world);
      },
      check: checkPurchase,
    });

  const membership = flow<{ user: User }>({
    name: "membership join",
    prepare: async () => ({ user: await makeUser("buyer") }),
    act: ({ user }) => join(user),
    check: async ({ user }) => {
      const row = await db.membership.findUniqueOrThrow({ where: { userId: user.id } });
      const customerId = (await db.user.findUniqueOrThrow({ where: { id: user.id } })).stripeCustomerId;
      expect(row.status).toBe("active");
      await checkOneMembershipCharge(user, customerId!);
      const invoices = (await read(`/v1/invoices?customer=${customerId}&limit=100`)).body.data as Array<{ status: string }>;
      expect(invoices.map((invoice) => invoice.status)).toEqual(["paid"]);
    },
  });

  /** The person joins (pressing Join again after an error) and lands on the welcome page. */
  async function join(user: User): Promise<void> {
    await untilDone(
      "joining",
      async () => {
        const joined = await joinMembership(user.id);
        if (!joined.ok) return joined.reason === "already-member";
        return (await confirmInBrowser(joined.clientSecret)).body.status === "succeeded";
      },
      (member) => member,
    );
    await untilDone("the welcome page", () => confirmMembershipJoin(user.id), (status) => status === "active");
  }

  /** One subscription, active, matching the row; one charge for the first period. */
  async function checkOneMembershipCharge(user: User, customerId: string) {
    const row = await db.membership.findUniqueOrThrow({ where: { userId: user.id } });
    const subscriptions = (await read(`/v1/subscriptions?customer=${customerId}&status=all&limit=100`)).body.data as Array<{ id: string; status: string }>;
    expect(subscriptions.map((s) => s.status), "one subscription, active").toEqual(["active"]);
    expect(row.stripeSubscriptionId).toBe(subscriptions[0].id);
    const intents = (await read(`/v1/payment_intents?customer=${customerId}&limit=100`)).body.data as Array<{ status: string }>;
    expect(intents.filter((intent) => intent.status === "succeeded"), "one charge for the first period").toHaveLength(1);
  }

  const membershipChanges = flow<{ user: User; customerId: string }>({
    name: "membership: cancel at period end, resume, new card",
    prepare: async () => {
      const user = await makeUser("buyer");
      await join(user);
      const customerId = (await db.user.findUniqueOrThrow({ where: { id: user.id } })).stripeCustomerId!;
      return { user, customerId };
    },
    act: async ({ user }) => {
      await untilDone("cancelling at period end", () => setMembershipCancellation(user.id, true), (done) => done);
      await untilDone("resuming", () => setMembershipCancellation(user.id, false), (done) => done);
      let setupIntentId = "";
      await untilDone(
        "saving a new card",
        async () => {
          const secret = await startCardUpdate(user.id);
          if (!secret) return false;
          setupIntentId = secret.split("_secret_")[0];
          const response = await fetch(`${stripe.emulator.url}/v1/setup_intents/${setupIntentId}/confirm`, {
            method: "POST",
            headers: { authorization: `Bearer ${TEST_PUBLISHABLE_KEY}`, "content-type": "application/x-www-form-urlencoded" },
            body: new URLSearchParams({ client_secret: secret, payment_method: "pm_card_mastercard" }),
            signal: AbortSignal.timeout(2_000),
          });
          return (await response.json()).status === "succeeded";
        },
        (saved) => saved,
      );
      // The card page's return: reloaded until it says the card is in use.
      await untilDone("the card page", () => finishCardUpdate(user.id, setupIntentId), (result) => result === "updated");
    },
    check: async ({ user, customerId }) => {
      await checkOneMembershipCharge(user, customerId);
      const row = await db.membership.findUniqueOrThrow({ where: { userId: user.id } });
      const subscription = (await read(`/v1/subscriptions/${row.stripeSubscriptionId}`)).body;
      expect(subscription.cancel_at_period_end).toBe(false);
      expect(row).toMatchObject({ status: "active", cancelAtPeriodEnd: false });
      const card = (await read(`/v1/payment_methods/${subscription.default_payment_method}`)).body;
      expect(card.card.brand, "renewals use the new card").toBe("mastercard");
      const customer = (await read(`/v1/customers/${customerId}`)).body;
      expect(customer.invoice_settings.default_payment_method).toBe(subscription.default_payment_method);
    },
  });

  interface Refund {
    orderId: string;
    paymentIntentId: string;
    /** The seller's account, where a direct charge and its refunds live. */
    account?: string;
  }

  const refund = (chargeType: "destination" | "direct") => flow<Refund>({
    name: `refund in two parts (${chargeType} charge)`,
    prepare: async () => {
      const world = await preparePurchase(chargeType);
      const orderId = await buyCourse(world);
      await stripe.settle();
      const order = await db.order.findUniqueOrThrow({ where: { id: orderId } });
      return { orderId, paymentIntentId: order.stripePaymentIntentId!, account: chargeType === "direct" ? world.account : undefined };
    },
    act: async ({ orderId }) => {
      const adminId = (await anAdmin()).id;
      // The admin submits each form until it says it is done; a resubmitted form carries its token.
      for (const [formToken, amount] of [[randomUUID(), "10.00"], [randomUUID(), "15.00"]]) {
        await untilDone(
          `refunding ${amount}`,
          () => refundOrder(adminId, { orderId, formToken, amount, reason: "requested_by_customer", note: "fault suite" }),
          (outcome) => outcome.ok,
        );
      }
    },
    check: async ({ orderId, paymentIntentId, account }) => {
      const order = await db.order.findUniqueOrThrow({ where: { id: orderId } });
      const refunds = (await read(`/v1/refunds?payment_intent=${paymentIntentId}&limit=100`, account)).body.data as Array<{ id: string; amount: number; status: string }>;
      const atStripe = refunds.reduce((sum, r) => sum + r.amount, 0);
      expect(refunds.map((r) => r.amount).sort((a, b) => a - b), "two refunds, none doubled").toEqual([1000, 1500]);
      expect(atStripe).toBeLessThanOrEqual(order.amountMinor);
      expect(order.refundedMinor, "the database agrees with Stripe").toBe(atStripe);
      expect(order.status).toBe("refunded");
      expect(await db.enrolment.count({ where: { orderId } })).toBe(0);
      const requests = await db.refundRequest.findMany({ where: { orderId } });
      expect(requests.map((r) => r.status)).toEqual(["succeeded", "succeeded"]);
      expect(new Set(requests.map((r) => r.stripeRefundId))).toEqual(new Set(refunds.map((r) => r.id)));

      const charge = (await read(`/v1/charges?payment_intent=${paymentIntentId}`, account)).body.data[0];
      const fee = (await read(`/v1/application_fees/${charge.application_fee}`)).body;
      expect(fee.amount_refunded).toBe(fee.amount);
      expect(order.feeRefundedMinor).toBe(fee.amount_refunded);
      if (!account) {
        const transfer = (await read(`/v1/transfers/${charge.transfer}`)).body;
        expect(transfer.amount_reversed).toBe(transfer.amount);
      }
    },
  });

  const onboarding = flow<{ seller: User }>({
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

  const oauth = flow<{ seller: User; accountId: string }>({
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

  return [purchase("destination"), purchase("direct"), membership, membershipChanges, refund("destination"), refund("direct"), onboarding, oauth];
}

/** Webhooks that failed and were never handled by a later delivery would leave Stripe and us apart. */
export async function checkNoEventLeftFailed(since: Date): Promise<void> {
  const failed = await db.stripeEvent.findMany({ where: { status: "failed", receivedAt: { gte: since } }, select: { id: true, type: true, error: true } });
  expect(failed, "every webhook eventually handled").toEqual([]);
}
