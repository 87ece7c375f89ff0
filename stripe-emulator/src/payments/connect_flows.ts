// Money movement for Connect on a successful charge: application fees (direct and destination
// charges) and the transfer (+ the destination payment py_) of a destination charge.
import type { Emulator } from "../core/emulator.js";
import { newId } from "../core/ids.js";
import type { StripeObject } from "../store/store.js";
import { emitEvent } from "../webhooks/events.js";
import { addBalanceTransaction } from "./balance.js";

export function newApplicationFee(
  emu: Emulator,
  o: { account: string; amount: number; currency: string; charge: string; originatingCharge: string | null },
): StripeObject {
  const fee: StripeObject = {
    id: newId("fee"),
    object: "application_fee",
    account: o.account,
    amount: o.amount,
    amount_refunded: 0,
    application: emu.options.connectClientId,
    balance_transaction: null,
    charge: o.charge,
    created: emu.now(),
    currency: o.currency,
    fee_source: { charge: o.charge, type: "charge" },
    livemode: false,
    originating_transaction: o.originatingCharge,
    refunded: false,
    refunds: { object: "list", data: [], has_more: false, url: "" },
  };
  fee.refunds.url = `/v1/application_fees/${fee.id}/refunds`;
  emu.store.insert(null, fee);
  fee.balance_transaction = addBalanceTransaction(emu, null, {
    amount: o.amount,
    currency: o.currency,
    type: "application_fee",
    reporting_category: "platform_earning",
    source: fee.id,
  }).id;
  emitEvent(emu, "application_fee.created", null, fee);
  return fee;
}

/** Creates a transfer to `destination` with its destination payment (py_) on the connected account. */
export function newTransfer(
  emu: Emulator,
  o: {
    amount: number;
    currency: string;
    destination: string;
    sourceTransaction: string | null;
    transferGroup: string | null;
    description?: string | null;
    metadata?: Record<string, string>;
    /** Fee the platform takes back from the destination payment (destination charges). */
    applicationFeeAmount?: number | null;
  },
): StripeObject {
  const transferId = newId("tr");
  const payment: StripeObject = {
    id: newId("py"),
    object: "charge",
    amount: o.amount,
    amount_captured: o.amount,
    amount_refunded: 0,
    application: null,
    application_fee: null,
    application_fee_amount: null,
    balance_transaction: null,
    billing_details: null,
    captured: true,
    created: emu.now(),
    currency: o.currency,
    customer: null,
    description: null,
    disputed: false,
    failure_code: null,
    failure_message: null,
    livemode: false,
    metadata: {},
    on_behalf_of: null,
    outcome: null,
    paid: true,
    payment_intent: null,
    payment_method: null,
    payment_method_details: { stripe_account: {}, type: "stripe_account" },
    refunded: false,
    source_transfer: transferId,
    status: "succeeded",
    transfer_data: null,
    transfer_group: null,
  };
  emu.store.insert(o.destination, payment);
  payment.balance_transaction = addBalanceTransaction(emu, o.destination, {
    amount: o.amount,
    currency: o.currency,
    type: "payment",
    reporting_category: "charge",
    source: payment.id,
    fees: o.applicationFeeAmount
      ? [{ amount: o.applicationFeeAmount, type: "application_fee", description: "Application fee", application: emu.options.connectClientId }]
      : [],
  }).id;
  payment.application_fee_amount = o.applicationFeeAmount ?? null;
  const transfer: StripeObject = {
    id: transferId,
    object: "transfer",
    amount: o.amount,
    amount_reversed: 0,
    balance_transaction: null,
    created: emu.now(),
    currency: o.currency,
    description: o.description ?? null,
    destination: o.destination,
    destination_payment: payment.id,
    livemode: false,
    metadata: o.metadata ?? {},
    reversals: { object: "list", data: [], has_more: false, url: `/v1/transfers/${transferId}/reversals` },
    reversed: false,
    source_transaction: o.sourceTransaction,
    source_type: "card",
    transfer_group: o.transferGroup,
  };
  emu.store.insert(null, transfer);
  transfer.balance_transaction = addBalanceTransaction(emu, null, {
    amount: -o.amount,
    currency: o.currency,
    type: "transfer",
    reporting_category: "transfer",
    source: transfer.id,
  }).id;
  emitEvent(emu, "transfer.created", null, transfer);
  return transfer;
}

/** Applies the Connect side of a succeeded charge created for `pi` on `account`. */
export function settleConnect(emu: Emulator, account: string | null, pi: StripeObject, charge: StripeObject): void {
  const feeAmount: number | null = pi.application_fee_amount ?? null;
  if (account) {
    // Direct charge on a connected account; the fee goes to the platform.
    charge.application = emu.options.connectClientId;
    if (feeAmount) {
      const fee = newApplicationFee(emu, { account, amount: feeAmount, currency: charge.currency, charge: charge.id, originatingCharge: null });
      charge.application_fee = fee.id;
    }
    return;
  }
  const destination: string | undefined = pi.transfer_data?.destination;
  if (!destination) return;
  // With application_fee_amount Stripe transfers the full amount and takes the fee back from the
  // destination payment; with transfer_data[amount] it transfers only that amount.
  const transferAmount = pi.transfer_data.amount ?? charge.amount;
  const transfer = newTransfer(emu, {
    amount: transferAmount,
    currency: charge.currency,
    destination,
    sourceTransaction: charge.id,
    transferGroup: pi.transfer_group ?? `group_${pi.id}`,
    applicationFeeAmount: pi.transfer_data.amount ? null : feeAmount,
  });
  charge.transfer = transfer.id;
  if (!charge.transfer_group) charge.transfer_group = transfer.transfer_group;
  if (feeAmount && !pi.transfer_data.amount) {
    const fee = newApplicationFee(emu, {
      account: destination,
      amount: feeAmount,
      currency: charge.currency,
      charge: transfer.destination_payment,
      originatingCharge: charge.id,
    });
    charge.application_fee = fee.id;
    const payment = emu.store.get(transfer.destination_payment);
    if (payment) payment.application_fee = fee.id;
  }
}
