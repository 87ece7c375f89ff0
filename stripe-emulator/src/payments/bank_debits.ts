// US bank account (ACH Direct Debit) payments: a delayed payment method. Confirming puts the
// PaymentIntent in `processing` with a pending charge; it succeeds or fails when the emulator's
// clock reaches its settlement time (POST /_emulator/clock/advance, see bank_debit_settlement.ts).
import type { Emulator } from "../core/emulator.js";
import type { StripeObject } from "../store/store.js";
import { emitEvent, updateAndEmit } from "../webhooks/events.js";
import { newCharge } from "./charges.js";
import { intentHidden } from "./intent_state.js";

/** ACH settles in about four business days; the emulator uses four calendar days of its clock. */
export const BANK_DEBIT_SETTLEMENT_SECONDS = 4 * 86_400;

export interface SettlingIntent {
  settlesAt?: number;
  settlingCharge?: string;
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
