// Money going back: refunds of charges, application fee refunds and transfer reversals.
import type { Emulator } from "../core/emulator.js";
import { newId } from "../core/ids.js";
import { invalidRequest } from "../http/errors.js";
import type { StripeObject } from "../store/store.js";
import { emitEvent, updateAndEmit } from "../webhooks/events.js";
import { addBalanceTransaction } from "./balance.js";

/** Share of `total` matching `part / whole`, never more than `remaining`; the last part takes the rest. */
export function proportional(total: number, part: number, whole: number, remaining: number, isFinal: boolean): number {
  if (isFinal) return remaining;
  return Math.min(remaining, Math.round((total * part) / whole));
}

export function refundApplicationFee(emu: Emulator, fee: StripeObject, amount: number, metadata: Record<string, string> = {}): StripeObject {
  const remaining = fee.amount - fee.amount_refunded;
  if (amount > remaining) {
    throw invalidRequest(`Refund amount (${amount}) is greater than the unrefunded amount on the application fee (${remaining}).`, "amount");
  }
  const fr: StripeObject = {
    id: newId("fr"),
    object: "fee_refund",
    amount,
    balance_transaction: null,
    created: emu.now(),
    currency: fee.currency,
    fee: fee.id,
    metadata,
  };
  emu.store.insert(null, fr);
  fr.balance_transaction = addBalanceTransaction(emu, null, {
    amount: -amount,
    currency: fee.currency,
    type: "application_fee_refund",
    reporting_category: "platform_earning_refund",
    source: fr.id,
  }).id;
  addBalanceTransaction(emu, fee.account, {
    amount,
    currency: fee.currency,
    type: "application_fee_refund",
    reporting_category: "fee",
    source: fr.id,
  });
  updateAndEmit(emu, fee, "application_fee.refunded", (o) => {
    o.amount_refunded += amount;
    o.refunded = o.amount_refunded >= o.amount;
    o.refunds.data = [fr, ...o.refunds.data];
  });
  return fr;
}

export function reverseTransfer(
  emu: Emulator,
  transfer: StripeObject,
  amount: number,
  o: { sourceRefund?: string | null; metadata?: Record<string, string>; description?: string | null } = {},
): StripeObject {
  const remaining = transfer.amount - transfer.amount_reversed;
  if (amount > remaining) {
    throw invalidRequest(`The reversal amount (${amount}) is greater than the amount left on the transfer (${remaining}).`, "amount");
  }
  const trr: StripeObject = {
    id: newId("trr"),
    object: "transfer_reversal",
    amount,
    balance_transaction: null,
    created: emu.now(),
    currency: transfer.currency,
    destination_payment_refund: null,
    metadata: o.metadata ?? {},
    source_refund: o.sourceRefund ?? null,
    transfer: transfer.id,
  };
  emu.store.insert(null, trr);
  trr.balance_transaction = addBalanceTransaction(emu, null, {
    amount,
    currency: transfer.currency,
    type: "transfer_cancel",
    reporting_category: "transfer_reversal",
    source: trr.id,
  }).id;
  const pyr = newId("pyr");
  addBalanceTransaction(emu, transfer.destination, {
    amount: -amount,
    currency: transfer.currency,
    type: "payment_refund",
    reporting_category: "refund",
    source: pyr,
  });
  trr.destination_payment_refund = pyr;
  const payment = emu.store.get(transfer.destination_payment);
  if (payment) {
    payment.amount_refunded += amount;
    payment.refunded = payment.amount_refunded >= payment.amount;
  }
  updateAndEmit(emu, transfer, null, (t) => {
    t.amount_reversed += amount;
    t.reversed = t.amount_reversed >= t.amount;
    t.reversals.data = [trr, ...t.reversals.data];
  });
  emitEvent(emu, "transfer.reversed", null, transfer, { amount_reversed: transfer.amount_reversed - amount, reversed: false });
  return trr;
}

export interface RefundInput {
  amount?: number;
  reason?: string | null;
  metadata?: Record<string, string>;
  refundApplicationFee?: boolean;
  reverseTransfer?: boolean;
}

export function refundCharge(emu: Emulator, charge: StripeObject, input: RefundInput): StripeObject {
  const account = emu.store.accountOf(charge.id);
  if (charge.status !== "succeeded" || !charge.captured) {
    throw invalidRequest(`Charge ${charge.id} has not been captured or has failed; it cannot be refunded.`, "charge", "charge_not_refundable");
  }
  const refundable = charge.amount_captured - charge.amount_refunded;
  if (refundable <= 0) {
    throw invalidRequest(`Charge ${charge.id} has already been refunded.`, "charge", "charge_already_refunded");
  }
  const amount = input.amount ?? refundable;
  if (amount <= 0) throw invalidRequest("Invalid positive integer", "amount");
  if (amount > refundable) {
    throw invalidRequest(
      `Refund amount (${amount}) is greater than unrefunded amount on charge (${refundable})`,
      "amount",
      "amount_too_large",
    );
  }
  if (input.reverseTransfer && !charge.transfer) {
    throw invalidRequest(
      "reverse_transfer can only be used when refunding a destination charge (a charge with transfer_data[destination]).",
      "reverse_transfer",
    );
  }
  const isFinal = amount === refundable;
  const refund: StripeObject = {
    id: newId("re"),
    object: "refund",
    amount,
    balance_transaction: null,
    charge: charge.id,
    created: emu.now(),
    currency: charge.currency,
    customer: charge.customer ?? null,
    customer_account: null,
    destination_details: {
      card: { reference_status: "pending", reference_type: "acquirer_reference_number", type: "refund" },
      type: "card",
    },
    metadata: input.metadata ?? {},
    payment_intent: charge.payment_intent,
    payment_method: charge.payment_method ?? null,
    reason: input.reason ?? null,
    receipt_number: null,
    source_transfer_reversal: null,
    status: "succeeded",
    transfer_reversal: null,
  };
  emu.store.insert(account, refund);
  refund.balance_transaction = addBalanceTransaction(emu, account, {
    amount: -amount,
    currency: charge.currency,
    type: "refund",
    reporting_category: "refund",
    source: refund.id,
  }).id;

  if (input.refundApplicationFee && charge.application_fee) {
    const fee = emu.store.get(charge.application_fee);
    if (fee) {
      const feeAmount = proportional(fee.amount, amount, charge.amount_captured, fee.amount - fee.amount_refunded, isFinal);
      if (feeAmount > 0) refundApplicationFee(emu, fee, feeAmount);
    }
  }
  if (input.reverseTransfer && charge.transfer) {
    const transfer = emu.store.get(charge.transfer);
    if (transfer) {
      const trAmount = proportional(transfer.amount, amount, charge.amount_captured, transfer.amount - transfer.amount_reversed, isFinal);
      if (trAmount > 0) refund.transfer_reversal = reverseTransfer(emu, transfer, trAmount, { sourceRefund: refund.id }).id;
    }
  }
  emitEvent(emu, "refund.created", account, refund);
  updateAndEmit(emu, charge, "charge.refunded", (c) => {
    c.amount_refunded += amount;
    c.refunded = c.amount_refunded >= c.amount_captured;
  });
  return refund;
}
