// The PaymentIntent status machine: confirmation, 3-D Secure, declines, success, capture, cancel.
import type { Emulator } from "../core/emulator.js";
import { ApiError, docUrl } from "../http/errors.js";
import { render } from "../http/expand.js";
import type { StripeObject } from "../store/store.js";
import { emitEvent, updateAndEmit } from "../webhooks/events.js";
import { addBalanceTransaction, stripeFee } from "./balance.js";
import { startBankDebit } from "./bank_debits.js";
import { intentHidden, type IntentHidden } from "./intent_state.js";
import { pmHidden } from "./cards.js";
import { newCharge } from "./charges.js";
import { openDispute } from "./disputes.js";
import { settleConnect } from "./connect_flows.js";
import { threeDSecureNextAction } from "./next_action.js";
import { DECLINES, type Decline } from "./test_cards.js";


export interface ConfirmOptions {
  offSession: boolean;
  returnUrl?: string | null;
}

/**
 * Runs a confirmation attempt for a PaymentIntent whose payment_method is set.
 * Returns a 402 ApiError to throw when the card was declined (the intent is already updated).
 */
export function attemptPayment(emu: Emulator, pi: StripeObject, opts: ConfirmOptions): ApiError | null {
  const account = emu.store.accountOf(pi.id);
  const hidden = intentHidden(emu, pi);
  hidden.offSession = opts.offSession;
  hidden.returnUrl = opts.returnUrl ?? hidden.returnUrl ?? null;
  hidden.authenticated = false;
  const pm = emu.store.get(pi.payment_method);
  if (!pm) throw new Error(`payment method ${pi.payment_method} missing`);
  if (pm.type === "us_bank_account") {
    startBankDebit(emu, pi);
    return null;
  }
  const card = pmHidden(emu, pm);
  const b = card.behaviour;
  const needsAuth = b.threeDS === "always" || (b.threeDS === "on_session" && !(opts.offSession && card.setUpForOffSession));
  if (needsAuth) {
    if (opts.offSession) return failPayment(emu, pi, DECLINES.authentication_required);
    updateAndEmit(emu, pi, "payment_intent.requires_action", (o) => {
      o.status = "requires_action";
      o.next_action = threeDSecureNextAction(emu, o, hidden.returnUrl);
      o.last_payment_error = null;
    });
    emu.intentSettled(pi, "requires_action");
    return null;
  }
  return completeAfterAuthentication(emu, pi, account, false);
}

function completeAfterAuthentication(emu: Emulator, pi: StripeObject, account: string | null, threeDS: boolean): ApiError | null {
  const pm = emu.store.get(pi.payment_method)!;
  const card = pmHidden(emu, pm);
  if (card.behaviour.chargeDecline) return failPayment(emu, pi, card.behaviour.chargeDecline, threeDS);
  succeedPayment(emu, pi, account, threeDS);
  return null;
}

function cardErrorBody(emu: Emulator, decline: Decline, charge: StripeObject | null, pm: StripeObject): StripeObject {
  const body: StripeObject = {
    type: "card_error",
    code: decline.code,
    doc_url: docUrl(decline.code),
    message: decline.message,
    payment_method: render(emu, pm),
  };
  if (decline.decline_code) body.decline_code = decline.decline_code;
  if (charge) body.charge = charge.id;
  return body;
}

export function failPayment(emu: Emulator, pi: StripeObject, decline: Decline, threeDS = false): ApiError {
  const account = emu.store.accountOf(pi.id);
  const pm = emu.store.get(pi.payment_method)!;
  const charge = newCharge(emu, account, {
    amount: pi.amount,
    currency: pi.currency,
    customer: pi.customer,
    paymentIntent: pi,
    pm,
    captured: false,
    decline,
    threeDSecure: threeDS,
  });
  const lastError = cardErrorBody(emu, decline, charge, pm);
  emitEvent(emu, "charge.failed", account, charge);
  const pmUsedOnce = pmHidden(emu, pm);
  if (!pm.customer) pmUsedOnce.consumed = true;
  updateAndEmit(emu, pi, "payment_intent.payment_failed", (o) => {
    o.status = "requires_payment_method";
    o.last_payment_error = lastError;
    o.latest_charge = charge.id;
    o.next_action = null;
    o.payment_method = null;
  });
  emu.intentSettled(pi, "failed");
  return new ApiError(402, { ...lastError, payment_intent: render(emu, pi) } as never, { saveIdempotent: true });
}

function succeedPayment(emu: Emulator, pi: StripeObject, account: string | null, threeDS: boolean): void {
  const pm = emu.store.get(pi.payment_method)!;
  const manual = pi.capture_method === "manual";
  const charge = newCharge(emu, account, {
    amount: pi.amount,
    currency: pi.currency,
    customer: pi.customer,
    paymentIntent: pi,
    pm,
    captured: !manual,
    threeDSecure: threeDS,
  });
  if (!manual) captureMoney(emu, pi, charge, account);
  const card = pmHidden(emu, pm);
  if (!pm.customer) card.consumed = true;
  // setup_future_usage saves the card on the customer, already authenticated for later off-session use.
  if (pi.setup_future_usage && pi.customer) {
    card.setUpForOffSession = true;
    card.consumed = false;
    if (!pm.customer) {
      pm.customer = pi.customer;
      emitEvent(emu, "payment_method.attached", account, pm);
    }
  }
  emitEvent(emu, "charge.succeeded", account, charge);
  updateAndEmit(emu, pi, manual ? "payment_intent.amount_capturable_updated" : "payment_intent.succeeded", (o) => {
    o.status = manual ? "requires_capture" : "succeeded";
    o.amount_capturable = manual ? o.amount : 0;
    o.amount_received = manual ? 0 : o.amount;
    o.latest_charge = charge.id;
    o.next_action = null;
    o.last_payment_error = null;
  });
  emu.intentSettled(pi, "succeeded");
  if (!manual) disputeIfTestCard(emu, charge);
}

/** The dispute test cards (4000000000000259, ...2685, ...1976) open a dispute once the charge is captured. */
export function disputeIfTestCard(emu: Emulator, charge: StripeObject): void {
  const pm = charge.payment_method ? emu.store.get(charge.payment_method) : undefined;
  const dispute = pm ? pmHidden(emu, pm).behaviour.dispute : undefined;
  if (dispute) openDispute(emu, charge, dispute);
}

/** Books a captured charge: balance transaction with Stripe's fee, then the Connect money movement. */
export function captureMoney(emu: Emulator, pi: StripeObject, charge: StripeObject, account: string | null): void {
  const fees: Parameters<typeof addBalanceTransaction>[2]["fees"] = [
    { amount: stripeFee(charge.amount_captured || charge.amount), type: "stripe_fee", description: "Stripe processing fees" },
  ];
  if (account && pi.application_fee_amount) {
    fees.push({ amount: pi.application_fee_amount, type: "application_fee", description: "Application fee", application: emu.options.connectClientId });
  }
  charge.balance_transaction = addBalanceTransaction(emu, account, {
    amount: charge.amount_captured || charge.amount,
    currency: charge.currency,
    type: "charge",
    reporting_category: "charge",
    source: charge.id,
    description: charge.description,
    fees,
  }).id;
  settleConnect(emu, account, pi, charge);
}

/** The 3-D Secure outcome reported by the Stripe.js stand-in or the hosted 3DS page. */
export function authenticatePayment(emu: Emulator, pi: StripeObject, outcome: "complete" | "fail"): ApiError | null {
  const account = emu.store.accountOf(pi.id);
  if (outcome === "complete") {
    intentHidden(emu, pi).authenticated = true;
    const pm = emu.store.get(pi.payment_method);
    if (pm && pi.setup_future_usage) pmHidden(emu, pm).setUpForOffSession = true;
    return completeAfterAuthentication(emu, pi, account, true);
  }
  const pm = emu.store.get(pi.payment_method);
  const lastError: StripeObject = {
    type: "invalid_request_error",
    code: "payment_intent_authentication_failure",
    doc_url: docUrl("payment_intent_authentication_failure"),
    message:
      "We are unable to authenticate your payment method. Please choose a different payment method and try again.",
    payment_method: pm ? render(emu, pm) : null,
  };
  updateAndEmit(emu, pi, "payment_intent.payment_failed", (o) => {
    o.status = "requires_payment_method";
    o.last_payment_error = lastError;
    o.next_action = null;
    o.payment_method = null;
  });
  emu.intentSettled(pi, "failed");
  return null;
}

export function cancelIntent(emu: Emulator, pi: StripeObject, reason: string | null): void {
  updateAndEmit(emu, pi, "payment_intent.canceled", (o) => {
    o.status = "canceled";
    o.canceled_at = emu.now();
    o.cancellation_reason = reason;
    o.next_action = null;
    o.amount_capturable = 0;
  });
  emu.intentSettled(pi, "canceled");
}
