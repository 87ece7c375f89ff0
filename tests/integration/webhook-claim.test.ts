// One delivery at a time runs an event's handler: a copy that arrives while another holds the
// claim is acknowledged without running it; a claim left by a delivery that died is taken over.
import "./support/test-database";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/stripe/webhook/route";
import { db } from "@/lib/db";
import { startTestStripe, TEST_WEBHOOK_SECRET, type TestStripe } from "./support/stripe-emulator";
import { signedWebhookRequest } from "./support/connect-webhooks";

let stripe: TestStripe;
beforeAll(async () => {
  stripe = await startTestStripe({ deliverWebhooks: false });
});
afterAll(async () => {
  await stripe?.close();
});

/** A membership invoice's intent: handled without any Stripe call (it has no order). */
function invoiceIntentSucceeded(id: string) {
  return {
    id,
    object: "event",
    type: "payment_intent.succeeded",
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    api_version: "2026-10-28.endive",
    data: { object: { id: `pi_${id}`, object: "payment_intent", status: "succeeded", metadata: {} } },
  };
}

async function deliver(event: ReturnType<typeof invoiceIntentSucceeded>) {
  const response = await POST(signedWebhookRequest(JSON.stringify(event), TEST_WEBHOOK_SECRET));
  return { status: response.status, body: await response.json() };
}

async function stored(event: ReturnType<typeof invoiceIntentSucceeded>, claimedAt: Date | null, status = "received") {
  await db.stripeEvent.create({
    data: { id: event.id, type: event.type, payload: JSON.stringify(event), createdAt: new Date(event.created * 1000), status, claimedAt },
  });
}

describe("claiming an event before handling it", () => {
  it("a copy arriving while another delivery holds the claim is acknowledged and not handled", async () => {
    const event = invoiceIntentSucceeded("evt_claim_held");
    await stored(event, new Date());
    expect(await deliver(event)).toEqual({ status: 200, body: { received: true, outcome: "duplicate" } });
    expect(await db.stripeEvent.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({ status: "received", attempts: 0 });
  });

  it("a claim older than the lease (the app died mid-handler) is taken over by the next delivery", async () => {
    const event = invoiceIntentSucceeded("evt_claim_abandoned");
    await stored(event, new Date(Date.now() - 3 * 60_000));
    expect(await deliver(event)).toEqual({ status: 200, body: { received: true, outcome: "handled" } });
    expect(await db.stripeEvent.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({ status: "handled", attempts: 1, claimedAt: null });
  });

  it("a failed event is claimed again by Stripe's retry and handled", async () => {
    const event = invoiceIntentSucceeded("evt_claim_after_failure");
    await stored(event, null, "failed");
    expect(await deliver(event)).toEqual({ status: 200, body: { received: true, outcome: "handled" } });
    expect(await db.stripeEvent.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({ status: "handled", attempts: 1 });
  });
});
