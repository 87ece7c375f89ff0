import "./support/test-database";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/stripe/webhook/route";
import { db } from "@/lib/db";
import { orderStatusLabel } from "@/lib/orders/order-status";
import { startCoursePurchase } from "@/lib/orders/start-purchase";
import { makeCourse, makeUser } from "./support/factories";
import { signedWebhookRequest } from "./support/connect-webhooks";
import { connectSeller, startTestStripe, TEST_PUBLISHABLE_KEY, TEST_WEBHOOK_SECRET, type TestStripe } from "./support/stripe-emulator";

// Bank debits (US bank account) settle days later. Events are delivered by hand, in any order.
let stripe: TestStripe;
beforeAll(async () => {
  stripe = await startTestStripe({ deliverWebhooks: false });
});
afterAll(async () => {
  await stripe?.close();
});

async function bankPurchase(accountNumber: string) {
  const seller = await makeUser("seller");
  await connectSeller(stripe, seller.id);
  const buyer = await makeUser("buyer");
  const course = await makeCourse(seller.id, { priceMinor: 4900 });
  const started = await startCoursePurchase(buyer.id, {
    courseId: course.id,
    expectedAmountMinor: 4900,
    expectedCurrency: "usd",
    expectedChargeType: "destination",
  });
  if (!started.ok) throw new Error(started.message);
  const intentId = started.clientSecret.split("_secret_")[0];
  const confirmed = await stripe.call(
    "POST",
    `/v1/payment_intents/${intentId}/confirm`,
    {
      client_secret: started.clientSecret,
      "payment_method_data[type]": "us_bank_account",
      "payment_method_data[us_bank_account][routing_number]": "110000000",
      "payment_method_data[us_bank_account][account_number]": accountNumber,
      "payment_method_data[billing_details][name]": "Jenny Rosen",
      "mandate_data[customer_acceptance][type]": "online",
      "mandate_data[customer_acceptance][online][infer_from_client]": "true",
    },
    TEST_PUBLISHABLE_KEY,
  );
  expect(confirmed.body.status).toBe("processing");
  return { buyer, course, orderId: started.orderId, intentId };
}

async function deliverLatest(intentId: string, type: string) {
  const list = await stripe.call("GET", `/v1/events?type=${type}&limit=100`);
  const event = list.body.data.find((e: { data: { object: { id: string } } }) => e.data.object.id === intentId);
  const response = await POST(signedWebhookRequest(JSON.stringify(event), TEST_WEBHOOK_SECRET));
  expect(response.status).toBe(200);
}

const settle = () => stripe.call("POST", "/_emulator/clock/advance", { seconds: String(4 * 86_400) });

async function orderRow(orderId: string) {
  return db.order.findUniqueOrThrow({ where: { id: orderId }, include: { enrolment: true } });
}

describe("a bank debit", () => {
  it("shows as processing, keeps the order pending (no access), then succeeds and enrols once", async () => {
    const { buyer, course, orderId, intentId } = await bankPurchase("000123456789");
    await deliverLatest(intentId, "payment_intent.processing");
    let order = await orderRow(orderId);
    expect(orderStatusLabel(order)).toBe("Payment processing");
    expect(order.pendingKey).not.toBeNull();
    expect(order.enrolment).toBeNull();
    // Coming back to buy again returns the same order and intent: no second payment.
    const again = await startCoursePurchase(buyer.id, { courseId: course.id, expectedAmountMinor: 4900, expectedCurrency: "usd", expectedChargeType: "destination" });
    expect(again).toMatchObject({ ok: true, orderId, intentStatus: "processing" });
    await settle();
    await deliverLatest(intentId, "payment_intent.succeeded");
    order = await orderRow(orderId);
    expect(order.status).toBe("paid");
    expect(order.enrolment).not.toBeNull();
  });

  it("that fails clears processing and keeps the order payable with the bank's reason", async () => {
    const { orderId, intentId } = await bankPurchase("000111111113");
    await deliverLatest(intentId, "payment_intent.processing");
    await settle();
    await deliverLatest(intentId, "payment_intent.payment_failed");
    const order = await orderRow(orderId);
    expect(order).toMatchObject({ status: "pending", paymentProcessingAt: null, lastPaymentError: "The customer's bank account has been closed." });
    expect(orderStatusLabel(order)).toBe("Awaiting payment");
  });

  it("a processing event delivered after the failure does not mark the order processing again", async () => {
    const { orderId, intentId } = await bankPurchase("000111111116");
    await settle();
    await deliverLatest(intentId, "payment_intent.payment_failed");
    await deliverLatest(intentId, "payment_intent.processing");
    const order = await orderRow(orderId);
    expect(order.paymentProcessingAt).toBeNull();
    expect(order.lastPaymentError).toBe("The customer's bank account could not be located.");
  });
});
