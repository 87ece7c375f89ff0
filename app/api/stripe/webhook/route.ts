import { env } from "@/lib/env";
import { eventHandlers } from "@/lib/payments/webhooks/handlers";
import { handleWebhookRequest } from "@/lib/payments/webhooks/webhook-endpoint";

export const dynamic = "force-dynamic";

/** Platform events from Stripe (or the emulator). Unsigned or wrongly signed requests do nothing. */
export function POST(request: Request): Promise<Response> {
  return handleWebhookRequest(request, env().stripe.webhookSecret, eventHandlers, "platform");
}
