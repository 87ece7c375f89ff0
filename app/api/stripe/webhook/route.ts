import { env } from "@/lib/env";
import { platformEventHandlers } from "@/lib/stripe-events/event-table";
import { handleWebhookRequest } from "@/lib/stripe-events/webhook-endpoint";

export const dynamic = "force-dynamic";

/** Platform events from Stripe (or the emulator). Unsigned or wrongly signed requests do nothing. */
export function POST(request: Request): Promise<Response> {
  return handleWebhookRequest(request, env().stripe.webhookSecret, platformEventHandlers, "platform");
}
