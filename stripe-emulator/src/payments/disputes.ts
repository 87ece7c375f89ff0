// Disputes on charges: opened by the dispute test cards or the control API, answered with
// evidence (test mode's winning_evidence / losing_evidence) or accepted (closed), with the
// dispute's balance movements (amount + dispute fee withdrawn, amount reinstated if won).
import type { Emulator } from "../core/emulator.js";
import { newId } from "../core/ids.js";
import { invalidRequest } from "../http/errors.js";
import type { StripeObject } from "../store/store.js";
import { emitEvent, updateAndEmit } from "../webhooks/events.js";
import { addBalanceTransaction } from "./balance.js";

/** The emulated dispute fee (Stripe's US fee, 15.00), in the charge's currency's minor units. */
export const DISPUTE_FEE = 1500;

export const DISPUTE_REASONS = [
  "bank_cannot_process", "check_returned", "credit_not_processed", "customer_initiated", "debit_not_authorized",
  "duplicate", "fraudulent", "general", "incorrect_account_details", "insufficient_funds", "noncompliant",
  "product_not_received", "product_unacceptable", "subscription_canceled", "unrecognized",
] as const;

const EVIDENCE_FIELDS = [
  "access_activity_log", "billing_address", "cancellation_policy", "cancellation_policy_disclosure", "cancellation_rebuttal",
  "customer_communication", "customer_email_address", "customer_name", "customer_purchase_ip", "customer_signature",
  "duplicate_charge_documentation", "duplicate_charge_explanation", "duplicate_charge_id", "product_description", "receipt",
  "refund_policy", "refund_policy_disclosure", "refund_refusal_explanation", "service_date", "service_documentation",
  "shipping_address", "shipping_carrier", "shipping_date", "shipping_documentation", "shipping_tracking_number",
  "uncategorized_file", "uncategorized_text",
] as const;
export const EVIDENCE_TEXT_FIELDS: readonly string[] = EVIDENCE_FIELDS;

const NETWORK_REASON: Record<string, string> = { fraudulent: "10.4", product_not_received: "13.1", duplicate: "12.6.1", general: "13.7" };

const OPEN = ["needs_response", "warning_needs_response", "under_review", "warning_under_review"];

export function isInquiry(d: StripeObject): boolean {
  return d.status.startsWith("warning_");
}

/** Opens a dispute on a succeeded, captured charge; it belongs to the charge's account. */
export function openDispute(emu: Emulator, charge: StripeObject, o: { reason: string; inquiry: boolean }): StripeObject {
  if (charge.status !== "succeeded" || !charge.captured) {
    throw invalidRequest(`Charge ${charge.id} has not succeeded (status ${charge.status}); only a captured charge can be disputed.`, "charge");
  }
  if (charge.disputed) throw invalidRequest(`Charge ${charge.id} is already disputed.`, "charge");
  const account = emu.store.accountOf(charge.id);
  const amount = charge.amount_captured - charge.amount_refunded;
  if (amount <= 0) throw invalidRequest(`Charge ${charge.id} has been fully refunded; there is nothing to dispute.`, "charge");
  const evidence: StripeObject = Object.fromEntries(EVIDENCE_FIELDS.map((f) => [f, null]));
  evidence.enhanced_evidence = {};
  const card = charge.payment_method_details?.card;
  const dueBy = Math.floor((emu.now() + 8 * 86_400) / 86_400) * 86_400 - 1;
  const dispute: StripeObject = {
    id: newId("dp"),
    object: "dispute",
    amount,
    balance_transactions: [],
    charge: charge.id,
    created: emu.now(),
    currency: charge.currency,
    enhanced_eligibility_types: [],
    evidence,
    evidence_details: {
      due_by: dueBy,
      enhanced_eligibility: {},
      has_evidence: false,
      past_due: false,
      submission_count: 0,
      submission_method: "not_submitted",
    },
    intended_submission_method: null,
    is_charge_refundable: o.inquiry,
    livemode: false,
    metadata: {},
    payment_intent: charge.payment_intent,
    payment_method_details: {
      card: { brand: card?.brand ?? "visa", case_type: o.inquiry ? "inquiry" : "chargeback", network: card?.network ?? null, network_reason_code: NETWORK_REASON[o.reason] ?? "13.7" },
      type: "card",
    },
    reason: o.reason,
    status: o.inquiry ? "warning_needs_response" : "needs_response",
  };
  emu.store.insert(account, dispute);
  charge.disputed = true;
  emitEvent(emu, "charge.dispute.created", account, dispute);
  if (!o.inquiry) {
    const txn = addBalanceTransaction(emu, account, {
      amount: -amount,
      currency: charge.currency,
      type: "adjustment",
      reporting_category: "dispute",
      source: dispute.id,
      description: `Chargeback withdrawal for ${charge.id}`,
      fees: [{ amount: DISPUTE_FEE, type: "stripe_fee", description: "Dispute fee" }],
    });
    updateAndEmit(emu, dispute, "charge.dispute.funds_withdrawn", (d) => {
      d.balance_transactions = [...d.balance_transactions, txn];
    });
  }
  return dispute;
}

function assertOpen(d: StripeObject): void {
  if (!OPEN.includes(d.status)) {
    throw invalidRequest(`This dispute is already closed (status ${d.status}).`, undefined, "dispute_already_closed");
  }
}

/** Stages evidence and metadata; with `submit`, sends it to the "bank" (test mode decides at once). */
export function updateDispute(
  emu: Emulator,
  d: StripeObject,
  o: { evidence?: Record<string, string | null>; metadata?: Record<string, string>; submit: boolean },
): void {
  if (o.evidence || o.submit) assertOpen(d);
  updateAndEmit(emu, d, "charge.dispute.updated", (x) => {
    if (o.metadata) x.metadata = o.metadata;
    if (o.evidence) {
      for (const [k, v] of Object.entries(o.evidence)) x.evidence[k] = v === "" ? null : v;
      x.evidence_details.has_evidence = EVIDENCE_FIELDS.some((f) => x.evidence[f] !== null);
    }
    if (o.submit) {
      x.status = isInquiry(x) ? "warning_under_review" : "under_review";
      x.evidence_details.submission_count += 1;
      x.evidence_details.submission_method = "manual";
    }
  });
  if (!o.submit) return;
  const text = String(d.evidence.uncategorized_text ?? "");
  if (text.includes("winning_evidence")) closeDispute(emu, d, "won");
  else if (text.includes("losing_evidence")) closeDispute(emu, d, "lost");
}

/**
 * Closes a dispute: `won` (an inquiry closes as `warning_closed`; a chargeback's amount is
 * reinstated with charge.dispute.funds_reinstated) or `lost`.
 */
export function closeDispute(emu: Emulator, d: StripeObject, outcome: "won" | "lost"): void {
  assertOpen(d);
  const inquiry = isInquiry(d);
  updateAndEmit(emu, d, "charge.dispute.closed", (x) => {
    x.status = outcome === "won" ? (inquiry ? "warning_closed" : "won") : "lost";
    // A chargeback's charge stays unrefundable; an inquiry closed in the seller's favour leaves it refundable.
    x.is_charge_refundable = inquiry && outcome === "won";
  });
  if (outcome === "won" && !inquiry) {
    const account = emu.store.accountOf(d.id);
    const txn = addBalanceTransaction(emu, account, {
      amount: d.amount,
      currency: d.currency,
      type: "adjustment",
      reporting_category: "dispute_reversal",
      source: d.id,
      description: `Chargeback reversal for ${d.charge}`,
    });
    updateAndEmit(emu, d, "charge.dispute.funds_reinstated", (x) => {
      x.balance_transactions = [...x.balance_transactions, txn];
    });
  }
}
