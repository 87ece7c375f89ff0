// Webhook throughput and exactly-once handling. With the emulator's endpoints switched off, real
// orders are started through lib/ (customer, PaymentIntent) and paid in the "browser" at the
// emulator, a tenth with a declining card: that records real events (payment_intent.*, charge.*,
// customer.*, application_fee.*, transfer.* ...), handled and ignored types alike, none of them
// delivered. Then the endpoints are switched back on and the emulator floods them: N signed
// deliveries, a share of them duplicates, some out of order, as fast as the app answers. The
// database then says whether every event was stored once, handled at most once, and every paid
// order fulfilled exactly once.
import { hashPassword } from "../lib/auth/password";
// The answer of the emulator's flood call (a type only: the bench reaches the emulator over HTTP).
import type { FloodReport } from "../stripe-emulator/src/webhooks/flood";
import { confirmInBrowser } from "./app-client";
import type { BenchConfig } from "./config";
import { processesCpuMs, processTreeCpuMs } from "./process-cpu";
import type { Check } from "./report";
import type { Stack } from "./stack";

const DECLINING_CARD = "4000000000000002";

export interface WebhookReport {
  sent: number;
  uniqueEvents: number;
  duplicatesSent: number;
  reordered: number;
  concurrency: number;
  eventsPerSecond: number;
  durationMs: number;
  responses: Record<string, number>;
  latencyMs: { p50: number; p99: number; max: number };
  /** CPU time per delivery of the app (receiving) and of the emulator (signing, sending). */
  appCpuMsPerEvent: number | null;
  emulatorCpuMsPerEvent: number | null;
  eventTypes: Record<string, number>;
  stored: number;
  handled: number;
  ignored: number;
  failed: number;
  lost: number;
  handledTwice: number;
  orders: { paid: number; expectedPaid: number; declinedStillPending: number; enrolments: number };
  checks: Check[];
}

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: the bench stack sets it when it starts the emulator`);
  return value;
}

interface TargetConfig {
  url: string;
  secret: string;
  connect: boolean;
  enabled_events?: string[];
}

async function emulatorJson<T>(url: string, method = "GET", body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

/** Events the emulator recorded since `since` that would go to the app, counted by type. */
async function recordedEventTypes(emulatorUrl: string, accounts: string[], since: number): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const account of [null, ...accounts]) {
    let startingAfter: string | null = null;
    for (;;) {
      const query = new URLSearchParams({ limit: "100", "created[gte]": String(since) });
      if (startingAfter) query.set("starting_after", startingAfter);
      const response = await fetch(`${emulatorUrl}/v1/events?${query}`, {
        headers: { authorization: "Bearer sk_test_emulator", ...(account ? { "stripe-account": account } : {}) },
      });
      const page = (await response.json()) as { data: Array<{ id: string; type: string }>; has_more: boolean };
      for (const event of page.data) counts[event.type] = (counts[event.type] ?? 0) + 1;
      if (!page.has_more || page.data.length === 0) break;
      startingAfter = page.data[page.data.length - 1].id;
    }
  }
  return counts;
}

const total = (counts: Record<string, number>) => Object.values(counts).reduce((sum, value) => sum + value, 0);

export interface FloodTarget {
  /** Where the deliveries go (an instance, or a balancer); the stack's app by default. */
  base?: string;
  /** Processes whose CPU receives them (instances and balancer); the app by default. */
  pids?: number[];
  /** Deliveries, duplicates included; BENCH_WEBHOOK_EVENTS by default. */
  events?: number;
}

/**
 * Records fresh events (deliveries off), then floods exactly those at the target: called several
 * times in turn (one instance, two instances, …) each call sends events no earlier call sent.
 */
export async function benchWebhooks(stack: Stack, config: BenchConfig, log: (line: string) => void, target: FloodTarget = {}): Promise<WebhookReport> {
  const { db } = await import("../lib/db");
  const { startCoursePurchase } = await import("../lib/orders/start-purchase");
  const events = target.events ?? config.webhookEvents;
  const base = target.base ?? stack.appUrl;
  const pids = target.pids ?? [stack.appPid];
  const duplicates = Math.round((events * config.webhookDuplicatePercent) / 100);
  const uniqueWanted = events - duplicates;

  // The emulator never hands out its signing secrets: the stack started it and passed them in.
  const targets: TargetConfig[] = [
    { url: `${base}/api/stripe/webhook`, secret: requiredEnv("STRIPE_WEBHOOK_SECRET"), connect: false },
    { url: `${base}/api/stripe/connect-webhook`, secret: requiredEnv("STRIPE_CONNECT_WEBHOOK_SECRET"), connect: true },
  ];
  await emulatorJson(`${stack.emulatorUrl}/_emulator/webhooks/wait`, "POST", { timeout_ms: 30_000 });
  await emulatorJson(`${stack.emulatorUrl}/_emulator/webhook_targets`, "POST", {});
  // Events are told apart by their second: start on a second no earlier call recorded in.
  const previous = (await emulatorJson<{ now: number }>(`${stack.emulatorUrl}/_emulator/clock`)).body.now;
  let since = previous;
  while (since === previous) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    since = (await emulatorJson<{ now: number }>(`${stack.emulatorUrl}/_emulator/clock`)).body.now;
  }

  const courses = await db.course.findMany({
    where: { published: true, slug: { startsWith: "generated-" } },
    select: { id: true, priceMinor: true, currency: true },
    take: 200,
  });
  const passwordHash = await hashPassword("bench-webhook-password");
  const orderIds: string[] = [];
  const declined = new Set<string>();
  let eventTypes: Record<string, number> = {};
  let made = 0;
  // Orders are added in batches until enough distinct events are recorded (about six per order).
  while (total(eventTypes) < uniqueWanted) {
    const batch = Math.max(10, Math.ceil((uniqueWanted - total(eventTypes)) / 5));
    const buyers = await db.user.createManyAndReturn({
      data: Array.from({ length: batch }, (_, i) => ({
        email: `bench-webhook-${since}-${made + i}@example.com`,
        name: `Webhook buyer ${made + i}`,
        passwordHash,
        role: "buyer",
      })),
      select: { id: true },
    });
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < buyers.length) {
          const index = made + next;
          const buyer = buyers[next++];
          const course = courses[index % courses.length];
          const started = await startCoursePurchase(buyer.id, {
            courseId: course.id,
            expectedAmountMinor: course.priceMinor,
            expectedCurrency: course.currency,
            expectedChargeType: "destination",
          });
          if (!started.ok) throw new Error(`a webhook bench order was refused: ${started.message}`);
          orderIds.push(started.orderId);
          const declines = index % 10 === 9;
          if (declines) declined.add(started.orderId);
          await confirmInBrowser(stack.emulatorUrl, started.clientSecret, `${stack.appUrl}/checkout/complete/${started.orderId}`, declines ? DECLINING_CARD : undefined);
        }
      }),
    );
    made += batch;
    eventTypes = await recordedEventTypes(stack.emulatorUrl, [stack.sellerAccountId], since);
    log(`Webhooks: ${made} orders paid at the emulator, ${total(eventTypes)} events recorded.`);
  }

  await emulatorJson(`${stack.emulatorUrl}/_emulator/webhook_targets`, "POST", { targets });
  log(`Webhooks: flooding ${base} with ${events} deliveries, ${config.webhookConcurrency} at a time.`);
  const appCpuBefore = processesCpuMs(pids);
  const emulatorCpuBefore = processTreeCpuMs(stack.emulatorPid);
  const flood = await emulatorJson<FloodReport>(`${stack.emulatorUrl}/_emulator/webhooks/flood`, "POST", {
    count: events,
    concurrency: config.webhookConcurrency,
    duplicate_percent: config.webhookDuplicatePercent,
    reorder_percent: 5,
    since,
  });
  if (flood.status !== 200) throw new Error(`the flood was refused: ${JSON.stringify(flood.body)}`);
  const perEvent = (before: number | null, after: number | null) =>
    before === null || after === null ? null : Math.round(((after - before) / flood.body.sent) * 100) / 100;
  const appCpuMsPerEvent = perEvent(appCpuBefore, processesCpuMs(pids));
  const emulatorCpuMsPerEvent = perEvent(emulatorCpuBefore, processTreeCpuMs(stack.emulatorPid));

  const sentIds = flood.body.event_ids;
  const sentEvents = await db.stripeEvent.findMany({
    where: { id: { in: sentIds } },
    select: { id: true, type: true, status: true, attempts: true, payload: true },
  });
  const byStatus = (status: string) => sentEvents.filter((event) => event.status === status).length;
  const handledTwice = sentEvents.filter((event) => event.attempts > 1).length;
  const lost = sentIds.length - sentEvents.length;
  // Only the newest events were sent: orders whose payment_intent.succeeded was among them must be paid.
  const orders = await db.order.findMany({
    where: { id: { in: orderIds } },
    select: { id: true, status: true, stripePaymentIntentId: true, enrolment: { select: { id: true } } },
  });
  const succeededSent = new Set(
    sentEvents
      .filter((event) => event.type === "payment_intent.succeeded")
      .map((event) => (JSON.parse(event.payload) as { data: { object: { id: string } } }).data.object.id),
  );
  const expectedPaid = orders.filter((order) => order.stripePaymentIntentId && succeededSent.has(order.stripePaymentIntentId)).length;
  const paid = orders.filter((order) => order.status === "paid").length;
  const enrolments = orders.filter((order) => order.enrolment).length;
  const declinedStillPending = orders.filter((order) => declined.has(order.id) && order.status === "pending").length;
  const okResponses = Object.entries(flood.body.responses).filter(([status]) => status.startsWith("2")).reduce((sum, [, count]) => sum + count, 0);

  return {
    sent: flood.body.sent,
    uniqueEvents: flood.body.unique_events,
    duplicatesSent: flood.body.duplicates,
    reordered: flood.body.reordered,
    concurrency: flood.body.concurrency,
    eventsPerSecond: flood.body.events_per_second,
    durationMs: flood.body.duration_ms,
    responses: flood.body.responses,
    latencyMs: flood.body.latency_ms,
    appCpuMsPerEvent,
    emulatorCpuMsPerEvent,
    eventTypes,
    stored: sentEvents.length,
    handled: byStatus("handled"),
    ignored: byStatus("ignored"),
    failed: byStatus("failed") + byStatus("received"),
    lost,
    handledTwice,
    orders: { paid, expectedPaid, declinedStillPending, enrolments },
    checks: [
      { name: "webhooks: every delivery answered 2xx", ok: okResponses === flood.body.sent, detail: JSON.stringify(flood.body.responses) },
      { name: "webhooks: no event lost (each stored once)", ok: lost === 0, detail: `${sentEvents.length} stored of ${sentIds.length} distinct events sent` },
      { name: "webhooks: no event handled twice", ok: handledTwice === 0, detail: `${handledTwice} events ran their handler more than once` },
      { name: "webhooks: none failed", ok: byStatus("failed") + byStatus("received") === 0, detail: `${byStatus("failed")} failed, ${byStatus("received")} never finished` },
      { name: "webhooks: each paid order fulfilled exactly once", ok: paid === expectedPaid && enrolments === paid, detail: `${paid} paid (expected ${expectedPaid}), ${enrolments} enrolments` },
    ],
  };
}
