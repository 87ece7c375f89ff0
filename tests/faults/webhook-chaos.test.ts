// Real events from real flows (a destination purchase, a direct-charge purchase, a membership
// join, a partial refund made in Stripe's dashboard), taken from the emulator and delivered by
// the test itself to the app's two webhook route handlers: every event three times, shuffled,
// some held back until everything after them was applied, plus a forged and a stale one.
import "../integration/support/test-database";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as connectWebhook } from "@/app/api/stripe/connect-webhook/route";
import { POST as platformWebhook } from "@/app/api/stripe/webhook/route";
import { db } from "@/lib/db";
import { joinMembership } from "@/lib/membership/join-membership";
import { startCoursePurchase, type PurchaseRequest } from "@/lib/orders/start-purchase";
import { ensureMembershipPlan } from "@/lib/payments/membership-plan";
import { getPlatformSettings, updatePlatformSettings } from "@/lib/settings/platform-settings";
import { makeCourse, makeUser } from "../integration/support/factories";
import { confirmInBrowser as confirmWithPublishableKey, connectSeller, startTestStripe, TEST_WEBHOOK_SECRET, type TestStripe } from "../integration/support/stripe-emulator";
import { seededRandom, seedFromEnv } from "./support/seeded-random";

const CONNECT_SECRET = "whsec_webhook_chaos_connect";
const signer = new Stripe("sk_test_signing_only");
const seed = seedFromEnv();
const random = seededRandom(seed);

let stripe: TestStripe;
beforeAll(async () => {
  vi.spyOn(console, "error").mockImplementation(() => undefined);
  // Nothing is delivered by the emulator: the test is the only sender.
  stripe = await startTestStripe({ deliverWebhooks: false });
  process.env.STRIPE_CONNECT_WEBHOOK_SECRET = CONNECT_SECRET;
});
afterAll(async () => {
  await stripe?.close();
});

type Endpoint = "platform" | "connect";
interface StoredEvent {
  id: string;
  type: string;
  created: number;
  account?: string;
  data: { object: { id: string; status?: string } };
}


async function eventsOf(account?: string): Promise<StoredEvent[]> {
  const all: StoredEvent[] = [];
  let after = "";
  for (;;) {
    const page = await stripe.read(`/v1/events?limit=100${after ? `&starting_after=${after}` : ""}`, account);
    all.push(...page.data);
    if (!page.has_more) return all.reverse();
    after = page.data[page.data.length - 1].id;
  }
}

async function confirmInBrowser(clientSecret: string, account?: string) {
  expect((await confirmWithPublishableKey(stripe, clientSecret, "pm_card_visa", account)).body.status).toBe("succeeded");
}

function deliver(endpoint: Endpoint, payload: string, header: string): Promise<Response> {
  const handler = endpoint === "platform" ? platformWebhook : connectWebhook;
  return handler(new Request(`http://app.test/api/stripe/${endpoint}`, { method: "POST", headers: { "stripe-signature": header }, body: payload }));
}

function signed(endpoint: Endpoint, event: StoredEvent, timestamp?: number) {
  const payload = JSON.stringify(event);
  const secret = endpoint === "platform" ? TEST_WEBHOOK_SECRET : CONNECT_SECRET;
  return { payload, header: signer.webhooks.generateTestHeaderString({ payload, secret, timestamp }) };
}

async function useChargeType(adminId: string, chargeType: "destination" | "direct") {
  const { feeBasisPoints } = await getPlatformSettings();
  await updatePlatformSettings(adminId, { feeBasisPoints, chargeType });
}

async function buy(chargeType: "destination" | "direct", adminId: string) {
  await useChargeType(adminId, chargeType);
  const seller = await makeUser("seller");
  const account = await connectSeller(stripe, seller.id);
  const buyer = await makeUser("buyer");
  const course = await makeCourse(seller.id, { priceMinor: 2500 });
  const request: PurchaseRequest = { courseId: course.id, expectedAmountMinor: 2500, expectedCurrency: "usd", expectedChargeType: chargeType };
  const started = await startCoursePurchase(buyer.id, request);
  if (!started.ok) throw new Error(started.message);
  // The buyer closes the tab after paying: only webhooks can fulfil the order.
  await confirmInBrowser(started.clientSecret, chargeType === "direct" ? account : undefined);
  return { buyer, course, account, orderId: started.orderId };
}

describe(`webhook chaos (seed ${seed})`, () => {
  it("duplicated, shuffled and late events end in the right state, each handled once; forged and stale ones are refused and stored nowhere", async () => {
    const admin = await makeUser("admin");
    await ensureMembershipPlan();
    const destination = await buy("destination", admin.id);
    const direct = await buy("direct", admin.id);

    const member = await makeUser("buyer");
    const joined = await joinMembership(member.id);
    if (!joined.ok) throw new Error(joined.message);
    await confirmInBrowser(joined.clientSecret);

    // A partial refund made in Stripe's dashboard: only its events tell the app.
    const destinationIntent = (await db.order.findUniqueOrThrow({ where: { id: destination.orderId } })).stripePaymentIntentId!;
    const dashboardRefund = await stripe.call("POST", "/v1/refunds", { payment_intent: destinationIntent, amount: "1000", reverse_transfer: "true", refund_application_fee: "true" });
    expect(dashboardRefund.status).toBe(200);

    const platformEvents = await eventsOf();
    const connectEvents = (await Promise.all([destination.account, direct.account].map((account) => eventsOf(account)))).flat();
    const all = [
      ...platformEvents.map((event) => ({ endpoint: "platform" as const, event })),
      ...connectEvents.map((event) => ({ endpoint: "connect" as const, event })),
    ];
    const types = new Set(all.map(({ event }) => event.type));
    for (const needed of ["payment_intent.succeeded", "charge.refunded", "invoice.paid", "customer.subscription.created", "customer.subscription.updated", "account.updated"]) {
      expect(types, `the flows produced ${needed}`).toContain(needed);
    }

    // Held back until everything after them was applied: the first state of each object.
    const late = new Set(
      all
        .filter(({ event }) => ["customer.subscription.created", "payment_intent.created", "charge.succeeded"].includes(event.type))
        .map(({ event }) => event.id),
    );
    // Every event three times: for some the three copies arrive at once (a retry overtaking a slow
    // first delivery), for the others they are spread through the shuffled stream.
    type Delivery = (typeof all)[number];
    const unitsOf = (deliveries: Delivery[]) =>
      random.shuffle(deliveries.flatMap((delivery) => (random.next() < 0.3 ? [[delivery, delivery, delivery]] : [[delivery], [delivery], [delivery]])));
    const onTime = unitsOf(all.filter(({ event }) => !late.has(event.id)));
    const heldBack = unitsOf(all.filter(({ event }) => late.has(event.id)));

    const answers = new Map<string, number[]>();
    for (const units of [onTime, heldBack]) {
      // Two units at a time, as Stripe's deliveries overlap.
      for (let i = 0; i < units.length; i += 2) {
        await Promise.all(
          units.slice(i, i + 2).flat().map(async ({ endpoint, event }) => {
            const { payload, header } = signed(endpoint, event);
            const response = await deliver(endpoint, payload, header);
            answers.set(event.id, [...(answers.get(event.id) ?? []), response.status]);
          }),
        );
      }
    }
    expect([...answers.values()].every((statuses) => statuses.length === 3)).toBe(true);
    for (const [id, statuses] of answers) expect(statuses.every((status) => status === 200), `${id} answered ${statuses}`).toBe(true);

    // A forged refund (signed with the wrong secret) and a replayed one from ten minutes ago.
    const refundEvent = platformEvents.find((event) => event.type === "charge.refunded")!;
    const forged = { ...refundEvent, id: "evt_forged_by_someone_else" };
    const forgedPayload = JSON.stringify(forged);
    const forgedHeader = signer.webhooks.generateTestHeaderString({ payload: forgedPayload, secret: "whsec_not_ours" });
    expect((await deliver("platform", forgedPayload, forgedHeader)).status).toBe(400);
    const tampered = signed("platform", { ...refundEvent, id: "evt_tampered_after_signing" });
    expect((await deliver("platform", tampered.payload.replace("evt_tampered_after_signing", "evt_tampered_after_signinG"), tampered.header)).status).toBe(400);
    const stale = signed("platform", { ...refundEvent, id: "evt_stale_replay" }, Math.floor(Date.now() / 1000) - 600);
    expect((await deliver("platform", stale.payload, stale.header)).status).toBe(400);
    const staleConnect = signed("connect", { ...connectEvents[0], id: "evt_stale_connect_replay" }, Math.floor(Date.now() / 1000) - 600);
    expect((await deliver("connect", staleConnect.payload, staleConnect.header)).status).toBe(400);
    expect(await db.stripeEvent.count({ where: { id: { in: ["evt_forged_by_someone_else", "evt_tampered_after_signing", "evt_tampered_after_signinG", "evt_stale_replay", "evt_stale_connect_replay"] } } })).toBe(0);

    // Correctly signed but naming another seller's account: acknowledged (Stripe's retries would get
    // the same answer) and kept as failed for an admin, with nothing applied.
    const wrongAccount = signed("connect", { ...refundEvent, id: "evt_refund_claimed_by_another_account", account: direct.account });
    const refusedAnswer = await deliver("connect", wrongAccount.payload, wrongAccount.header);
    expect(refusedAnswer.status).toBe(200);
    expect(await refusedAnswer.json()).toMatchObject({ outcome: "refused" });
    expect(await db.stripeEvent.findUniqueOrThrow({ where: { id: "evt_refund_claimed_by_another_account" } })).toMatchObject({
      status: "failed",
      error: expect.stringMatching(/^Refused: /),
    });

    // Each event stored once and, if it has a handler, handled exactly once.
    const rows = await db.stripeEvent.findMany({ where: { id: { not: "evt_refund_claimed_by_another_account" } }, select: { id: true, type: true, status: true, attempts: true } });
    expect(rows.map((row) => row.id).sort()).toEqual([...new Set(all.map(({ event }) => event.id))].sort());
    expect(rows.filter((row) => row.status === "failed")).toEqual([]);
    expect(rows.filter((row) => row.status === "handled" && row.attempts !== 1), "handled more than once").toEqual([]);

    // Final state: both orders paid and enrolled once, the dashboard refund recorded, the member active.
    const destinationOrder = await db.order.findUniqueOrThrow({ where: { id: destination.orderId } });
    expect(destinationOrder).toMatchObject({ status: "paid", refundedMinor: 1000, pendingKey: null });
    expect(await db.enrolment.count({ where: { userId: destination.buyer.id, courseId: destination.course.id } })).toBe(1);
    expect(await db.order.findUniqueOrThrow({ where: { id: direct.orderId } })).toMatchObject({ status: "paid", pendingKey: null });
    expect(await db.enrolment.count({ where: { userId: direct.buyer.id, courseId: direct.course.id } })).toBe(1);
    const membership = await db.membership.findUniqueOrThrow({ where: { userId: member.id } });
    const subscription = await stripe.read(`/v1/subscriptions/${membership.stripeSubscriptionId}`);
    expect(subscription.status).toBe("active");
    expect(membership.status).toBe("active");
  }, 60_000);
});
