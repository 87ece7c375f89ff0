import "./support/test-database";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/stripe/webhook/route";
import { db, dbProvider } from "@/lib/db";
import { startCoursePurchase } from "@/lib/orders/start-purchase";
import { makeCourse, makeUser } from "./support/factories";
import { confirmInBrowser, connectSeller, startTestStripe, TEST_WEBHOOK_SECRET, type TestStripe } from "./support/stripe-emulator";
import { signedWebhookRequest } from "./support/connect-webhooks";

// Webhooks are not delivered automatically here: each test sends events itself, duplicated,
// reordered or forged, to the route handler.
let stripe: TestStripe;
beforeAll(async () => {
  stripe = await startTestStripe({ deliverWebhooks: false });
});
afterAll(async () => {
  await stripe?.close();
});

const signer = new Stripe("sk_test_unused");

function deliver(payload: string, secret = TEST_WEBHOOK_SECRET) {
  return POST(signedWebhookRequest(payload, secret));
}

async function eventsFor(objectId: string): Promise<Array<{ id: string; type: string; created: number }>> {
  const list = await stripe.call("GET", "/v1/events?limit=100");
  return (list.body.data as Array<{ id: string; type: string; created: number; data: { object: { id: string } } }>)
    .filter((e) => e.data.object.id === objectId);
}

async function paidPurchase() {
  const seller = await makeUser("seller");
  await connectSeller(stripe, seller.id);
  const buyer = await makeUser("buyer");
  const course = await makeCourse(seller.id, { priceMinor: 1500 });
  const result = await startCoursePurchase(buyer.id, {
    courseId: course.id,
    expectedAmountMinor: 1500,
    expectedCurrency: "usd",
    expectedChargeType: "destination",
  });
  if (!result.ok) throw new Error(result.message);
  await confirmInBrowser(stripe, result.clientSecret, "pm_card_chargeDeclined");
  await confirmInBrowser(stripe, result.clientSecret);
  const intentId = result.clientSecret.split("_secret_")[0];
  return { buyer, course, orderId: result.orderId, events: await eventsFor(intentId) };
}

/** The database refuses to change an order's status for a moment (a trigger standing in for a locked or full disk). */
async function refuseOrderStatusWrites(): Promise<void> {
  if (dbProvider === "postgresql") {
    await db.$executeRawUnsafe(
      `CREATE FUNCTION fail_order_payment() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk I/O error'; END $$`,
    );
    await db.$executeRawUnsafe(
      `CREATE TRIGGER fail_order_payment BEFORE UPDATE OF status ON "Order" FOR EACH ROW EXECUTE FUNCTION fail_order_payment()`,
    );
    return;
  }
  await db.$executeRawUnsafe(
    `CREATE TRIGGER fail_order_payment BEFORE UPDATE OF status ON "Order" BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END`,
  );
}

async function allowOrderStatusWrites(): Promise<void> {
  if (dbProvider === "postgresql") {
    await db.$executeRawUnsafe(`DROP TRIGGER fail_order_payment ON "Order"`);
    await db.$executeRawUnsafe(`DROP FUNCTION fail_order_payment()`);
    return;
  }
  await db.$executeRawUnsafe(`DROP TRIGGER fail_order_payment`);
}

async function rawEvent(id: string): Promise<string> {
  return JSON.stringify((await stripe.call("GET", `/v1/events/${id}`)).body);
}

describe("the webhook endpoint", () => {
  it("a duplicated succeeded event enrols once and is stored once", async () => {
    const { buyer, course, orderId, events } = await paidPurchase();
    const succeeded = events.find((e) => e.type === "payment_intent.succeeded")!;
    const payload = await rawEvent(succeeded.id);
    const answers = await Promise.all([deliver(payload), deliver(payload), deliver(payload)]);
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(await db.enrolment.count({ where: { userId: buyer.id, courseId: course.id } })).toBe(1);
    expect(await db.stripeEvent.count({ where: { id: succeeded.id } })).toBe(1);
    // The copies arrived while the first was being handled: they waited for it instead of running the handler again.
    expect((await db.stripeEvent.findUniqueOrThrow({ where: { id: succeeded.id } })).attempts).toBe(1);
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("paid");
  });

  it("events out of order (succeeded before the earlier decline) leave the order paid with one enrolment", async () => {
    const { buyer, course, orderId, events } = await paidPurchase();
    const ordered = [...events].sort((a, b) => a.created - b.created);
    for (const event of ordered.reverse()) expect((await deliver(await rawEvent(event.id))).status).toBe(200);
    for (const event of ordered) expect((await deliver(await rawEvent(event.id))).status).toBe(200);
    expect(ordered.map((e) => e.type)).toContain("payment_intent.payment_failed");
    const order = await db.order.findUniqueOrThrow({ where: { id: orderId } });
    expect(order.status).toBe("paid");
    expect(await db.enrolment.count({ where: { userId: buyer.id, courseId: course.id } })).toBe(1);
  });

  it("refuses a forged signature with 400 and stores nothing", async () => {
    const { orderId, events } = await paidPurchase();
    const succeeded = events.find((e) => e.type === "payment_intent.succeeded")!;
    const payload = await rawEvent(succeeded.id);
    expect((await deliver(payload, "whsec_someone_else")).status).toBe(400);
    const tampered = payload.replace('"amount":1500', '"amount":1');
    expect(tampered).not.toBe(payload);
    const header = signer.webhooks.generateTestHeaderString({ payload, secret: TEST_WEBHOOK_SECRET });
    const forged = await POST(new Request("http://app.test/x", { method: "POST", headers: { "stripe-signature": header }, body: tampered }));
    expect(forged.status).toBe(400);
    const unsigned = await POST(new Request("http://app.test/x", { method: "POST", body: payload }));
    expect(unsigned.status).toBe(400);
    expect(await db.stripeEvent.count({ where: { id: succeeded.id } })).toBe(0);
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("pending");
  });

  it("answers 2xx to types it does not handle, and stores them as ignored", async () => {
    const { events } = await paidPurchase();
    const created = events.find((e) => e.type === "payment_intent.created")!;
    const answer = await deliver(await rawEvent(created.id));
    expect(answer.status).toBe(200);
    expect((await db.stripeEvent.findUniqueOrThrow({ where: { id: created.id } })).status).toBe("ignored");
  });

  it("refuses a payment_intent.succeeded that does not match its order with 2xx and a recorded failure", async () => {
    const { orderId, events } = await paidPurchase();
    const succeeded = events.find((e) => e.type === "payment_intent.succeeded")!;
    await db.order.update({ where: { id: orderId }, data: { amountMinor: 1 } });
    expect((await deliver(await rawEvent(succeeded.id))).status).toBe(200);
    expect(await db.stripeEvent.findUniqueOrThrow({ where: { id: succeeded.id } })).toMatchObject({
      status: "failed",
      error: expect.stringMatching(/^Refused: payment intent pi_\w+ does not match its order$/),
    });
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("pending");
  });

  it("answers 500 when handling fails, so Stripe retries, and handles the retry", async () => {
    const { orderId, events } = await paidPurchase();
    const succeeded = events.find((e) => e.type === "payment_intent.succeeded")!;
    const payload = await rawEvent(succeeded.id);
    await refuseOrderStatusWrites();
    try {
      expect((await deliver(payload)).status).toBe(500);
    } finally {
      await allowOrderStatusWrites();
    }
    expect((await db.stripeEvent.findUniqueOrThrow({ where: { id: succeeded.id } })).status).toBe("failed");
    expect((await deliver(payload)).status).toBe(200);
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("paid");
  });
});
