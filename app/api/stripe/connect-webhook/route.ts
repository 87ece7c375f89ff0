import type Stripe from "stripe";
import { expireCatalogueFromRoute } from "@/app/(shop)/catalogue-cache";
import { env } from "@/lib/env";
import { connectEventHandlers } from "@/lib/payments/webhooks/connect-handlers";
import { handleWebhookRequest } from "@/lib/payments/webhooks/webhook-endpoint";

export const dynamic = "force-dynamic";

// A seller's account losing access (revoked, or found revoked on a re-read) unpublishes their courses.
const CATALOGUE_EVENTS = new Set(["account.updated", "account.application.deauthorized"]);

function expireCatalogueAfter(event: Stripe.Event): void {
  if (CATALOGUE_EVENTS.has(event.type)) expireCatalogueFromRoute();
}

/** Connected-account events, signed with the Connect endpoint's own secret. */
export function POST(request: Request): Promise<Response> {
  return handleWebhookRequest(request, env().stripe.connectWebhookSecret, connectEventHandlers, "Connect", expireCatalogueAfter);
}
