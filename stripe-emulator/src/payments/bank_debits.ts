// US bank account (ACH Direct Debit) payments: a delayed payment method. Confirming puts the
// PaymentIntent in `processing` with a pending charge; it succeeds or fails when the emulator's
// clock reaches its settlement time (POST /_emulator/clock/advance), as ACH settles days later.
import { createHash } from "node:crypto";
import type { Emulator } from "../core/emulator.js";
import { newId } from "../core/ids.js";
import { docUrl, invalidRequest, parameterMissing } from "../http/errors.js";
import type { Params } from "../http/params.js";
import type { StripeObject } from "../store/store.js";
import { emitEvent, updateAndEmit } from "../webhooks/events.js";
import { applyBillingDetails, emptyBillingDetails, type PaymentMethodHidden } from "./cards.js";
import { newCharge } from "./charges.js";
import { captureMoney, intentHidden } from "./payment_intent_engine.js";

/** ACH settles in about four business days; the emulator uses four calendar days of its clock. */
export const BANK_DEBIT_SETTLEMENT_SECONDS = 4 * 86_400;

interface BankFailure {
  code: string;
  message: string;
}

/** Stripe's test account numbers (routing number 110000000); any other valid number succeeds. */
export const US_BANK_TEST_ACCOUNTS: Record<string, BankFailure | null> = {
  "000123456789": null,
  "000111111113": { code: "account_closed", message: "The customer's bank account has been closed." },
  "000111111116": { code: "no_account", message: "The customer's bank account could not be located." },
  "000222222227": { code: "insufficient_funds", message: "The customer's account has insufficient funds to cover this payment." },
  "000333333335": { code: "debit_not_authorized", message: "The customer has notified their bank that this payment was unauthorized." },
};

interface BankHidden extends PaymentMethodHidden {
  bankFailure: BankFailure | null;
}

interface SettlingIntent {
  settlesAt?: number;
  settlingCharge?: string;
}

export function insertUsBankAccountPaymentMethod(
  emu: Emulator,
  account: string | null,
  bank: Params | undefined,
  extra: { billing_details?: Params; metadata?: Record<string, string>; prefix: string },
): StripeObject {
  const name = (key: string) => (extra.prefix ? `${extra.prefix}[${key}]` : key);
  if (!bank) throw parameterMissing(name("us_bank_account"));
  const routing = bank.reqStr("routing_number");
  const number = bank.reqStr("account_number");
  if (!/^\d{9}$/.test(routing)) throw invalidRequest("Routing number must have 9 digits.", name("us_bank_account[routing_number]"));
  if (!/^\d{4,17}$/.test(number)) throw invalidRequest("Invalid account number.", name("us_bank_account[account_number]"));
  const billing = applyBillingDetails(emptyBillingDetails(), extra.billing_details);
  if (!billing.name) throw parameterMissing(name("billing_details[name]"));
  const pm: StripeObject = {
    id: newId("pm"),
    object: "payment_method",
    allow_redisplay: "unspecified",
    billing_details: billing,
    created: emu.now(),
    customer: null,
    customer_account: null,
    livemode: false,
    metadata: extra.metadata ?? {},
    type: "us_bank_account",
    us_bank_account: {
      account_holder_type: bank.str("account_holder_type") ?? "individual",
      account_type: bank.str("account_type") ?? "checking",
      bank_name: "STRIPE TEST BANK",
      financial_connections_account: null,
      fingerprint: createHash("sha256").update(`${routing}:${number}`).digest("hex").slice(0, 16),
      last4: number.slice(-4),
      networks: { preferred: "ach", supported: ["ach"] },
      routing_number: routing,
      status_details: {},
    },
  };
  const hidden: BankHidden = {
    number,
    behaviour: { declinesOnAttach: false, threeDS: "none" },
    setUpForOffSession: true,
    consumed: false,
    bankFailure: US_BANK_TEST_ACCOUNTS[number] ?? null,
  };
  emu.store.insert(account, pm, hidden);
  return pm;
}

function bankDetails(pm: StripeObject, emu: Emulator): StripeObject {
  const b = pm.us_bank_account;
  return {
    type: "us_bank_account",
    us_bank_account: {
      account_holder_type: b.account_holder_type,
      account_type: b.account_type,
      bank_name: b.bank_name,
      expected_debit_date: new Date(emu.now() * 1000).toISOString().slice(0, 10),
      fingerprint: b.fingerprint,
      last4: b.last4,
      payment_reference: null,
      routing_number: b.routing_number,
    },
  };
}

/** Confirmation with a bank account: the debit is submitted, the intent waits in `processing`. */
export function startBankDebit(emu: Emulator, pi: StripeObject): void {
  const account = emu.store.accountOf(pi.id);
  const pm = emu.store.get(pi.payment_method)!;
  const charge = newCharge(emu, account, {
    amount: pi.amount,
    currency: pi.currency,
    customer: pi.customer,
    paymentIntent: pi,
    pm,
    captured: true,
  });
  Object.assign(charge, {
    amount_captured: pi.amount,
    captured: true,
    paid: false,
    status: "pending",
    outcome: null,
    payment_method_details: bankDetails(pm, emu),
  });
  const hidden = intentHidden(emu, pi) as ReturnType<typeof intentHidden> & SettlingIntent;
  hidden.settlesAt = emu.now() + BANK_DEBIT_SETTLEMENT_SECONDS;
  hidden.settlingCharge = charge.id;
  emitEvent(emu, "charge.pending", account, charge);
  updateAndEmit(emu, pi, "payment_intent.processing", (o) => {
    o.status = "processing";
    o.latest_charge = charge.id;
    o.next_action = null;
    o.last_payment_error = null;
  });
}

/** Bank debits whose settlement time falls at or before `until`, for the clock to run in order. */
export function dueBankDebits(emu: Emulator, until: number): Array<{ at: number; run: () => void }> {
  const out: Array<{ at: number; run: () => void }> = [];
  for (const pi of emu.store.list("payment_intent", "*", (i) => i.status === "processing")) {
    const hidden = intentHidden(emu, pi) as SettlingIntent;
    if (hidden.settlesAt !== undefined && hidden.settlesAt <= until) out.push({ at: hidden.settlesAt, run: () => settleBankDebit(emu, pi) });
  }
  return out;
}

function settleBankDebit(emu: Emulator, pi: StripeObject): void {
  const account = emu.store.accountOf(pi.id);
  const hidden = intentHidden(emu, pi) as SettlingIntent;
  const charge = emu.store.get(hidden.settlingCharge!)!;
  const pm = emu.store.get(pi.payment_method)!;
  const failure = (emu.store.hidden(pm.id) as BankHidden).bankFailure;
  delete hidden.settlesAt;
  if (!failure) {
    charge.status = "succeeded";
    charge.paid = true;
    captureMoney(emu, pi, charge, account);
    emitEvent(emu, "charge.succeeded", account, charge);
    updateAndEmit(emu, pi, "payment_intent.succeeded", (o) => {
      o.status = "succeeded";
      o.amount_received = o.amount;
    });
    emu.intentSettled(pi, "succeeded");
    return;
  }
  Object.assign(charge, { status: "failed", paid: false, amount_captured: 0, failure_code: failure.code, failure_message: failure.message });
  emitEvent(emu, "charge.failed", account, charge);
  updateAndEmit(emu, pi, "payment_intent.payment_failed", (o) => {
    o.status = "requires_payment_method";
    o.last_payment_error = {
      type: "invalid_request_error",
      code: failure.code,
      doc_url: docUrl(failure.code),
      message: failure.message,
      payment_method: structuredClone(pm),
    };
    o.payment_method = null;
  });
  emu.intentSettled(pi, "failed");
}
