// The app stops between a successful payment and its fulfilment: the production build and the
// Stripe emulator run as separate processes; the app is stopped, the buyer's card is charged
// (so the webhook finds nobody), the app starts again and Stripe's webhook retry fulfils the
// order, exactly once. Slow (a production build and two server starts): part of
// `npm run test:faults`, not of `npm test`.
import "../integration/support/test-database";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildIfNeeded, nextCli } from "../../scripts/build-if-needed";
import { startEmulatorProcess, type EmulatorProcess } from "../../scripts/emulator-process";
import { TEST_DATABASE_FILE } from "../integration/support/test-database";
import { makeCourse, makeUser } from "../integration/support/factories";

const APP_PORT = Number(process.env.FAULT_APP_PORT ?? 3131);
const EMULATOR_PORT = Number(process.env.FAULT_EMULATOR_PORT ?? 12231);
const APP_URL = `http://127.0.0.1:${APP_PORT}`;
// Stripe waits minutes to hours between retries; the emulator's schedule is shortened to seconds.
const RETRY_DELAYS_MS = "1000,2000,3000,5000,8000,13000";

let emulator: EmulatorProcess;
let app: ChildProcess | undefined;

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${what} within ${timeoutMs / 1000} s`);
}

async function startApp(): Promise<ChildProcess> {
  const child = spawn(nextCli, ["start", "-p", String(APP_PORT), "-H", "127.0.0.1"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      ...emulator.appEnv,
      NODE_ENV: "production",
      PORT: String(APP_PORT),
      APP_URL,
      DATABASE_URL: `file:${TEST_DATABASE_FILE}`,
      DATA_DIR: path.resolve("tests/.tmp/restart-data"),
      // next start runs in production mode, where the app requires a set secret.
      AUTH_SECRET: "restart-test-only-secret-that-is-long-enough-0123",
    },
  });
  await waitFor("the app did not answer", async () => ((await fetch(`${APP_URL}/api/health`)).ok ? true : undefined), 60_000);
  return child;
}

async function stopApp(): Promise<void> {
  const child = app;
  app = undefined;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGKILL");
  await exited;
}

async function emulatorCall(method: string, urlPath: string, form?: Record<string, string>, key = "sk_test_emulator", account?: string) {
  const response = await fetch(`${emulator.appEnv.STRIPE_API_URL}${urlPath}`, {
    method,
    headers: { authorization: `Bearer ${key}`, "content-type": "application/x-www-form-urlencoded", ...(account ? { "stripe-account": account } : {}) },
    body: form ? new URLSearchParams(form).toString() : undefined,
  });
  return { status: response.status, body: await response.json() };
}

beforeAll(async () => {
  buildIfNeeded();
  mkdirSync("tests/.tmp/restart-data", { recursive: true });
  process.env.STRIPE_EMULATOR_WEBHOOK_RETRY_DELAYS_MS = RETRY_DELAYS_MS;
  emulator = await startEmulatorProcess({ port: EMULATOR_PORT, appUrl: APP_URL });
  // This process creates the purchase with the same lib/ code the app's server action runs.
  Object.assign(process.env, emulator.appEnv);
  app = await startApp();
}, 600_000);

afterAll(async () => {
  await stopApp();
  if (emulator && emulator.child.exitCode === null) {
    const exited = new Promise((resolve) => emulator.child.once("exit", resolve));
    emulator.child.kill("SIGTERM");
    await exited;
  }
});

describe("the app stops between payment and fulfilment", () => {
  it("after a restart the webhook retry fulfils the order exactly once", async () => {
    const { db } = await import("@/lib/db");
    const { startCoursePurchase } = await import("@/lib/orders/start-purchase");

    const seller = await makeUser("seller");
    const account = await emulatorCall("POST", "/v1/accounts", { type: "express", country: "US", email: seller.email });
    const link = await emulatorCall("POST", "/v1/account_links", {
      account: account.body.id,
      type: "account_onboarding",
      refresh_url: `${APP_URL}/seller`,
      return_url: `${APP_URL}/seller`,
    });
    await fetch(link.body.url, { method: "POST", body: new URLSearchParams({ decision: "submit" }), redirect: "manual" });
    await db.sellerAccount.create({
      data: { userId: seller.id, stripeAccountId: account.body.id, connectedVia: "account_link", chargesEnabled: true, payoutsEnabled: true, detailsSubmitted: true },
    });
    const buyer = await makeUser("buyer");
    const course = await makeCourse(seller.id, { priceMinor: 4200 });
    const started = await startCoursePurchase(buyer.id, { courseId: course.id, expectedAmountMinor: 4200, expectedCurrency: "usd", expectedChargeType: "destination" });
    if (!started.ok) throw new Error(started.message);
    const intentId = started.clientSecret.split("_secret_")[0];

    // The app goes down; then the buyer's card is charged: the webhook finds nobody listening.
    await stopApp();
    const confirmed = await emulatorCall("POST", `/v1/payment_intents/${intentId}/confirm`, { client_secret: started.clientSecret, payment_method: "pm_card_visa" }, "pk_test_emulator");
    expect(confirmed.body.status).toBe("succeeded");
    const missed = await waitFor(
      "the first delivery did not fail",
      async () => {
        const deliveries = (await emulatorCall("GET", "/_emulator/webhook_deliveries?event_type=payment_intent.succeeded")).body.data as Array<{
          event_id?: string;
          attempts: Array<{ status?: number | null; error?: string | null }>;
        }>;
        return deliveries.find((delivery) => delivery.attempts.length > 0) ? deliveries : undefined;
      },
      10_000,
    );
    expect(missed).toHaveLength(1);
    expect(missed[0].attempts.every((attempt) => !attempt.status || attempt.status >= 400)).toBe(true);
    expect((await db.order.findUniqueOrThrow({ where: { id: started.orderId } })).status).toBe("pending");

    // Back up: nobody visits the return page, only Stripe's retry can fulfil the order.
    app = await startApp();
    const paid = await waitFor(
      "the webhook retry did not fulfil the order",
      async () => {
        const order = await db.order.findUniqueOrThrow({ where: { id: started.orderId } });
        return order.status === "paid" ? order : undefined;
      },
      60_000,
    );
    expect(paid.stripePaymentIntentId).toBe(intentId);
    expect(await db.enrolment.count({ where: { userId: buyer.id, courseId: course.id } })).toBe(1);

    const delivered = (await emulatorCall("GET", "/_emulator/webhook_deliveries?event_type=payment_intent.succeeded")).body.data as Array<{
      attempts: Array<{ status?: number | null }>;
    }>;
    const attempts = delivered[0].attempts;
    expect(attempts.length).toBeGreaterThan(1);
    expect(attempts.at(-1)?.status).toBe(200);
    const events = await db.stripeEvent.findMany({ where: { type: "payment_intent.succeeded" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ status: "handled", attempts: 1 });
    const charges = await emulatorCall("GET", `/v1/charges?payment_intent=${intentId}`);
    expect((charges.body.data as Array<{ status: string }>).filter((charge) => charge.status === "succeeded")).toHaveLength(1);
  }, 180_000);
});
