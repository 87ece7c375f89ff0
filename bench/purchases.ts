// Purchases through the real app over HTTP: N buyers one after another, then N other buyers at
// once. Each buyer buys a first course (their Stripe customer is created) and then a second one
// (a repeat purchase that reuses it). A purchase is: the checkout server action (order +
// PaymentIntent) → the browser's confirmation at the emulator with the publishable key → the
// return page, which fulfils the order. Server time excludes the time the emulator reports for
// the server's own Stripe calls; Stripe calls are counted from the emulator's request log.
import { hashPassword } from "../lib/auth/password";
import { callFormAction, confirmInBrowser, serverActionId, sessionCookie, type CheckoutStarted } from "./app-client";
import type { Check } from "./report";
import type { BenchConfig } from "./config";
import { processTreeCpuMs } from "./process-cpu";
import type { Stack } from "./stack";

interface LoggedRequest {
  method: string;
  path: string;
  key_type: "secret" | "publishable" | null;
  duration_ms: number;
  status: number;
}

interface Buyer {
  id: string;
  email: string;
  name: string;
  cookie: string;
}

interface Course {
  id: string;
  slug: string;
  priceMinor: number;
  currency: string;
}

export interface PhaseFigures {
  purchases: number;
  /** Wall time from the first request to the last answer. */
  wallMs: number;
  purchasesPerSecond: number;
  /** Our server's time per purchase (checkout action + return page) minus its Stripe calls' time. */
  serverMsExcludingStripe: { mean: number; p50: number; p99: number };
  /** The emulator's time for the server's calls, per purchase. */
  stripeMsPerPurchase: number;
  /** Calls the server made to Stripe per purchase (secret key), by method and path. */
  serverStripeCallsPerPurchase: number;
  serverStripeCalls: Record<string, number>;
  /** Calls Stripe.js made from the "browser" per purchase (publishable key). */
  browserStripeCallsPerPurchase: number;
  /** CPU of the app process per purchase, webhooks the purchase caused included. */
  appCpuMsPerPurchase: number | null;
  paid: number;
}

export interface PurchaseReport {
  sequential: { first: PhaseFigures; repeat: PhaseFigures };
  concurrent: { first: PhaseFigures; repeat: PhaseFigures; concurrency: number };
  checks: Check[];
}

const round = (value: number) => Math.round(value * 100) / 100;

function percentile(sorted: number[], share: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)];
}

/** Collapses IDs so calls group by endpoint: /v1/payment_intents/pi_123 → /v1/payment_intents/:id. */
function endpointOf(request: LoggedRequest): string {
  return `${request.method} ${request.path.replace(/\/(pi|cus|pm|acct|ch|seti|sub|in)_[A-Za-z0-9]+/g, "/:id")}`;
}

async function emulatorRequests(emulatorUrl: string): Promise<LoggedRequest[]> {
  const response = await fetch(`${emulatorUrl}/_emulator/requests?path_prefix=/v1/`);
  return ((await response.json()) as { data: LoggedRequest[] }).data;
}

/** App CPU used while `run` runs, until the webhooks it caused have been delivered. */
async function withAppCpu<T>(stack: Stack, run: () => Promise<T>): Promise<{ result: T; cpuMs: number | null }> {
  await fetch(`${stack.emulatorUrl}/_emulator/webhooks/wait`, { method: "POST" });
  const before = processTreeCpuMs(stack.appPid);
  const result = await run();
  await fetch(`${stack.emulatorUrl}/_emulator/webhooks/wait`, { method: "POST" });
  const after = processTreeCpuMs(stack.appPid);
  return { result, cpuMs: before === null || after === null ? null : after - before };
}

async function clearEmulatorRequests(emulatorUrl: string): Promise<void> {
  await fetch(`${emulatorUrl}/_emulator/requests`, { method: "DELETE" });
}

interface PurchaseTiming {
  serverWallMs: number;
  paid: boolean;
}

async function purchase(stack: Stack, actionId: string, buyer: Buyer, course: Course): Promise<PurchaseTiming> {
  const actionStart = performance.now();
  const started = await callFormAction<CheckoutStarted>(`${stack.appUrl}/checkout/${course.slug}`, actionId, buyer.cookie, {
    courseId: course.id,
    expectedAmountMinor: String(course.priceMinor),
    expectedCurrency: course.currency,
    expectedChargeType: "destination",
  });
  const actionMs = performance.now() - actionStart;
  if (!started.ok || !started.orderId || !started.clientSecret) throw new Error(`checkout refused: ${JSON.stringify(started)}`);
  const returnUrl = `${stack.appUrl}/checkout/complete/${started.orderId}`;
  await confirmInBrowser(stack.emulatorUrl, started.clientSecret, returnUrl);
  const returnStart = performance.now();
  const page = await fetch(returnUrl, { headers: { cookie: buyer.cookie } });
  const html = await page.text();
  const returnMs = performance.now() - returnStart;
  return { serverWallMs: actionMs + returnMs, paid: page.ok && html.includes("Payment received") };
}

function phaseFigures(timings: Array<PurchaseTiming & { stripeMs: number }>, requests: LoggedRequest[], wallMs: number, appCpuMs: number | null): PhaseFigures {
  const count = timings.length;
  const server = requests.filter((request) => request.key_type === "secret");
  const browser = requests.filter((request) => request.key_type === "publishable");
  const excluding = timings.map((timing) => timing.serverWallMs - timing.stripeMs).sort((a, b) => a - b);
  const calls: Record<string, number> = {};
  for (const request of server) calls[endpointOf(request)] = (calls[endpointOf(request)] ?? 0) + 1;
  return {
    purchases: count,
    wallMs: Math.round(wallMs),
    purchasesPerSecond: round((count / wallMs) * 1000),
    serverMsExcludingStripe: {
      mean: round(excluding.reduce((sum, value) => sum + value, 0) / count),
      p50: round(percentile(excluding, 0.5)),
      p99: round(percentile(excluding, 0.99)),
    },
    stripeMsPerPurchase: round(server.reduce((sum, request) => sum + request.duration_ms, 0) / count),
    serverStripeCallsPerPurchase: round(server.length / count),
    serverStripeCalls: Object.fromEntries(Object.entries(calls).map(([endpoint, total]) => [endpoint, round(total / count)])),
    browserStripeCallsPerPurchase: round(browser.length / count),
    appCpuMsPerPurchase: appCpuMs === null ? null : round(appCpuMs / count),
    paid: timings.filter((timing) => timing.paid).length,
  };
}

/** One purchase at a time; the request log is read after each, so each purchase's Stripe time is its own. */
async function sequentialPhase(stack: Stack, actionId: string, buyers: Buyer[], course: Course): Promise<PhaseFigures> {
  const timings: Array<PurchaseTiming & { stripeMs: number }> = [];
  const all: LoggedRequest[] = [];
  let wallMs = 0;
  let appCpuMs: number | null = 0;
  for (const buyer of buyers) {
    await clearEmulatorRequests(stack.emulatorUrl);
    const { result: timing, cpuMs } = await withAppCpu(stack, async () => {
      const start = performance.now();
      const done = await purchase(stack, actionId, buyer, course);
      wallMs += performance.now() - start;
      return done;
    });
    appCpuMs = appCpuMs === null || cpuMs === null ? null : appCpuMs + cpuMs;
    const requests = await emulatorRequests(stack.emulatorUrl);
    all.push(...requests);
    const stripeMs = requests.filter((request) => request.key_type === "secret").reduce((sum, request) => sum + request.duration_ms, 0);
    timings.push({ ...timing, stripeMs });
  }
  return phaseFigures(timings, all, wallMs, appCpuMs);
}

/** Every buyer at once (up to `concurrency` in flight); Stripe time is shared out evenly. */
async function concurrentPhase(stack: Stack, actionId: string, buyers: Buyer[], course: Course, concurrency: number): Promise<PhaseFigures> {
  await clearEmulatorRequests(stack.emulatorUrl);
  const timings: PurchaseTiming[] = [];
  let next = 0;
  let wallMs = 0;
  const { cpuMs } = await withAppCpu(stack, async () => {
    const start = performance.now();
    await Promise.all(
      Array.from({ length: Math.min(concurrency, buyers.length) }, async () => {
        while (next < buyers.length) timings.push(await purchase(stack, actionId, buyers[next++], course));
      }),
    );
    wallMs = performance.now() - start;
  });
  const requests = await emulatorRequests(stack.emulatorUrl);
  const stripeMs = requests.filter((request) => request.key_type === "secret").reduce((sum, request) => sum + request.duration_ms, 0) / buyers.length;
  return phaseFigures(
    timings.map((timing) => ({ ...timing, stripeMs })),
    requests,
    wallMs,
    cpuMs,
  );
}

async function createBuyers(count: number, prefix: string, secret: string): Promise<Buyer[]> {
  const { db } = await import("../lib/db");
  const passwordHash = await hashPassword(`bench-${prefix}-password`);
  const buyers: Buyer[] = [];
  for (let i = 0; i < count; i++) {
    const user = await db.user.create({
      data: { email: `bench-${prefix}-${i}@example.com`, name: `Bench buyer ${prefix} ${i}`, passwordHash, role: "buyer" },
      select: { id: true, email: true, name: true, sessionVersion: true },
    });
    buyers.push({ ...user, cookie: await sessionCookie(user, secret) });
  }
  return buyers;
}

export async function benchPurchases(stack: Stack, config: BenchConfig, log: (line: string) => void): Promise<PurchaseReport> {
  const { db } = await import("../lib/db");
  const secret = process.env.AUTH_SECRET!;
  const actionId = serverActionId("app/checkout/actions.ts", "startCheckout");
  const courses = await db.course.findMany({
    where: { slug: { in: ["generated-1", "generated-2"] } },
    select: { id: true, slug: true, priceMinor: true, currency: true },
    orderBy: { slug: "asc" },
  });
  if (courses.length !== 2) throw new Error("the bench needs the generated courses generated-1 and generated-2");
  const [firstCourse, repeatCourse] = courses;
  const concurrency = config.purchaseConcurrency || config.purchases;

  const sequentialBuyers = await createBuyers(config.purchases, "sequential", secret);
  const concurrentBuyers = await createBuyers(config.purchases, "concurrent", secret);
  // One warm-up purchase so the first measured one does not pay for loading the route's code.
  const [warmUpBuyer] = await createBuyers(1, "warm-up", secret);
  await purchase(stack, actionId, warmUpBuyer, firstCourse);

  log(`Purchases: ${config.purchases} buyers one at a time, then ${config.purchases} at once (${concurrency} in flight).`);
  const sequential = {
    first: await sequentialPhase(stack, actionId, sequentialBuyers, firstCourse),
    repeat: await sequentialPhase(stack, actionId, sequentialBuyers, repeatCourse),
  };
  const concurrent = {
    concurrency,
    first: await concurrentPhase(stack, actionId, concurrentBuyers, firstCourse, concurrency),
    repeat: await concurrentPhase(stack, actionId, concurrentBuyers, repeatCourse, concurrency),
  };

  const buyerIds = [...sequentialBuyers, ...concurrentBuyers].map((buyer) => buyer.id);
  const enrolments = await db.enrolment.count({ where: { userId: { in: buyerIds } } });
  const paidOrders = await db.order.count({ where: { buyerId: { in: buyerIds }, status: "paid" } });
  const customers = await db.user.count({ where: { id: { in: buyerIds }, stripeCustomerId: { not: null } } });
  const phases = [sequential.first, sequential.repeat, concurrent.first, concurrent.repeat];
  const customerCreations = phases.reduce((sum, phase) => sum + Math.round((phase.serverStripeCalls["POST /v1/customers"] ?? 0) * phase.purchases), 0);
  const expected = buyerIds.length * 2;
  return {
    sequential,
    concurrent,
    checks: [
      { name: "purchases: every purchase paid", ok: phases.every((phase) => phase.paid === phase.purchases), detail: phases.map((phase) => `${phase.paid}/${phase.purchases}`).join(", ") },
      { name: "purchases: one enrolment and one paid order per purchase", ok: enrolments === expected && paidOrders === expected, detail: `${enrolments} enrolments, ${paidOrders} paid orders for ${expected} purchases` },
      { name: "purchases: one Stripe customer per buyer, none made on a repeat purchase", ok: customers === buyerIds.length && customerCreations === buyerIds.length, detail: `${customers} buyers with a customer, ${customerCreations} customers created for ${buyerIds.length} buyers` },
    ],
  };
}
