import "./support/test-database";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { joinMembership } from "@/lib/membership/join-membership";
import { startCoursePurchase } from "@/lib/orders/start-purchase";
import { acquireLease } from "@/lib/reconciliation/job-lease";
import { reconcileFromStripe } from "@/lib/reconciliation/reconcile";
import { RECONCILE_LEASE, sweepIfLeaseHolder } from "@/lib/reconciliation/reconcile-worker";
import { updatePlatformSettings } from "@/lib/settings/platform-settings";
import { makeCourse, makeUser } from "./support/factories";
import { payForNewCourse } from "./support/paid-order";
import { confirmInBrowser, connectSeller, startTestStripe, type TestStripe } from "./support/stripe-emulator";

// The app was down while the buyer paid: no webhook reached it and the buyer never came back
// to the return page. Only the sweep can settle these.
let stripe: TestStripe;
beforeAll(async () => {
  stripe = await startTestStripe({ deliverWebhooks: false });
});
afterAll(async () => {
  await stripe?.close();
});

const MINUTE = 60_000;
const later = () => new Date(Date.now() + 5 * MINUTE);

async function paidWhileDown(chargeType: "destination" | "direct") {
  const admin = await makeUser("admin");
  return payForNewCourse(stripe, admin.id, chargeType);
}

async function fulfilmentOf(orderId: string) {
  const order = await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { status: true, buyerId: true, courseId: true } });
  const enrolments = await db.enrolment.count({ where: { userId: order.buyerId, courseId: order.courseId } });
  const emails = await db.outboxEmail.count({ where: { dedupeKey: { startsWith: `order:${orderId}:` } } });
  return { status: order.status, enrolments, emails };
}

describe("the reconciliation sweep", () => {
  it("fulfils, once, an order paid while the app was down, for destination and direct charges", async () => {
    const destination = await paidWhileDown("destination");
    const direct = await paidWhileDown("direct");
    expect(await fulfilmentOf(destination.orderId)).toEqual({ status: "pending", enrolments: 0, emails: 0 });

    // A purchase younger than the sweep's minimum age is left to the webhook and the return page.
    expect((await reconcileFromStripe()).ordersFulfilled).toBe(0);

    const first = await reconcileFromStripe({ now: later() });
    expect(first.ordersFulfilled).toBe(2);
    expect(first.errors).toBe(0);
    for (const { orderId } of [destination, direct]) {
      expect(await fulfilmentOf(orderId)).toEqual({ status: "paid", enrolments: 1, emails: 2 });
    }
    const again = await reconcileFromStripe({ now: later() });
    expect(again.ordersFulfilled).toBe(0);
    expect(await fulfilmentOf(destination.orderId)).toEqual({ status: "paid", enrolments: 1, emails: 2 });
  }, 60_000);

  it("frees an order whose payment was canceled at Stripe, and leaves an unpaid one pending", async () => {
    const buyer = await makeUser("buyer");
    const seller = await makeUser("seller");
    await connectSeller(stripe, seller.id);
    const admin = await makeUser("admin");
    await updatePlatformSettings(admin.id, { feeBasisPoints: 1000, chargeType: "destination" });
    const [canceled, unpaid] = [await makeCourse(seller.id), await makeCourse(seller.id)];
    const start = async (courseId: string) => {
      const result = await startCoursePurchase(buyer.id, { courseId, expectedAmountMinor: 1999, expectedCurrency: "usd", expectedChargeType: "destination" });
      if (!result.ok) throw new Error(result.message);
      return result;
    };
    const toCancel = await start(canceled.id);
    const waiting = await start(unpaid.id);
    await stripe.call("POST", `/v1/payment_intents/${toCancel.clientSecret.split("_secret_")[0]}/cancel`);

    await reconcileFromStripe({ now: later() });
    expect((await db.order.findUniqueOrThrow({ where: { id: toCancel.orderId } })).status).toBe("canceled");
    expect((await db.order.findUniqueOrThrow({ where: { id: waiting.orderId } })).status).toBe("pending");
  });

  it("runs on one instance at a time: of two sweeping at once one holds the lease, and the order is fulfilled once", async () => {
    const { orderId } = await paidWhileDown("destination");
    await db.jobLease.deleteMany();
    const sweep = (holder: string) => sweepIfLeaseHolder(60_000, holder);
    // The minimum age is measured from now: let the order look old enough.
    await db.order.update({ where: { id: orderId }, data: { createdAt: new Date(Date.now() - 10 * MINUTE) } });
    const reports = await Promise.all([sweep("instance-a"), sweep("instance-b")]);
    expect(reports.filter((report) => report === null)).toHaveLength(1);
    expect(reports.find((report) => report)?.ordersFulfilled).toBe(1);
    expect(await fulfilmentOf(orderId)).toEqual({ status: "paid", enrolments: 1, emails: 2 });
  });

  it("the lease is renewed by its holder and taken over only once it has expired", async () => {
    await db.jobLease.deleteMany();
    const t0 = new Date();
    const at = (ms: number) => new Date(t0.getTime() + ms);
    expect(await acquireLease(RECONCILE_LEASE, "a", MINUTE, t0)).toBe(true);
    expect(await acquireLease(RECONCILE_LEASE, "b", MINUTE, at(30_000))).toBe(false);
    expect(await acquireLease(RECONCILE_LEASE, "a", MINUTE, at(50_000))).toBe(true);
    expect(await acquireLease(RECONCILE_LEASE, "b", MINUTE, at(90_000))).toBe(false);
    expect(await acquireLease(RECONCILE_LEASE, "b", MINUTE, at(111_000))).toBe(true);
    expect(await acquireLease(RECONCILE_LEASE, "a", MINUTE, at(112_000))).toBe(false);
  });

  it("settles a membership whose first payment, renewal or cancellation it never heard of", async () => {
    const user = await makeUser("buyer");
    const join = await joinMembership(user.id);
    if (!join.ok) throw new Error(join.message);
    expect((await confirmInBrowser(stripe, join.clientSecret)).body.status).toBe("succeeded");
    expect((await db.membership.findUniqueOrThrow({ where: { userId: user.id } })).status).toBe("incomplete");

    const joined = await reconcileFromStripe({ now: later() });
    expect(joined.membershipsChanged).toBeGreaterThanOrEqual(1);
    const active = await db.membership.findUniqueOrThrow({ where: { userId: user.id } });
    expect(active.status).toBe("active");

    // A month passes (the renewal is paid at Stripe); the app hears nothing.
    await stripe.call("POST", "/_emulator/clock/advance", { seconds: String(32 * 86_400) });
    const afterPeriod = new Date(active.currentPeriodEnd!.getTime() + MINUTE);
    await reconcileFromStripe({ now: afterPeriod });
    const renewed = await db.membership.findUniqueOrThrow({ where: { userId: user.id } });
    expect(renewed.status).toBe("active");
    expect(renewed.currentPeriodEnd!.getTime()).toBeGreaterThan(active.currentPeriodEnd!.getTime());

    // Canceled in the Stripe Dashboard while the app was down.
    await stripe.call("DELETE", `/v1/subscriptions/${renewed.stripeSubscriptionId}`);
    await reconcileFromStripe({ now: new Date(renewed.currentPeriodEnd!.getTime() + MINUTE) });
    expect((await db.membership.findUniqueOrThrow({ where: { userId: user.id } })).status).toBe("canceled");
  });
});
