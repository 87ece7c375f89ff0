import "./support/test-database";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/stripe/webhook/route";
import { db } from "@/lib/db";
import { listAdminEvents, parseAdminEventFilters } from "@/lib/events/admin-events";
import { startCoursePurchase } from "@/lib/orders/start-purchase";
import { makeCourse, makeUser } from "./support/factories";
import { confirmInBrowser, connectSeller, startTestStripe, TEST_WEBHOOK_SECRET, type TestStripe } from "./support/stripe-emulator";
import { signedWebhookRequest } from "./support/connect-webhooks";
import { signInAs } from "./support/signed-in";

vi.mock("@/lib/auth/current-user", () => import("./support/signed-in"));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

// Events are sent by each test to the route handler, so one can be made to fail on purpose.
let stripe: TestStripe;
beforeAll(async () => {
  stripe = await startTestStripe({ deliverWebhooks: false });
});
afterAll(async () => {
  await stripe?.close();
});

async function deliver(eventId: string) {
  const payload = JSON.stringify((await stripe.call("GET", `/v1/events/${eventId}`)).body);
  return POST(signedWebhookRequest(payload, TEST_WEBHOOK_SECRET));
}

async function paidAtStripe() {
  const seller = await makeUser("seller");
  const accountId = await connectSeller(stripe, seller.id);
  const buyer = await makeUser("buyer");
  const course = await makeCourse(seller.id, { priceMinor: 2500 });
  const result = await startCoursePurchase(buyer.id, { courseId: course.id, expectedAmountMinor: 2500, expectedCurrency: "usd", expectedChargeType: "destination" });
  if (!result.ok) throw new Error(result.message);
  await confirmInBrowser(stripe, result.clientSecret);
  const intentId = result.clientSecret.split("_secret_")[0];
  const list = await stripe.call("GET", "/v1/events?limit=100");
  const succeeded = (list.body.data as Array<{ id: string; type: string; data: { object: { id: string } } }>).find(
    (e) => e.type === "payment_intent.succeeded" && e.data.object.id === intentId,
  )!;
  return { seller, accountId, buyer, course, orderId: result.orderId, eventId: succeeded.id };
}

async function replay(eventId: string) {
  const { replayEventAction } = await import("@/app/admin/events/actions");
  const form = new FormData();
  form.set("eventId", eventId);
  return replayEventAction(undefined, form);
}

let admin: Awaited<ReturnType<typeof makeUser>>;
beforeEach(async () => {
  admin = await makeUser("admin");
  signInAs(admin);
});

describe("replaying a stored event", () => {
  it("replaying a handled event changes nothing, however often, and each replay is audited", async () => {
    const { buyer, course, orderId, eventId } = await paidAtStripe();
    expect((await deliver(eventId)).status).toBe(200);
    const before = await db.order.findUniqueOrThrow({ where: { id: orderId } });
    expect(before.status).toBe("paid");

    for (let i = 0; i < 3; i++) expect(await replay(eventId)).toMatchObject({ ok: true, message: "Replayed: handled." });

    expect(await db.order.findUniqueOrThrow({ where: { id: orderId } })).toEqual(before);
    expect(await db.enrolment.count({ where: { userId: buyer.id, courseId: course.id } })).toBe(1);
    expect(await db.stripeEvent.findUniqueOrThrow({ where: { id: eventId } })).toMatchObject({ status: "handled", error: null, attempts: 4 });
    const audits = await db.auditLog.findMany({ where: { actorId: admin.id, action: "stripe_event.replayed" } });
    expect(audits).toHaveLength(3);
    expect(JSON.parse(audits[0].details)).toMatchObject({ eventId, before: "handled", after: "handled" });
  });

  it("a failed event is handled by a replay once its cause is fixed", async () => {
    const { buyer, course, orderId, eventId } = await paidAtStripe();
    // The order disagrees with the intent, so fulfilment refuses it (acknowledged: Stripe's retries would not help).
    await db.order.update({ where: { id: orderId }, data: { amountMinor: 9999 } });
    expect((await deliver(eventId)).status).toBe(200);
    expect(await db.stripeEvent.findUniqueOrThrow({ where: { id: eventId } })).toMatchObject({ status: "failed", attempts: 1, error: expect.stringMatching(/^Refused: /) });

    expect(await replay(eventId)).toMatchObject({ error: "Replayed, and it failed again. The error is shown on this page." });
    expect((await db.stripeEvent.findUniqueOrThrow({ where: { id: eventId } })).error).toMatch(/does not match its order/);

    await db.order.update({ where: { id: orderId }, data: { amountMinor: 2500 } });
    expect(await replay(eventId)).toMatchObject({ ok: true });
    expect(await db.stripeEvent.findUniqueOrThrow({ where: { id: eventId } })).toMatchObject({ status: "handled", error: null, attempts: 3 });
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("paid");
    expect(await db.enrolment.count({ where: { userId: buyer.id, courseId: course.id } })).toBe(1);
  });

  it("an event with an account is replayed with the Connect handlers", async () => {
    const seller = await makeUser("seller");
    const accountId = await connectSeller(stripe, seller.id);
    await db.sellerAccount.update({ where: { userId: seller.id }, data: { chargesEnabled: false } });
    const id = `evt_replay_connect_${seller.id}`;
    const event = { id, object: "event", type: "account.updated", account: accountId, created: 1_790_000_000, data: { object: { id: accountId, object: "account" } } };
    await db.stripeEvent.create({
      data: { id, type: event.type, account: accountId, status: "failed", error: "timeout", attempts: 1, payload: JSON.stringify(event), createdAt: new Date(event.created * 1000) },
    });

    expect(await replay(id)).toMatchObject({ ok: true, message: "Replayed: handled." });
    expect((await db.sellerAccount.findUniqueOrThrow({ where: { userId: seller.id } })).chargesEnabled).toBe(true);
  });

  it("refuses anyone but an admin and changes nothing", async () => {
    const { eventId, buyer, seller } = await paidAtStripe();
    await deliver(eventId);
    const before = await db.stripeEvent.findUniqueOrThrow({ where: { id: eventId } });
    for (const user of [buyer, seller, null]) {
      signInAs(user);
      expect((await replay(eventId)).error).toMatch(/log in|not allowed/);
    }
    expect(await db.stripeEvent.findUniqueOrThrow({ where: { id: eventId } })).toEqual(before);
    expect(await db.auditLog.count({ where: { action: "stripe_event.replayed", details: { contains: eventId } } })).toBe(0);
  });

  it("refuses an event ID that is malformed or unknown", async () => {
    expect((await replay("not-an-event")).fieldErrors?.eventId).toEqual(["Unknown event."]);
    expect(await replay("evt_never_received")).toEqual({ error: "This event was never received.", values: { eventId: "evt_never_received" } });
  });
});

describe("the event list", () => {
  it("filters by type prefix, result and account", async () => {
    const { accountId, eventId } = await paidAtStripe();
    await deliver(eventId);
    const byType = await listAdminEvents(parseAdminEventFilters({ type: "payment_intent.", status: "handled" }));
    expect(byType.events.map((e) => e.id)).toContain(eventId);
    expect(byType.events.every((e) => e.type.startsWith("payment_intent.") && e.status === "handled")).toBe(true);
    expect((await listAdminEvents(parseAdminEventFilters({ type: "invoice." }))).events.map((e) => e.id)).not.toContain(eventId);

    await db.stripeEvent.create({
      data: { id: `evt_list_${accountId}`, type: "account.updated", account: accountId, payload: "{}", createdAt: new Date() },
    });
    const byAccount = await listAdminEvents(parseAdminEventFilters({ account: accountId }));
    expect(byAccount.events.map((e) => e.id)).toEqual([`evt_list_${accountId}`]);
    // Malformed filters are dropped, not trusted.
    expect(parseAdminEventFilters({ type: "x' OR 1=1", status: "nope", account: "bob", page: "-3" })).toEqual({ page: 1 });
  });
});
