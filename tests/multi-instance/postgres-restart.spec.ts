// Fault: PostgreSQL restarts while buyers are paying. The stack (an instance behind the balancer,
// the emulator, the mail catcher, Redis) runs on a PostgreSQL server of this test's own, which it
// stops and starts: the machine's cluster is shared and never restarted. Purchases go through the
// app over HTTP as a browser's would (the checkout server action, Stripe.js's confirmation at the
// emulator, the return page); the emulator's webhooks land on the app throughout. While the
// database is down every answer must be a plain message; once it is back purchases succeed
// again, each buyer who retries is fulfilled, and nothing is lost or doubled: one paid order, one
// enrolment, one receipt and one succeeded charge per buyer, every webhook handled.
import path from "node:path";
import { expect, test } from "@playwright/test";
import { callFormAction, confirmInBrowser, serverActionId, sessionCookie, type CheckoutStarted } from "../../bench/app-client";
import { startStack, type Stack } from "../../scripts/production-stack";
import { startOwnPostgres, type OwnPostgres } from "./own-postgres";

const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
const E2E_EMULATOR_PORT = Number(process.env.E2E_EMULATOR_PORT ?? 12199);
// Beside the multi-instance stack's ports (stack-setup.ts: E2E_PORT + 1…4, emulator + 7…9).
const BALANCER_PORT = E2E_PORT + 5;
const REDIS_PORT = E2E_PORT + 8;
const POSTGRES_PORT = E2E_PORT + 9;
const EMULATOR_PORT = E2E_EMULATOR_PORT + 10;
const BUYERS = 12;
/** Buyers who may pay before the stop; the others start while the database is down. */
const EARLY_BUYERS = 4;
const IN_FLIGHT = 3;

// What must never reach a person: exception text, driver and ORM names, stack frames.
const INTERNALS = /prisma|ECONNREFUSED|ECONNRESET|postgres|P10\d\d|\bat [\w.<>]+ \(|node_modules|\.tsx?:\d+|Error:|terminating connection|Can't reach database/i;

let postgres: OwnPostgres | undefined;
let stack: Stack | undefined;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const started = Date.now();
  postgres = startOwnPostgres(POSTGRES_PORT);
  // The emulator retries a webhook the app did not take in seconds, not Stripe's hours.
  process.env.STRIPE_EMULATOR_WEBHOOK_RETRY_DELAYS_MS = "1000,2000,3000,5000,8000,13000";
  const url = new URL(postgres.url);
  url.pathname = "/coursemarket_fault";
  stack = await startStack({
    databaseUrl: url.toString(),
    freshDatabase: true,
    redisPort: REDIS_PORT,
    instances: 1,
    balancerPort: BALANCER_PORT,
    emulatorPort: EMULATOR_PORT,
    mailSmtpPort: EMULATOR_PORT + 1,
    mailHttpPort: EMULATOR_PORT + 2,
    // Connections fail fast while the server is down instead of queueing behind the pool.
    appEnv: { DATABASE_POOL_TIMEOUT_MS: "3000" },
    secretsFile: path.resolve("tests/.tmp/postgres-restart-secrets.json"),
    quiet: true,
  });
  console.log(`PostgreSQL restart: own server and stack up in ${((Date.now() - started) / 1000).toFixed(1)} s`);
});

test.afterAll(async () => {
  await stack?.stop();
  postgres?.remove();
});

interface Buyer {
  id: string;
  email: string;
  cookie: string;
  paid: boolean;
}

interface Failure {
  stage: "checkout" | "return page";
  status: number;
  shown: string;
}

test("PostgreSQL restarted during purchases: plain errors while it is down, recovery, every order once", async () => {
  test.setTimeout(150_000);
  const { db } = await import("../../lib/db");
  const { hashPassword } = await import("../../lib/auth/password");
  const app = stack!.balancer.url;
  const emulator = stack!.emulatorUrl;
  const actionId = serverActionId("app/checkout/actions.ts", "startCheckout");
  const course = await db.course.findFirstOrThrow({
    where: { published: true, seller: { email: "seller@example.com" } },
    orderBy: { slug: "asc" },
    select: { id: true, slug: true, priceMinor: true, currency: true },
  });
  const passwordHash = await hashPassword("restart-test-password");
  const buyers: Buyer[] = [];
  for (let i = 0; i < BUYERS; i++) {
    const user = await db.user.create({
      data: { email: `restart-${i}@test.example`, name: `Restart buyer ${i}`, passwordHash, role: "buyer" },
      select: { id: true, email: true, name: true, sessionVersion: true },
    });
    buyers.push({ id: user.id, email: user.email, cookie: await sessionCookie(user, stack!.env.AUTH_SECRET!), paid: false });
  }

  const failures: Failure[] = [];
  let paidWhileUp = 0;
  let databaseUp = true;
  let paidAfterRestart = 0;

  /** One purchase as the browser makes it; a failure is kept with what the person was shown. */
  async function purchase(buyer: Buyer): Promise<void> {
    let started: CheckoutStarted;
    try {
      started = await callFormAction<CheckoutStarted>(`${app}/checkout/${course.slug}`, actionId, buyer.cookie, {
        courseId: course.id,
        expectedAmountMinor: String(course.priceMinor),
        expectedCurrency: course.currency,
        expectedChargeType: "destination",
      });
    } catch (error) {
      failures.push({ stage: "checkout", status: 500, shown: error instanceof Error ? error.message : String(error) });
      return;
    }
    if (!started.ok || !started.orderId || !started.clientSecret) {
      failures.push({ stage: "checkout", status: 200, shown: started.error ?? JSON.stringify(started) });
      return;
    }
    const returnUrl = `${app}/checkout/complete/${started.orderId}`;
    expect(await confirmInBrowser(emulator, started.clientSecret, returnUrl)).toBe("succeeded");
    // The buyer lands on the return page, and reloads it until it answers (a person would).
    for (;;) {
      const page = await fetch(returnUrl, { headers: { cookie: buyer.cookie } });
      const html = await page.text();
      if (page.ok && html.includes("Payment received")) break;
      failures.push({ stage: "return page", status: page.status, shown: visibleText(html) });
      if (Date.now() > deadline) throw new Error(`the return page of ${buyer.email} never showed the payment (${page.status})`);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    buyer.paid = true;
    if (databaseUp) paidWhileUp++;
    if (restartedAt) paidAfterRestart++;
  }

  let restartedAt = 0;
  const inFlight = new Set<string>();
  const deadline = Date.now() + 100_000;
  // Buyers keep trying (a failed checkout is tried again) until each has paid once.
  async function buyerLoop(): Promise<void> {
    while (Date.now() < deadline) {
      const eligible = databaseUp && !restartedAt ? buyers.slice(0, EARLY_BUYERS) : buyers;
      const buyer = eligible.find((candidate) => !candidate.paid && !inFlight.has(candidate.id));
      if (!buyer) {
        if (buyers.every((candidate) => candidate.paid)) return;
        await new Promise((resolve) => setTimeout(resolve, 100));
        continue;
      }
      inFlight.add(buyer.id);
      try {
        await purchase(buyer);
      } finally {
        inFlight.delete(buyer.id);
      }
      if (!buyer.paid) await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  async function restartDuringLoad(): Promise<void> {
    // The stop comes while the other early purchases are in flight.
    await expect.poll(() => paidWhileUp, { timeout: 60_000, intervals: [20] }).toBeGreaterThanOrEqual(1);
    databaseUp = false;
    await postgres!.stop();
    const stoppedAt = Date.now();
    // Down long enough for checkouts, return pages and webhooks to meet it.
    await expect.poll(() => failures.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(4);
    const health = await fetch(`${app}/api/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ database: { status: "unavailable" } });
    while (Date.now() - stoppedAt < 3_000) await new Promise((resolve) => setTimeout(resolve, 100));
    await postgres!.start();
    restartedAt = Date.now();
    databaseUp = true;
  }

  await Promise.all([...Array.from({ length: IN_FLIGHT }, buyerLoop), restartDuringLoad()]);

  // Readable errors while it was down, and nothing of the internals.
  expect(failures.length).toBeGreaterThan(0);
  for (const failure of failures) {
    expect(failure.shown, `${failure.stage} answered ${failure.status}`).not.toMatch(INTERNALS);
    if (failure.stage === "checkout") expect(failure.shown).toBe("Something went wrong on our side. Nothing was changed; please try again.");
    else expect(failure.shown).toContain("Something went wrong");
  }
  // Recovered: every buyer paid, some of them after the restart.
  expect(buyers.filter((buyer) => !buyer.paid).map((buyer) => buyer.email)).toEqual([]);
  expect(paidAfterRestart).toBeGreaterThan(0);
  expect((await fetch(`${app}/api/health`)).status).toBe(200);

  // Every webhook the emulator sent during the outage was taken later and handled once.
  await expect
    .poll(async () => db.stripeEvent.count({ where: { status: { notIn: ["handled", "ignored"] } } }), { timeout: 60_000 })
    .toBe(0);
  const ids = buyers.map((buyer) => buyer.id);
  const paidOrders = await db.order.findMany({ where: { buyerId: { in: ids }, courseId: course.id, status: "paid" }, select: { id: true, buyerId: true } });
  expect(paidOrders).toHaveLength(BUYERS);
  expect(new Set(paidOrders.map((order) => order.buyerId)).size).toBe(BUYERS);
  expect(await db.enrolment.count({ where: { userId: { in: ids }, courseId: course.id } })).toBe(BUYERS);
  for (const order of paidOrders) {
    // The receipt to the buyer and the sale email to the seller, once each.
    expect(await db.outboxEmail.count({ where: { dedupeKey: { startsWith: `order:${order.id}:` } } })).toBe(2);
  }
  // At Stripe: one succeeded charge per buyer, whatever was retried.
  const customers = await db.user.findMany({ where: { id: { in: ids } }, select: { stripeCustomerId: true } });
  let succeeded = 0;
  for (const { stripeCustomerId } of customers) {
    expect(stripeCustomerId).not.toBeNull();
    const list = (await (
      await fetch(`${emulator}/v1/payment_intents?customer=${stripeCustomerId}&limit=100`, { headers: { authorization: "Bearer sk_test_emulator" } })
    ).json()) as { data: Array<{ status: string }> };
    const paid = list.data.filter((intent) => intent.status === "succeeded").length;
    expect(paid).toBe(1);
    succeeded += paid;
  }
  expect(succeeded).toBe(BUYERS);
  console.log(`PostgreSQL restart: ${failures.length} plain failures while it was down; ${paidAfterRestart} of ${BUYERS} purchases paid after it was back.`);
});

/** The text a person sees on a page, without the RSC payload and scripts. */
function visibleText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, " ")
    .replace(/<style[\s\S]*?<\/style>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}
