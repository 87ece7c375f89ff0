import "./support/test-database";
import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";

describe("the webhook endpoint without a signing secret", () => {
  it("refuses every event, even a correctly signed one, and stores nothing", async () => {
    delete process.env.STRIPE_WEBHOOK_SECRET;
    const { POST } = await import("@/app/api/stripe/webhook/route");
    const payload = JSON.stringify({ id: "evt_unconfigured", object: "event", type: "payment_intent.succeeded", created: 1, data: { object: {} } });
    const header = new Stripe("sk_test_unused").webhooks.generateTestHeaderString({ payload, secret: "whsec_anything" });
    const answer = await POST(new Request("http://app.test/api/stripe/webhook", { method: "POST", headers: { "stripe-signature": header }, body: payload }));
    expect(answer.status).toBe(503);
    expect(await db.stripeEvent.count()).toBe(0);
  });
});
