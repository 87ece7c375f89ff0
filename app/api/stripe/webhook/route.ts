import { env } from "@/lib/env";
import { stripe } from "@/lib/payments/stripe-client";
import { receiveEvent } from "@/lib/payments/webhooks/receive-event";

export const dynamic = "force-dynamic";

/** Platform events from Stripe (or the emulator). Unsigned or wrongly signed requests do nothing. */
export async function POST(request: Request): Promise<Response> {
  const secret = env().stripe.webhookSecret;
  if (!secret) {
    console.error("stripe webhook refused: STRIPE_WEBHOOK_SECRET is not configured");
    return Response.json({ error: "webhook endpoint not configured" }, { status: 503 });
  }
  const signature = request.headers.get("stripe-signature");
  if (!signature) return Response.json({ error: "missing signature" }, { status: 400 });

  const body = await request.text();
  let event;
  try {
    event = stripe().webhooks.constructEvent(body, signature, secret);
  } catch {
    return Response.json({ error: "bad signature" }, { status: 400 });
  }

  const outcome = await receiveEvent(event);
  if (outcome === "failed") return Response.json({ received: true, handled: false }, { status: 500 });
  return Response.json({ received: true, outcome });
}
