import { handleAccountDeauthorized } from "./account-deauthorized";
import { handleAccountUpdated } from "./account-updated";
import { handleChargeDisputeChanged } from "./charge-dispute-changed";
import { handleChargeRefunded } from "./charge-refunded";
import type { EventHandler } from "./handlers";
import { handlePaymentIntentCanceled } from "./payment-intent-canceled";
import { handlePaymentIntentPaymentFailed } from "./payment-intent-payment-failed";
import { handlePaymentIntentProcessing } from "./payment-intent-processing";
import { handlePaymentIntentSucceeded } from "./payment-intent-succeeded";
import { handleRefundChanged } from "./refund-changed";

/** Events of connected accounts (they carry `account`); every other type is stored and answered 2xx. */
export const connectEventHandlers: Partial<Record<string, EventHandler>> = {
  "account.updated": handleAccountUpdated,
  "account.application.deauthorized": handleAccountDeauthorized,
  // Direct charges live on the seller's account, so their intents' events come here.
  "payment_intent.succeeded": handlePaymentIntentSucceeded,
  "payment_intent.payment_failed": handlePaymentIntentPaymentFailed,
  "payment_intent.processing": handlePaymentIntentProcessing,
  "payment_intent.canceled": handlePaymentIntentCanceled,
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
