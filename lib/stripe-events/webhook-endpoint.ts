import type Stripe from "stripe";
import { BodyTooLarge, readBodyWithin } from "@/lib/security/body-limit";
import { verifiedEvent } from "@/lib/payments/webhook-signature";
import type { HandlerMap } from "./event-table";
import { receiveEvent } from "./receive-event";

/**
 * One webhook endpoint: the raw body is verified with the endpoint's own signing secret, then
 * stored once and handled. 413 for a body over the limit, 400 only for a bad signature, 500 only when handling failed (so
 * Stripe retries), 2xx for everything else including types we do not handle and events refused
 * for good (recorded as failed on the event row: retrying them would change nothing).
 */
export async function handleWebhookRequest(
  request: Request,
  secret: string | undefined,
  handlers: HandlerMap,
  endpointName: string,
): Promise<Response> {
  if (!secret) {
    console.error(`stripe ${endpointName} webhook refused: its signing secret is not configured`);
    return Response.json({ error: "webhook endpoint not configured" }, { status: 503 });
  }
  const signature = request.headers.get("stripe-signature");
  if (!signature) return Response.json({ error: "missing signature" }, { status: 400 });

  // Stripe's events are a few kilobytes: anything over the limit is refused before it is read
  // whole, and before the signature is checked, so a large body costs no memory or hashing.
  let body: string;
  try {
    body = Buffer.from(await readBodyWithin(request)).toString("utf8");
  } catch (error) {
    if (error instanceof BodyTooLarge) return Response.json({ error: "body too large" }, { status: 413 });
    throw error;
  }
  let event: Stripe.Event;
  try {
    event = verifiedEvent(body, signature, secret);
  } catch {
    return Response.json({ error: "bad signature" }, { status: 400 });
  }

  const outcome = await receiveEvent(event, handlers);
  if (outcome === "failed") return Response.json({ received: true, handled: false }, { status: 500 });
  return Response.json({ received: true, outcome });
}
