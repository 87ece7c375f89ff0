// Three app instances of one build on one PostgreSQL and one Redis, behind the load balancer
// (stack-setup.ts). What one process used to guarantee must hold across processes.
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { poolConfig } from "../../lib/postgres-pool";
import { fillCard } from "../e2e/support/payments";
import { DEMO, logIn } from "../e2e/support/session";

const stack = JSON.parse(process.env.MULTI_STACK ?? "{}") as {
  balancer: string;
  instances: string[];
  databaseUrl: string;
  mailUrl: string;
  emulatorUrl: string;
  pids: number[];
};
const pool = new pg.Pool(poolConfig(stack.databaseUrl ?? "postgresql://unset/unset", { max: 2 }));
test.afterAll(async () => {
  await pool.end();
});

async function sql<T = Record<string, unknown>>(text: string, values: unknown[] = []): Promise<T[]> {
  return (await pool.query(text, values)).rows as T[];
}

async function mailTo(address: string): Promise<Array<{ subject: string; to: string[] }>> {
  const res = await fetch(`${stack.mailUrl}/api/messages?to=${encodeURIComponent(address)}`);
  return ((await res.json()) as { data: Array<{ subject: string; to: string[] }> }).data;
}

test("a purchase on one instance, confirmed by a webhook that lands on another, is fulfilled once with one receipt", async ({ page }) => {
  const [first] = stack.instances;
  const [course] = await sql<{ id: string; slug: string; title: string; priceMinor: number }>(
    `SELECT c."id", c."slug", c."title", c."priceMinor" FROM "Course" c JOIN "User" u ON u."id" = c."sellerId"
     WHERE u."email" = 'seller@example.com' AND c."published" ORDER BY c."slug" LIMIT 1`,
  );
  await logIn(page, DEMO.buyer);
  await page.goto(`${first}/checkout/${course!.slug}`);
  await expect(page.getByRole("button", { name: /^Pay / })).toBeEnabled();
  await fillCard(page, "4242 4242 4242 4242");
  await page.getByRole("button", { name: /^Pay / }).click();
  await expect(page.getByTestId("payment-outcome")).toHaveText("Payment received");

  // The webhook went to the second instance only (stack-setup.ts): wait until it was handled there.
  await expect
    .poll(async () => (await sql(`SELECT 1 FROM "StripeEvent" WHERE "type" = 'payment_intent.succeeded' AND "status" = 'handled'`)).length, { timeout: 30_000 })
    .toBeGreaterThan(0);
  const orders = await sql<{ id: string; status: string }>(
    `SELECT o."id", o."status" FROM "Order" o JOIN "User" b ON b."id" = o."buyerId" WHERE b."email" = $1 AND o."courseId" = $2`,
    [DEMO.buyer.email, course!.id],
  );
  expect(orders.map((order) => order.status)).toEqual(["paid"]);
  const enrolments = await sql(`SELECT 1 FROM "Enrolment" e JOIN "User" b ON b."id" = e."userId" WHERE b."email" = $1 AND e."courseId" = $2`, [
    DEMO.buyer.email,
    course!.id,
  ]);
  expect(enrolments).toHaveLength(1);
  const receipt = `Your receipt for "${course!.title}"`;
  await expect.poll(async () => (await mailTo(DEMO.buyer.email)).filter((mail) => mail.subject === receipt).length, { timeout: 30_000 }).toBe(1);
  // Every instance has swept at least once more by now: still one.
  await expect.poll(async () => (await sql(`SELECT 1 FROM "OutboxEmail" WHERE "dedupeKey" LIKE $1 AND "status" = 'sent'`, [`order:${orders[0]!.id}:%`])).length).toBe(2);
  expect((await mailTo(DEMO.buyer.email)).filter((mail) => mail.subject === receipt)).toHaveLength(1);
});

test("a seller's edit on one instance is on another instance's catalogue within a second", async ({ page }) => {
  const [first, second] = stack.instances;
  // The newest course, on the catalogue's first page.
  const [course] = await sql<{ id: string; title: string }>(
    `SELECT c."id", c."title" FROM "Course" c JOIN "User" u ON u."id" = c."sellerId" WHERE u."email" = 'seller@example.com' AND c."published" ORDER BY c."publishedAt" DESC LIMIT 1`,
  );
  const title = `Shared cache ${randomUUID().slice(0, 8)}`;
  const catalogueOfSecond = async () => (await fetch(`${second}/courses`)).text();
  // The second instance has the catalogue cached (for 60 s unless its tag is expired) before the edit.
  const before = await catalogueOfSecond();
  expect(before).toContain(course!.title);
  expect(before).not.toContain(title);

  await logIn(page, DEMO.seller);
  await page.goto(`${first}/seller/courses/${course!.id}/edit`);
  await page.getByLabel("Title").fill(title);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  // A page requested on the second instance a second after the save must show the edit (each
  // render takes its own time on a loaded machine, so requests are judged by when they start).
  const saved = Date.now();
  for (;;) {
    const requestedAfterMs = Date.now() - saved;
    if ((await catalogueOfSecond()).includes(title)) break;
    expect(requestedAfterMs, "a catalogue requested this long after the save still showed the old title").toBeLessThan(1_000);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
});

test("300 queued emails are sent exactly once each while three instances sweep the outbox", async () => {
  // One SMTP connection per email, three senders on a shared 2-core machine: give it minutes.
  test.setTimeout(240_000);
  const run = randomUUID().slice(0, 8);
  const values: string[] = [];
  const params: unknown[] = [];
  for (let i = 0; i < 300; i++) {
    params.push(`bulk-${run}-${i}`, `bulk:${run}:${i}`, `bulk-${run}-${i % 30}@test.example`, `Bulk ${run} #${i}`);
    const n = params.length;
    values.push(`($${n - 3}, $${n - 2}, 'sale', $${n - 1}, $${n}, 'Hello', 'queued', 0, now(), now(), now())`);
  }
  await sql(
    `INSERT INTO "OutboxEmail" ("id", "dedupeKey", "kind", "toAddress", "subject", "textBody", "status", "attempts", "nextAttemptAt", "createdAt", "updatedAt") VALUES ${values.join(", ")}`,
    params,
  );
  // Each instance sweeps every 15 s on its own clock and claims 10 rows at a time (SKIP LOCKED).
  await expect
    .poll(async () => (await sql(`SELECT 1 FROM "OutboxEmail" WHERE "dedupeKey" LIKE $1 AND "status" <> 'sent'`, [`bulk:${run}:%`])).length, {
      timeout: 200_000,
    })
    .toBe(0);
  const attempts = await sql<{ attempts: number }>(`SELECT "attempts" FROM "OutboxEmail" WHERE "dedupeKey" LIKE $1`, [`bulk:${run}:%`]);
  expect(attempts.every((row) => row.attempts === 1)).toBe(true);
  const subjects: string[] = [];
  for (let i = 0; i < 30; i++) subjects.push(...(await mailTo(`bulk-${run}-${i}@test.example`)).map((mail) => mail.subject));
  expect(subjects).toHaveLength(300);
  expect(new Set(subjects).size).toBe(300);
});

// Last: the killed instance stays down for the rest of the run.
test("an instance killed mid-purchase loses nothing: another instance fulfils the payment, once", async ({ page }) => {
  test.setTimeout(180_000);
  const third = stack.instances[2]!;
  const [course] = await sql<{ id: string; slug: string; title: string }>(
    `SELECT c."id", c."slug", c."title" FROM "Course" c JOIN "User" u ON u."id" = c."sellerId"
     WHERE u."email" = 'seller@example.com' AND c."published" ORDER BY c."slug" DESC LIMIT 1`,
  );
  await logIn(page, DEMO.buyer);
  // The third instance serves the checkout: paying makes the pending order and its PaymentIntent there.
  await page.goto(`${third}/checkout/${course!.slug}`);
  await expect(page.getByRole("button", { name: /^Pay / })).toBeEnabled();
  await fillCard(page, "4242 4242 4242 4242");
  await page.getByRole("button", { name: /^Pay / }).click();
  const orderOfBuyer = async () =>
    (
      await sql<{ id: string; stripePaymentIntentId: string | null }>(
        `SELECT o."id", o."stripePaymentIntentId" FROM "Order" o JOIN "User" b ON b."id" = o."buyerId" WHERE b."email" = $1 AND o."courseId" = $2`,
        [DEMO.buyer.email, course!.id],
      )
    )[0];
  await expect.poll(async () => (await orderOfBuyer())?.stripePaymentIntentId ?? null, { intervals: [20] }).not.toBeNull();
  // It dies mid-purchase: its return page never runs, whatever the browser had sent.
  process.kill(stack.pids[2]!, "SIGKILL");
  await page.close();
  const order = (await orderOfBuyer())!;

  const emulator = async (method: string, path: string, key: string, form?: Record<string, string>) =>
    (await fetch(`${stack.emulatorUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${key}`, "content-type": "application/x-www-form-urlencoded" },
      body: form ? new URLSearchParams(form).toString() : undefined,
    })).json() as Promise<{ status: string; client_secret: string }>;
  // If the browser had not confirmed the card yet, the buyer does (as Stripe.js would on a retry).
  let confirmed = await emulator("GET", `/v1/payment_intents/${order.stripePaymentIntentId}`, "sk_test_emulator");
  if (confirmed.status !== "succeeded") {
    confirmed = await emulator("POST", `/v1/payment_intents/${order.stripePaymentIntentId}/confirm`, "pk_test_emulator", {
      client_secret: confirmed.client_secret,
      payment_method: "pm_card_visa",
    });
  }
  expect(confirmed.status).toBe("succeeded");

  await expect.poll(async () => (await sql<{ status: string }>(`SELECT "status" FROM "Order" WHERE "id" = $1`, [order.id]))[0]!.status, { timeout: 60_000 }).toBe("paid");
  const receipt = `Your receipt for "${course!.title}"`;
  await expect.poll(async () => (await mailTo(DEMO.buyer.email)).filter((mail) => mail.subject === receipt).length, { timeout: 60_000 }).toBe(1);
  expect(await sql(`SELECT 1 FROM "Enrolment" e JOIN "User" b ON b."id" = e."userId" WHERE b."email" = $1 AND e."courseId" = $2`, [DEMO.buyer.email, course!.id])).toHaveLength(1);
  // The balancer skips the dead instance.
  expect((await fetch(`${stack.balancer}/api/health`)).status).toBe(200);
});
