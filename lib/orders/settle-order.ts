import { db } from "@/lib/db";
import { retrievePaymentIntent } from "@/lib/payments/course-payment-intents";
import { fulfilOrderFromIntent } from "./fulfil-order";

export interface SettledOrder {
  id: string;
  status: string;
  amountMinor: number;
  currency: string;
  course: { slug: string; title: string };
  /** Stripe's view of the payment when the order is still pending. */
  intentStatus: string | null;
  lastPaymentError: string | null;
}

/**
 * The return page's half of "whichever comes first": re-reads the buyer's intent from Stripe and
 * fulfils the order if it succeeded, so access does not wait for the webhook.
 */
export async function settleOrder(buyerId: string, orderId: string): Promise<SettledOrder | null> {
  const select = {
    id: true,
    status: true,
    amountMinor: true,
    currency: true,
    stripePaymentIntentId: true,
    lastPaymentError: true,
    course: { select: { slug: true, title: true } },
  } as const;
  let order = await db.order.findFirst({ where: { id: orderId, buyerId }, select });
  if (!order) return null;
  let intentStatus: string | null = null;
  if (order.status === "pending" && order.stripePaymentIntentId) {
    const intent = await retrievePaymentIntent(order.stripePaymentIntentId);
    intentStatus = intent.status;
    if (intent.status === "succeeded") {
      await fulfilOrderFromIntent(intent);
      order = await db.order.findFirstOrThrow({ where: { id: orderId, buyerId }, select });
    }
  }
  const { stripePaymentIntentId: _intent, ...rest } = order;
  return { ...rest, intentStatus };
}
