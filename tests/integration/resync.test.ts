import "./support/test-database";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { joinMembership } from "@/lib/membership/join-membership";
import { startCoursePurchase } from "@/lib/orders/start-purchase";
import { updatePlatformSettings } from "@/lib/settings/platform-settings";
import { makeCourse, makeUser } from "./support/factories";
import { connectSeller, startTestStripe, TEST_PUBLISHABLE_KEY, type TestStripe } from "./support/stripe-emulator";
import { signInAs } from "./support/signed-in";

vi.mock("@/lib/auth/current-user", () => import("./support/signed-in"));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, updateTag: () => undefined }));

// No webhooks reach the app here: Stripe and the database drift apart, as after missed events.
let stripe: TestStripe;
beforeAll(async () => {
  stripe = await startTestStripe({ deliverWebhooks: false });
});
afterAll(async () => {
  await stripe?.close();
});

type User = Awaited<ReturnType<typeof makeUser>>;
const signIn = (user: User | null) => {
  signInAs(user);
};

let admin: User;
beforeEach(async () => {
  admin = await makeUser("admin");
  signIn(admin);
  await updatePlatformSettings(admin.id, { feeBasisPoints: 1000, chargeType: "destination" });
});

async function confirmAs(clientSecret: string, account?: string) {
  const id = clientSecret.split("_secret_")[0];
  const res = await fetch(`${stripe.emulator.url}/v1/payment_intents/${id}/confirm`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${TEST_PUBLISHABLE_KEY}`,
      "content-type": "application/x-www-form-urlencoded",
      ...(account ? { "stripe-account": account } : {}),
    },
    body: new URLSearchParams({ client_secret: clientSecret, payment_method: "pm_card_visa" }),
  });
  expect(res.status).toBe(200);
  return id;
}

async function paidAtStripeOnly(chargeType: "destination" | "direct" = "destination") {
  await updatePlatformSettings(admin.id, { feeBasisPoints: 1000, chargeType });
  const seller = await makeUser("seller");
  const account = await connectSeller(stripe, seller.id);
  const buyer = await makeUser("buyer");
  const course = await makeCourse(seller.id, { priceMinor: 3000 });
  const result = await startCoursePurchase(buyer.id, { courseId: course.id, expectedAmountMinor: 3000, expectedCurrency: "usd", expectedChargeType: chargeType });
  if (!result.ok) throw new Error(result.message);
  const intentId = await confirmAs(result.clientSecret, chargeType === "direct" ? account : undefined);
  return { seller, account, buyer, course, orderId: result.orderId, intentId };
}

async function call(name: "resyncOrderAction" | "resyncMembershipAction" | "resyncSellerAccountAction", fields: Record<string, string>) {
  const actions = name === "resyncOrderAction" ? await import("@/app/admin/orders/[orderId]/actions") : await import("@/app/admin/users/actions");
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  return (actions as unknown as Record<string, (s: undefined, f: FormData) => Promise<{ ok?: boolean; message?: string; error?: string }>>)[name](undefined, form);
}

describe("re-syncing an order", () => {
  for (const chargeType of ["destination", "direct"] as const) {
    it(`a ${chargeType} charge paid at Stripe but pending here is fulfilled exactly once`, async () => {
      const { buyer, course, orderId } = await paidAtStripeOnly(chargeType);
      expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("pending");

      expect(await call("resyncOrderAction", { orderId })).toMatchObject({ ok: true, message: "Re-synced: the order is now paid." });
      const paid = await db.order.findUniqueOrThrow({ where: { id: orderId } });
      expect(await call("resyncOrderAction", { orderId })).toMatchObject({ ok: true, message: "Re-synced: already up to date (Stripe says succeeded)." });

      expect(await db.order.findUniqueOrThrow({ where: { id: orderId } })).toEqual(paid);
      expect(paid.status).toBe("paid");
      expect(await db.enrolment.count({ where: { userId: buyer.id, courseId: course.id } })).toBe(1);
      const audits = await db.auditLog.findMany({ where: { action: "order.resynced", details: { contains: orderId } }, orderBy: { createdAt: "asc" } });
      expect(audits.map((row) => row.actorId)).toEqual([admin.id, admin.id]);
      expect(JSON.parse(audits[0].details)).toMatchObject({ before: { status: "pending" }, after: { status: "paid" }, fulfilment: "fulfilled" });
    });
  }

  it("a refund made at Stripe is recorded and withdraws access", async () => {
    const { buyer, course, orderId, intentId } = await paidAtStripeOnly();
    await call("resyncOrderAction", { orderId });
    expect((await stripe.call("POST", "/v1/refunds", { payment_intent: intentId })).status).toBe(200);

    expect(await call("resyncOrderAction", { orderId })).toMatchObject({ ok: true, message: "Re-synced: the order is now refunded." });
    expect(await db.order.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({ status: "refunded", refundedMinor: 3000 });
    expect(await db.enrolment.count({ where: { userId: buyer.id, courseId: course.id } })).toBe(0);
  });

  it("an intent canceled at Stripe cancels the pending order", async () => {
    await updatePlatformSettings(admin.id, { feeBasisPoints: 1000, chargeType: "destination" });
    const seller = await makeUser("seller");
    await connectSeller(stripe, seller.id);
    const buyer = await makeUser("buyer");
    const course = await makeCourse(seller.id, { priceMinor: 1200 });
    const result = await startCoursePurchase(buyer.id, { courseId: course.id, expectedAmountMinor: 1200, expectedCurrency: "usd", expectedChargeType: "destination" });
    if (!result.ok) throw new Error(result.message);
    const intentId = result.clientSecret.split("_secret_")[0];
    expect((await stripe.call("POST", `/v1/payment_intents/${intentId}/cancel`, {})).status).toBe(200);

    expect(await call("resyncOrderAction", { orderId: result.orderId })).toMatchObject({ ok: true, message: "Re-synced: the order is now canceled." });
    expect(await db.enrolment.count({ where: { userId: buyer.id, courseId: course.id } })).toBe(0);
  });

  it("an order without a payment is refused", async () => {
    expect(await call("resyncOrderAction", { orderId: "no-such-order" })).toMatchObject({ error: "That order no longer exists." });
  });
});

describe("re-syncing a membership and a seller account", () => {
  it("a membership paid at Stripe becomes active here", async () => {
    const user = await makeUser("buyer");
    const join = await joinMembership(user.id);
    if (!join.ok) throw new Error(join.message);
    await confirmAs(join.clientSecret);
    await stripe.settle();
    expect((await db.membership.findUniqueOrThrow({ where: { userId: user.id } })).status).not.toBe("active");

    expect(await call("resyncMembershipAction", { userId: user.id })).toMatchObject({ ok: true, message: "Re-synced: the membership is active." });
    expect((await db.membership.findUniqueOrThrow({ where: { userId: user.id } })).status).toBe("active");
    expect(await db.auditLog.count({ where: { action: "membership.resynced", actorId: admin.id } })).toBe(1);
    expect(await call("resyncMembershipAction", { userId: admin.id })).toMatchObject({ error: "This user has no membership at Stripe." });
  });

  it("a seller account's status is read again from Stripe", async () => {
    const seller = await makeUser("seller");
    await connectSeller(stripe, seller.id);
    await db.sellerAccount.update({ where: { userId: seller.id }, data: { chargesEnabled: false, payoutsEnabled: false } });

    expect(await call("resyncSellerAccountAction", { userId: seller.id })).toMatchObject({ ok: true, message: "Re-synced: charges enabled, payouts enabled." });
    expect(await db.sellerAccount.findUniqueOrThrow({ where: { userId: seller.id } })).toMatchObject({ chargesEnabled: true, payoutsEnabled: true });
    expect(await db.auditLog.count({ where: { action: "seller_account.resynced", actorId: admin.id } })).toBe(1);
  });

  it("refuses anyone but an admin and changes nothing", async () => {
    const { orderId, seller, buyer } = await paidAtStripeOnly();
    await db.sellerAccount.update({ where: { userId: seller.id }, data: { chargesEnabled: false } });
    for (const user of [buyer, seller, null]) {
      signIn(user);
      expect((await call("resyncOrderAction", { orderId })).error).toMatch(/log in|not allowed/);
      expect((await call("resyncSellerAccountAction", { userId: seller.id })).error).toMatch(/log in|not allowed/);
      expect((await call("resyncMembershipAction", { userId: buyer.id })).error).toMatch(/log in|not allowed/);
    }
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("pending");
    expect((await db.sellerAccount.findUniqueOrThrow({ where: { userId: seller.id } })).chargesEnabled).toBe(false);
    expect(await db.auditLog.count({ where: { action: { endsWith: ".resynced" }, details: { contains: orderId } } })).toBe(0);
  });
});
