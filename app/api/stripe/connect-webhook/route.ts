import { env } from "@/lib/env";
import { connectEventHandlers } from "@/lib/stripe-events/event-table";
import { handleWebhookRequest } from "@/lib/stripe-events/webhook-endpoint";

export const dynamic = "force-dynamic";

/** Connected-account events, signed with the Connect endpoint's own secret. */
export function POST(request: Request): Promise<Response> {
  return handleWebhookRequest(request, env().stripe.connectWebhookSecret, connectEventHandlers, "Connect");
}
