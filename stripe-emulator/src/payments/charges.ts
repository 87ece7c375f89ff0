// Charge objects created by PaymentIntents (successful and failed attempts).
import type { Emulator } from "../core/emulator.js";
import { newId } from "../core/ids.js";
import type { StripeObject } from "../store/store.js";
import type { Decline } from "./test_cards.js";

function paymentMethodDetails(pm: StripeObject | undefined): StripeObject | null {
  if (!pm?.card) return null;
  const c = pm.card;
  return {
    card: {
      amount_authorized: null,
      authorization_code: null,
      brand: c.brand,
      checks: c.checks,
      country: c.country,
      electronic_commerce_indicator: null,
      exp_month: c.exp_month,
      exp_year: c.exp_year,
      extended_authorization: { status: "disabled" },
      fingerprint: c.fingerprint,
      funding: c.funding,
      incremental_authorization: { status: "unavailable" },
      installments: null,
      last4: c.last4,
      mandate: null,
      multicapture: { status: "unavailable" },
      network: c.brand,
      network_token: { used: false },
      network_transaction_id: null,
      overcapture: { maximum_amount_capturable: 0, status: "unavailable" },
      regulated_status: "unregulated",
      three_d_secure: null,
      transaction_link_id: null,
      wallet: null,
    },
    type: "card",
  };
}

export function newCharge(
  emu: Emulator,
  account: string | null,
  o: {
    amount: number;
    currency: string;
    customer: string | null;
    paymentIntent: StripeObject | null;
    pm: StripeObject | undefined;
    captured: boolean;
    decline?: Decline;
    threeDSecure?: boolean;
    idPrefix?: string;
  },
): StripeObject {
  const pi = o.paymentIntent;
  const failed = !!o.decline;
  const id = newId(o.idPrefix ?? "ch");
  const details = paymentMethodDetails(o.pm);
  if (details && o.threeDSecure) {
    details.card.three_d_secure = {
      authentication_flow: "challenge",
      electronic_commerce_indicator: "05",
      exemption_indicator: null,
      result: "authenticated",
      result_reason: null,
      transaction_id: newId("3ds"),
      version: "2.2.0",
    };
  }
  const charge: StripeObject = {
    id,
    object: "charge",
    amount: o.amount,
    amount_captured: failed || !o.captured ? 0 : o.amount,
    amount_refunded: 0,
    application: null,
    application_fee: null,
    application_fee_amount: pi?.application_fee_amount ?? null,
    balance_transaction: null,
    billing_details: o.pm?.billing_details ?? null,
    calculated_statement_descriptor: "EMULATOR",
    captured: !failed && o.captured,
    created: emu.now(),
    currency: o.currency,
    customer: o.customer,
    description: pi?.description ?? null,
    disputed: false,
    failure_balance_transaction: null,
    failure_code: o.decline?.code ?? null,
    failure_message: o.decline?.message ?? null,
    fraud_details: {},
    livemode: false,
    metadata: { ...(pi?.metadata ?? {}) },
    on_behalf_of: pi?.on_behalf_of ?? null,
    outcome: failed
      ? {
          advice_code: null,
          network_advice_code: null,
          network_decline_code: null,
          network_status: "declined_by_network",
          reason: o.decline?.decline_code ?? null,
          risk_level: "normal",
          risk_score: 20,
          seller_message: "The bank did not return any further details with this decline.",
          type: "issuer_declined",
        }
      : {
          advice_code: null,
          network_advice_code: null,
          network_decline_code: null,
          network_status: "approved_by_network",
          reason: null,
          risk_level: "normal",
          risk_score: 20,
          seller_message: "Payment complete.",
          type: "authorized",
        },
    paid: !failed,
    payment_intent: pi?.id ?? null,
    payment_method: o.pm?.id ?? null,
    payment_method_details: details,
    radar_options: {},
    receipt_email: pi?.receipt_email ?? null,
    receipt_number: null,
    receipt_url: `${emu.publicUrl()}/receipts/${id}`,
    refunded: false,
    review: null,
    shipping: null,
    source: null,
    source_transfer: null,
    statement_descriptor: pi?.statement_descriptor ?? null,
    statement_descriptor_suffix: null,
    status: failed ? "failed" : "succeeded",
    transfer_data: pi?.transfer_data ? { amount: pi.transfer_data.amount ?? null, destination: pi.transfer_data.destination } : null,
    transfer_group: pi?.transfer_group ?? null,
  };
  emu.store.insert(account, charge);
  return charge;
}
