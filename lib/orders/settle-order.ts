import { db } from "@/lib/db";
import { retrievePaymentIntent } from "@/lib/payments/course-payment-intents";
import { intentAccountOf } from "./charge-plan";
import { fulfilOrderFromIntent, recordPaymentProcessing } from "./fulfil-order";

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
    chargeType: true,
    stripeAccountId: true,
    course: { select: { slug: true, title: true } },
  } as const;
  let order = await db.order.findFirst({ where: { id: orderId, buyerId }, select });
  if (!order) return null;
  let intentStatus: string | null = null;
  if (order.status === "pending" && order.stripePaymentIntentId) {
    // A direct charge's intent is read on the seller's account, where it was made.
    const account = intentAccountOf(order);
    const intent = await retrievePaymentIntent(order.stripePaymentIntentId, account);
    intentStatus = intent.status;
    if (intent.status === "succeeded") {
      await fulfilOrderFromIntent(intent, account ?? null);
      order = await db.order.findFirstOrThrow({ where: { id: orderId, buyerId }, select });
    } else if (intent.status === "processing") {
      // The return page may come before the webhook: the order shows "Payment processing" at once.
      await recordPaymentProcessing(intent.id);
    }
  }
  const { stripePaymentIntentId: _intent, chargeType: _type, stripeAccountId: _account, ...rest } = order;
  return { ...rest, intentStatus };
}
