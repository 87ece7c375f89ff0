// What every fault flow is made of: a world prepared without faults, a person acting with
// retries (every Stripe call in there is a fault target), and invariants checked afterwards.
import { expect } from "vitest";
import { db } from "@/lib/db";
import { makeUser } from "../../integration/support/factories";
import { TEST_PUBLISHABLE_KEY, type TestStripe } from "../../integration/support/stripe-emulator";

export interface FaultFlow {
  name: string;
  /** The world before the person acts, made without faults. */
  prepare(): Promise<unknown>;
  /** What the person does, retrying as a person would; every Stripe call here is a fault target. */
  act(world: unknown): Promise<void>;
  /** Invariants read from the emulator and the database once webhooks have settled. */
  check(world: unknown): Promise<void>;
}

export function defineFlow<W>(definition: {
  name: string;
  prepare(): Promise<W>;
  act(world: W): Promise<void>;
  check(world: W): Promise<void>;
}): FaultFlow {
  return definition as FaultFlow;
}

export type User = Awaited<ReturnType<typeof makeUser>>;
export type Answer = { status: number; body: any };

/** The emulator as the checks and the person's browser see it. */
export interface FlowKit {
  stripe: TestStripe;
  /** A read with the platform's secret key (on a connected account when given). */
  read(path: string, account?: string): Promise<Answer>;
  /** Stripe.js confirming an intent in the browser; a hung request is abandoned as a browser would. */
  confirmInBrowser(kind: "payment_intents" | "setup_intents", clientSecret: string, options?: { account?: string; card?: string }): Promise<Answer>;
  anAdmin(): Promise<User>;
}

export function flowKit(stripe: TestStripe): FlowKit {
  let admin: User | undefined;
  return {
    stripe,
    async read(path, account) {
      const response = await fetch(`${stripe.emulator.url}${path}`, {
        headers: { authorization: "Bearer sk_test_emulator", ...(account ? { "stripe-account": account } : {}) },
      });
      return { status: response.status, body: await response.json() };
    },
    async confirmInBrowser(kind, clientSecret, { account, card = "pm_card_visa" } = {}) {
      const id = clientSecret.split("_secret_")[0];
      const response = await fetch(`${stripe.emulator.url}/v1/${kind}/${id}/confirm`, {
        method: "POST",
        headers: {
          authorization: `Bearer ${TEST_PUBLISHABLE_KEY}`,
          "content-type": "application/x-www-form-urlencoded",
          ...(account ? { "stripe-account": account } : {}),
        },
        body: new URLSearchParams({ client_secret: clientSecret, payment_method: card }),
        signal: AbortSignal.timeout(2_000),
      });
      return { status: response.status, body: await response.json() };
    },
    anAdmin: async () => (admin ??= await makeUser("admin")),
  };
}

/** Webhooks that failed and were never handled by a later delivery would leave Stripe and us apart. */
export async function checkNoEventLeftFailed(since: Date): Promise<void> {
  const failed = await db.stripeEvent.findMany({ where: { status: "failed", receivedAt: { gte: since } }, select: { id: true, type: true, error: true } });
  expect(failed, "every webhook eventually handled").toEqual([]);
}
