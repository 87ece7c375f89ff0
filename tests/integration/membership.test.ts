import "./support/test-database";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { courseAccess } from "@/lib/membership/course-access";
import { confirmMembershipJoin, joinMembership, type JoinResult } from "@/lib/membership/join-membership";
import { finishCardUpdate, setMembershipCancellation, startCardUpdate } from "@/lib/membership/manage-membership";
import { ensureMembershipPlan } from "@/lib/payments/membership-plan";
import { makeCourse, makeUser } from "./support/factories";
import { confirmInBrowser, startTestStripe, TEST_PUBLISHABLE_KEY, type TestStripe } from "./support/stripe-emulator";

let stripe: TestStripe;
beforeAll(async () => {
  stripe = await startTestStripe();
});
afterAll(async () => {
  await stripe?.close();
});

const DAY = 86_400;

function joined(result: JoinResult) {
  if (!result.ok) throw new Error(result.message);
  return result;
}

async function member() {
  const user = await makeUser("buyer");
  const join = joined(await joinMembership(user.id));
  const paid = await confirmInBrowser(stripe, join.clientSecret);
  expect(paid.body.status).toBe("succeeded");
  await stripe.settle();
  return { user, join };
}

async function membershipOf(userId: string) {
  return db.membership.findUniqueOrThrow({ where: { userId } });
}

describe("membership", () => {
  it("sets the plan up once: a second run and a fresh database find the same prices by lookup key", async () => {
    const first = await ensureMembershipPlan();
    const again = await ensureMembershipPlan();
    expect(again.id).toBe(first.id);
    await db.membershipPlan.deleteMany();
    const rediscovered = await ensureMembershipPlan();
    expect(rediscovered).toMatchObject({ stripePriceId: first.stripePriceId, stripeJoiningPriceId: first.stripeJoiningPriceId });
    const prices = await stripe.call("GET", "/v1/prices?limit=100");
    expect(prices.body.data.filter((p: { lookup_key: string | null }) => p.lookup_key?.startsWith("coursemarket_membership"))).toHaveLength(2);
  });

  it("the first invoice carries the joining fee; once paid the card becomes the customer's default", async () => {
    const { user, join } = await member();
    const plan = await ensureMembershipPlan();
    expect(join.amountMinor).toBe(plan.monthlyMinor + plan.joiningFeeMinor);
    const membership = await membershipOf(user.id);
    expect(membership.status).toBe("active");
    expect(membership.currentPeriodEnd!.getTime()).toBeGreaterThan(Date.now() + 27 * DAY * 1000);

    const customerId = (await db.user.findUniqueOrThrow({ where: { id: user.id } })).stripeCustomerId!;
    const customer = await stripe.call("GET", `/v1/customers/${customerId}`);
    expect(customer.body.invoice_settings.default_payment_method).toMatch(/^pm_/);
    const invoices = await stripe.call("GET", `/v1/invoices?customer=${customerId}`);
    expect(invoices.body.data).toHaveLength(1);
    expect(invoices.body.data[0].amount_paid).toBe(plan.monthlyMinor + plan.joiningFeeMinor);

    const seller = await makeUser("seller");
    const included = await db.course.update({ where: { id: (await makeCourse(seller.id)).id }, data: { includedInMembership: true } });
    const excluded = await makeCourse(seller.id);
    expect((await courseAccess(user.id, included.id)).membership).toBe(true);
    expect((await courseAccess(user.id, excluded.id)).membership).toBe(false);
  });

  it("a repeated join while the first invoice is open returns the same invoice, and a member cannot join twice", async () => {
    const user = await makeUser("buyer");
    const [a, b] = await Promise.all([joinMembership(user.id), joinMembership(user.id)]);
    expect(joined(a).clientSecret).toBe(joined(b).clientSecret);
    const again = joined(await joinMembership(user.id));
    expect(again.clientSecret).toBe(joined(a).clientSecret);
    const customerId = (await db.user.findUniqueOrThrow({ where: { id: user.id } })).stripeCustomerId!;
    expect((await stripe.call("GET", `/v1/subscriptions?customer=${customerId}&status=all`)).body.data).toHaveLength(1);

    await confirmInBrowser(stripe, again.clientSecret);
    expect(await confirmMembershipJoin(user.id)).toBe("active");
    expect(await joinMembership(user.id)).toMatchObject({ ok: false, reason: "already-member" });
  });

  it("cancels at period end and resumes", async () => {
    const { user } = await member();
    expect(await setMembershipCancellation(user.id, true)).toBe(true);
    expect(await membershipOf(user.id)).toMatchObject({ status: "active", cancelAtPeriodEnd: true });
    expect(await setMembershipCancellation(user.id, false)).toBe(true);
    await stripe.settle();
    expect(await membershipOf(user.id)).toMatchObject({ status: "active", cancelAtPeriodEnd: false });
  });

  it("renews when the clock passes the period end, and keeps access", async () => {
    const { user } = await member();
    const before = await membershipOf(user.id);
    await stripe.call("POST", "/_emulator/clock/advance", { seconds: String(32 * DAY) });
    await stripe.settle();
    const after = await membershipOf(user.id);
    expect(after.status).toBe("active");
    expect(after.currentPeriodEnd!.getTime()).toBeGreaterThan(before.currentPeriodEnd!.getTime());
    const customerId = (await db.user.findUniqueOrThrow({ where: { id: user.id } })).stripeCustomerId!;
    const invoices = await stripe.call("GET", `/v1/invoices?customer=${customerId}`);
    expect(invoices.body.data.map((i: { status: string }) => i.status)).toEqual(["paid", "paid"]);
  });

  it("a failed renewal makes the membership past due; a new card pays it", async () => {
    const { user } = await member();
    const secret = await startCardUpdate(user.id);
    const setupId = secret!.split("_secret_")[0];
    const confirmed = await stripe.call(
      "POST",
      `/v1/setup_intents/${setupId}/confirm`,
      { client_secret: secret!, payment_method: "pm_card_chargeCustomerFail" },
      TEST_PUBLISHABLE_KEY,
    );
    expect(confirmed.body.status).toBe("succeeded");
    expect(await finishCardUpdate(user.id, setupId)).toBe("updated");

    await stripe.call("POST", "/_emulator/clock/advance", { seconds: String(32 * DAY) });
    await stripe.settle();
    expect((await membershipOf(user.id)).status).toBe("past_due");

    const next = await startCardUpdate(user.id);
    const nextId = next!.split("_secret_")[0];
    await stripe.call("POST", `/v1/setup_intents/${nextId}/confirm`, { client_secret: next!, payment_method: "pm_card_visa" }, TEST_PUBLISHABLE_KEY);
    expect(await finishCardUpdate(user.id, nextId)).toBe("updated");
    await stripe.settle();
    expect((await membershipOf(user.id)).status).toBe("active");
  });

  it("a card update with a SetupIntent Stripe does not know is not found, not an error", async () => {
    const { user } = await member();
    expect(await finishCardUpdate(user.id, "seti_made_up_by_the_browser")).toBe("not-found");
  });

  it("a late, older subscription event does not roll the state back", async () => {
    const { user } = await member();
    await setMembershipCancellation(user.id, true);
    await stripe.settle();
    const m = await membershipOf(user.id);
    expect(m.cancelAtPeriodEnd).toBe(true);
    const events = await stripe.call("GET", "/v1/events?limit=100&type=customer.subscription.created");
    const created = events.body.data.find((e: { data: { object: { id: string } } }) => e.data.object.id === m.stripeSubscriptionId);
    const { receiveEvent } = await import("@/lib/stripe-events/receive-event");
    await db.stripeEvent.deleteMany({ where: { id: created.id } });
    await receiveEvent(created);
    expect(await membershipOf(user.id)).toMatchObject({ status: "active", cancelAtPeriodEnd: true });
  });
});
