// US bank accounts as PaymentMethods, with Stripe's test account numbers and how each one settles.
import { createHash } from "node:crypto";
import type { Emulator } from "../core/emulator.js";
import { newId } from "../core/ids.js";
import { invalidRequest, parameterMissing } from "../http/errors.js";
import type { Params } from "../http/params.js";
import type { StripeObject } from "../store/store.js";
import { applyBillingDetails, emptyBillingDetails } from "./billing_details.js";
import type { PaymentMethodHidden } from "./cards.js";

export interface BankFailure {
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

export interface BankHidden extends PaymentMethodHidden {
  bankFailure: BankFailure | null;
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
