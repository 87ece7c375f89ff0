// A bank debit settles when the emulator's clock reaches its time: the charge succeeds and the
// money is captured, or it fails with the test account's failure.
import type { Emulator } from "../core/emulator.js";
import { docUrl } from "../http/errors.js";
import type { StripeObject } from "../store/store.js";
import { emitEvent, updateAndEmit } from "../webhooks/events.js";
import type { BankHidden } from "./bank_accounts.js";
import type { SettlingIntent } from "./bank_debits.js";
import { intentHidden } from "./intent_state.js";
import { captureMoney } from "./payment_intent_engine.js";

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
