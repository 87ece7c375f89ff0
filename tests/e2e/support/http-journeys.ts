import { expect } from "@playwright/test";
import { randomUUID } from "node:crypto";
import Stripe from "stripe";
import { E2E_CONNECT_WEBHOOK_SECRET, E2E_EMULATOR_URL, E2E_WEBHOOK_SECRET } from "../../../playwright.config";
import { stripeApi, waitForWebhooks } from "./payments";
import type { PersonaSession } from "./personas";
import { builtServerActions, callServerAction, type ActionAnswer, type BuiltServerAction } from "./server-actions";

// Multi-step journeys the matrix and the bad-input suite use as fixtures, all over HTTP.

/** A server action of the build, by its export name. */
export function serverAction(exportName: string): BuiltServerAction {
  const found = builtServerActions().find((action) => action.exportName === exportName);
  if (!found) throw new Error(`no server action ${exportName} in the build`);
  return found;
}

/** The Stripe authorize page's "Connect" button, posted straight to the emulator: returns the callback URL. */
export async function approveOnEmulator(authorizeUrl: string): Promise<string> {
  const query = new URL(authorizeUrl).searchParams;
  const body = new URLSearchParams({
    client_id: query.get("client_id") ?? "",
    redirect_uri: query.get("redirect_uri") ?? "",
    scope: query.get("scope") ?? "read_write",
    state: query.get("state") ?? "",
    response_type: "code",
    account: "new",
    email: `matrix-${randomUUID().slice(0, 6)}@example.com`,
    business_name: "Matrix Seller",
    country: "US",
    decision: "connect",
  });
  const response = await fetch(`${E2E_EMULATOR_URL}/oauth/authorize/decision`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body,
    redirect: "manual",
  });
  const location = response.headers.get("location");
  expect(location, "the emulator sends the seller back with a code").toContain("code=");
  return location!;
}

/** A seller's whole OAuth connection: the action, the emulator's approval, the callback. */
export async function connectSeller(seller: PersonaSession): Promise<void> {
  const answer = await callServerAction(seller.request, serverAction("connectWithOAuthAction"), {});
  const callback = new URL(await approveOnEmulator(answer.redirect!));
  const response = await seller.request.get(`${callback.pathname}${callback.search}`, { maxRedirects: 0 });
  expect(response.headers()["location"]).toContain("connect=connected");
}

const intentOf = (clientSecret: string) => clientSecret.split("_secret_")[0];

/** Starts checkout for a course and pays it with a test card through the API. */
export async function buyCourse(buyer: PersonaSession, course: { id: string; priceMinor: number }): Promise<void> {
  const answer = await callServerAction(
    buyer.request,
    serverAction("startCheckout"),
    { courseId: course.id, expectedAmountMinor: String(course.priceMinor), expectedCurrency: "usd", expectedChargeType: "destination" },
    "state-and-form",
  );
  const clientSecret = answer.result?.clientSecret as string | undefined;
  expect(clientSecret, JSON.stringify(answer.result)).toBeTruthy();
  await stripeApi("POST", `/v1/payment_intents/${intentOf(clientSecret!)}/confirm`, { payment_method: "pm_card_visa" });
  await waitForWebhooks();
}

/** Joins the membership and pays the first invoice through the API. */
export async function becomeMember(member: PersonaSession): Promise<void> {
  const answer = await callServerAction(member.request, serverAction("startMembership"), {}, "state-and-form");
  const clientSecret = answer.result?.clientSecret as string | undefined;
  expect(clientSecret, JSON.stringify(answer.result)).toBeTruthy();
  await stripeApi("POST", `/v1/payment_intents/${intentOf(clientSecret!)}/confirm`, { payment_method: "pm_card_visa" });
  await waitForWebhooks();
}

/** A new card for renewals, confirmed through the API the way the Payment Element would. */
export async function confirmedSetupIntent(member: PersonaSession): Promise<string> {
  const answer: ActionAnswer = await callServerAction(member.request, serverAction("startCardChange"), {}, "state-and-form");
  const clientSecret = answer.result?.clientSecret as string | undefined;
  expect(clientSecret, JSON.stringify(answer.result)).toBeTruthy();
  const setupIntentId = intentOf(clientSecret!);
  await stripeApi("POST", `/v1/setup_intents/${setupIntentId}/confirm`, { payment_method: "pm_card_visa" });
  return setupIntentId;
}

export type WebhookEndpoint = "/api/stripe/webhook" | "/api/stripe/connect-webhook";

/** An event of a type the app does not handle, signed like the emulator signs them. */
export function signedEvent(endpoint: WebhookEndpoint, eventId = `evt_matrix_${randomUUID().replace(/-/g, "")}`) {
  const payload = JSON.stringify({
    id: eventId,
    object: "event",
    type: "product.created",
    api_version: "2025-01-27.acacia",
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    ...(endpoint === "/api/stripe/connect-webhook" ? { account: "acct_matrix" } : {}),
    data: { object: { id: `prod_${eventId.slice(4)}`, object: "product" } },
  });
  const secret = endpoint === "/api/stripe/webhook" ? E2E_WEBHOOK_SECRET : E2E_CONNECT_WEBHOOK_SECRET;
  const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret });
  return { eventId, payload, signature };
}
