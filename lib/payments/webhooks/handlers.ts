import type Stripe from "stripe";
import { handleChargeDisputeChanged } from "./charge-dispute-changed";
import { handleChargeRefunded } from "./charge-refunded";
import { handleCustomerSubscriptionCreated } from "./customer-subscription-created";
import { handleCustomerSubscriptionDeleted } from "./customer-subscription-deleted";
import { handleCustomerSubscriptionUpdated } from "./customer-subscription-updated";
import { handleInvoicePaid } from "./invoice-paid";
import { handleInvoicePaymentFailed } from "./invoice-payment-failed";
import { handlePaymentIntentCanceled } from "./payment-intent-canceled";
import { handlePaymentIntentPaymentFailed } from "./payment-intent-payment-failed";
import { handlePaymentIntentProcessing } from "./payment-intent-processing";
import { handlePaymentIntentSucceeded } from "./payment-intent-succeeded";
import { handleRefundChanged } from "./refund-changed";

export type EventHandler = (event: Stripe.Event) => Promise<void>;

/** The platform events we act on; every other type is stored and answered 2xx. */
export const eventHandlers: Partial<Record<string, EventHandler>> = {
  "payment_intent.succeeded": handlePaymentIntentSucceeded,
  "payment_intent.payment_failed": handlePaymentIntentPaymentFailed,
  "payment_intent.processing": handlePaymentIntentProcessing,
  "payment_intent.canceled": handlePaymentIntentCanceled,
  "invoice.paid": handleInvoicePaid,
  "invoice.payment_failed": handleInvoicePaymentFailed,
  "customer.subscription.created": handleCustomerSubscriptionCreated,
  "customer.subscription.updated": handleCustomerSubscriptionUpdated,
  "customer.subscription.deleted": handleCustomerSubscriptionDeleted,
  "charge.refunded": handleChargeRefunded,
  "refund.created": handleRefundChanged,
  "refund.updated": handleRefundChanged,
  // A destination charge's dispute is the platform's; a direct charge's comes on the Connect endpoint.
  "charge.dispute.created": handleChargeDisputeChanged,
  "charge.dispute.updated": handleChargeDisputeChanged,
  "charge.dispute.closed": handleChargeDisputeChanged,
  // The money a chargeback takes and gives back (the seller's ledger reads it from the dispute).
  "charge.dispute.funds_withdrawn": handleChargeDisputeChanged,
  "charge.dispute.funds_reinstated": handleChargeDisputeChanged,
};
