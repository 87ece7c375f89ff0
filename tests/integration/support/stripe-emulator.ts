// An in-process Stripe emulator for integration tests of lib/, with its webhooks delivered to the
// app's real webhook route handler. The app code still reaches the emulator only over HTTP: env()
// is pointed at it before anything reads the configuration.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { startEmulator, type RunningEmulator } from "../../../stripe-emulator/src/index";

export const TEST_WEBHOOK_SECRET = "whsec_integration_tests_only";
export const TEST_PUBLISHABLE_KEY = "pk_test_emulator";

export interface TestStripe {
  emulator: RunningEmulator;
  /** Statuses the webhook route answered, in order. */
  webhookStatuses: number[];
  /** Lets the emulator finish delivering webhooks. */
  settle(): Promise<void>;
  /** A call to the emulator with `key` (the platform's secret key by default), on a connected `account` if given. */
  call(method: string, path: string, form?: Record<string, string>, key?: string, account?: string): Promise<{ status: number; body: any }>;
  /** GET with the platform's secret key (on a connected `account` if given); fails the test unless it answers 200. */
  read(path: string, account?: string): Promise<any>;
  close(): Promise<void>;
}

export async function startTestStripe(options: { deliverWebhooks?: boolean; webhookRetryDelaysMs?: number[] } = {}): Promise<TestStripe> {
  const { POST } = await import("@/app/api/stripe/webhook/route");
  const webhookStatuses: number[] = [];
  const receiver: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const response = await POST(
      new Request("http://app.test/api/stripe/webhook", {
        method: "POST",
        headers: { "stripe-signature": String(req.headers["stripe-signature"] ?? ""), "content-type": "application/json" },
        body: Buffer.concat(chunks).toString("utf8"),
      }),
    );
    webhookStatuses.push(response.status);
    res.writeHead(response.status, { "content-type": "application/json" }).end(await response.text());
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`;

  const emulator = await startEmulator({
    port: 0,
    webhookEndpoints: options.deliverWebhooks === false ? [] : [{ url: receiverUrl, secret: TEST_WEBHOOK_SECRET }],
    webhookRetryDelaysMs: options.webhookRetryDelaysMs ?? [50, 100],
    webhookTimeoutMs: 5_000,
  });
  process.env.STRIPE_API_URL = emulator.url;
  process.env.STRIPE_WEBHOOK_SECRET = TEST_WEBHOOK_SECRET;
  delete process.env.STRIPE_SECRET_KEY;

  const testStripe: TestStripe = {
    emulator,
    webhookStatuses,
    settle: () => emulator.webhooksIdle(),
    async call(method, path, form, key = "sk_test_emulator", account) {
      const res = await fetch(`${emulator.url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${key}`,
          "content-type": "application/x-www-form-urlencoded",
          ...(account ? { "stripe-account": account } : {}),
        },
        body: form ? new URLSearchParams(form).toString() : undefined,
      });
      return { status: res.status, body: await res.json() };
    },
    async read(path, account) {
      const answer = await testStripe.call("GET", path, undefined, undefined, account);
      if (answer.status !== 200) throw new Error(`GET ${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
      return answer.body;
    },
    async close() {
      await emulator.close();
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    },
  };
  return testStripe;
}

/** What Stripe.js does with the client secret: confirm the intent (on the seller's `account` for a direct charge). */
export async function confirmInBrowser(stripe: TestStripe, clientSecret: string, paymentMethod = "pm_card_visa", account?: string) {
  const id = clientSecret.split("_secret_")[0];
  return stripe.call("POST", `/v1/payment_intents/${id}/confirm`, { client_secret: clientSecret, payment_method: paymentMethod }, TEST_PUBLISHABLE_KEY, account);
}

/**
 * Gives the seller an onboarded connected account on the emulator (its hosted onboarding, as a
 * person would submit it) and links it, so their courses can be bought.
 */
export async function connectSeller(stripe: TestStripe, sellerId: string): Promise<string> {
  const { db } = await import("@/lib/db");
  const account = await stripe.call("POST", "/v1/accounts", { type: "express", country: "US", email: `${sellerId}@test.example` });
  const link = await stripe.call("POST", "/v1/account_links", {
    account: account.body.id,
    type: "account_onboarding",
    refresh_url: "http://app.test/refresh",
    return_url: "http://app.test/return",
  });
  const submitted = await fetch(link.body.url, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ decision: "submit", business_name: "Test seller", email: `${sellerId}@test.example` }),
    redirect: "manual",
  });
  if (submitted.status >= 400) throw new Error(`onboarding answered ${submitted.status}`);
  const data = { stripeAccountId: account.body.id as string, connectedVia: "account_link", chargesEnabled: true, payoutsEnabled: true, detailsSubmitted: true };
  await db.sellerAccount.upsert({ where: { userId: sellerId }, create: { userId: sellerId, ...data }, update: { ...data, disconnectedAt: null } });
  return account.body.id;
}
