import type Stripe from "stripe";
import { handleAccountDeauthorized } from "./handlers/account-deauthorized";
import { handleAccountUpdated } from "./handlers/account-updated";
import { handleChargeDisputeChanged } from "./handlers/charge-dispute-changed";
import { handleChargeRefunded } from "./handlers/charge-refunded";
import { handleCustomerSubscriptionChanged } from "./handlers/customer-subscription-changed";
import { handleInvoicePaid } from "./handlers/invoice-paid";
import { handleInvoicePaymentFailed } from "./handlers/invoice-payment-failed";
import { handlePaymentIntentCanceled } from "./handlers/payment-intent-canceled";
import { handlePaymentIntentPaymentFailed } from "./handlers/payment-intent-payment-failed";
import { handlePaymentIntentProcessing } from "./handlers/payment-intent-processing";
import { handlePaymentIntentSucceeded } from "./handlers/payment-intent-succeeded";
import { handleRefundChanged } from "./handlers/refund-changed";

/** The platform's own endpoint, or the Connect endpoint that receives connected accounts' events. */
export type Endpoint = "platform" | "connect";

export type EventOfType<T extends Stripe.Event.Type> = Extract<Stripe.Event, { type: T }>;
export type EventHandler<T extends Stripe.Event.Type> = (event: EventOfType<T>) => Promise<void>;
export type HandlerMap = { [T in Stripe.Event.Type]?: EventHandler<T> };

type EventTable = { [T in Stripe.Event.Type]?: { handle: EventHandler<T>; endpoints: readonly Endpoint[] } };

const BOTH = ["platform", "connect"] as const;

/**
 * Every event we act on, with the endpoints it arrives on; every other type is stored and
 * answered 2xx. Direct charges live on the seller's account, so their intents', refunds' and
 * disputes' events come on the Connect endpoint; destination charges' on the platform's.
 */
const EVENT_TABLE: EventTable = {
  "payment_intent.succeeded": { handle: handlePaymentIntentSucceeded, endpoints: BOTH },
  "payment_intent.payment_failed": { handle: handlePaymentIntentPaymentFailed, endpoints: BOTH },
  "payment_intent.processing": { handle: handlePaymentIntentProcessing, endpoints: BOTH },
  "payment_intent.canceled": { handle: handlePaymentIntentCanceled, endpoints: BOTH },
  "charge.refunded": { handle: handleChargeRefunded, endpoints: BOTH },
  "refund.created": { handle: handleRefundChanged, endpoints: BOTH },
  "refund.updated": { handle: handleRefundChanged, endpoints: BOTH },
  "charge.dispute.created": { handle: handleChargeDisputeChanged, endpoints: BOTH },
  "charge.dispute.updated": { handle: handleChargeDisputeChanged, endpoints: BOTH },
  "charge.dispute.closed": { handle: handleChargeDisputeChanged, endpoints: BOTH },
  // The money a chargeback takes and gives back (the seller's ledger reads it from the dispute).
  "charge.dispute.funds_withdrawn": { handle: handleChargeDisputeChanged, endpoints: BOTH },
  "charge.dispute.funds_reinstated": { handle: handleChargeDisputeChanged, endpoints: BOTH },
  // The membership is the platform's product.
  "invoice.paid": { handle: handleInvoicePaid, endpoints: ["platform"] },
  "invoice.payment_failed": { handle: handleInvoicePaymentFailed, endpoints: ["platform"] },
  "customer.subscription.created": { handle: handleCustomerSubscriptionChanged, endpoints: ["platform"] },
  "customer.subscription.updated": { handle: handleCustomerSubscriptionChanged, endpoints: ["platform"] },
  "customer.subscription.deleted": { handle: handleCustomerSubscriptionChanged, endpoints: ["platform"] },
  // Sellers' accounts.
  "account.updated": { handle: handleAccountUpdated, endpoints: ["connect"] },
  "account.application.deauthorized": { handle: handleAccountDeauthorized, endpoints: ["connect"] },
};

function handlersOf(endpoint: Endpoint): HandlerMap {
  const map: Record<string, unknown> = {};
  for (const [type, row] of Object.entries(EVENT_TABLE)) {
    if (row.endpoints.includes(endpoint)) map[type] = row.handle;
  }
  return map as HandlerMap;
}

export const platformEventHandlers = handlersOf("platform");
export const connectEventHandlers = handlersOf("connect");

/** The handler for this event in the map, called with the event its type promises. */
export function handlerFor(handlers: HandlerMap, event: Stripe.Event): ((event: Stripe.Event) => Promise<void>) | undefined {
  // The map's key is the event's type, so the handler's parameter type is this event's.
  return handlers[event.type] as ((event: Stripe.Event) => Promise<void>) | undefined;
}
