// The SetupIntent status machine: confirmation, 3-D Secure, failure and success.
import type { Emulator } from "../core/emulator.js";
import { ApiError, docUrl } from "../http/errors.js";
import { render } from "../http/expand.js";
import type { StripeObject } from "../store/store.js";
import { emitEvent, updateAndEmit } from "../webhooks/events.js";
import { pmHidden } from "./cards.js";
import { threeDSecureNextAction } from "./next_action.js";

export interface SetupHidden {
  returnUrl: string | null;
}

export function attemptSetup(emu: Emulator, si: StripeObject, returnUrl: string | null): ApiError | null {
  const hidden = emu.store.hidden(si.id) as SetupHidden;
  hidden.returnUrl = returnUrl ?? hidden.returnUrl ?? null;
  const pm = emu.store.get(si.payment_method)!;
  const b = pmHidden(emu, pm).behaviour;
  if (b.declinesOnAttach && b.chargeDecline) {
    const d = b.chargeDecline;
    const lastError: StripeObject = {
      type: "card_error",
      code: d.code,
      doc_url: docUrl(d.code),
      message: d.message,
      payment_method: render(emu, pm),
    };
    if (d.decline_code) lastError.decline_code = d.decline_code;
    updateAndEmit(emu, si, "setup_intent.setup_failed", (o) => {
      o.status = "requires_payment_method";
      o.last_setup_error = lastError;
      o.payment_method = null;
      o.next_action = null;
    });
    emu.intentSettled(si, "failed");
    return new ApiError(402, { ...lastError, setup_intent: render(emu, si) } as never, { saveIdempotent: true });
  }
  if (b.threeDS !== "none") {
    updateAndEmit(emu, si, "setup_intent.requires_action", (o) => {
      o.status = "requires_action";
      o.next_action = threeDSecureNextAction(emu, o, hidden.returnUrl);
      o.last_setup_error = null;
    });
    emu.intentSettled(si, "requires_action");
    return null;
  }
  succeedSetup(emu, si);
  return null;
}

function succeedSetup(emu: Emulator, si: StripeObject): void {
  const account = emu.store.accountOf(si.id);
  const pm = emu.store.get(si.payment_method)!;
  const card = pmHidden(emu, pm);
  card.setUpForOffSession = true;
  if (si.customer && !pm.customer) {
    pm.customer = si.customer;
    emitEvent(emu, "payment_method.attached", account, pm);
  }
  updateAndEmit(emu, si, "setup_intent.succeeded", (o) => {
    o.status = "succeeded";
    o.next_action = null;
    o.last_setup_error = null;
  });
  emu.intentSettled(si, "succeeded");
}

export function authenticateSetup(emu: Emulator, si: StripeObject, outcome: "complete" | "fail"): void {
  if (outcome === "complete") return succeedSetup(emu, si);
  const pm = emu.store.get(si.payment_method);
  updateAndEmit(emu, si, "setup_intent.setup_failed", (o) => {
    o.status = "requires_payment_method";
    o.next_action = null;
    o.payment_method = null;
    o.last_setup_error = {
      type: "invalid_request_error",
      code: "setup_intent_authentication_failure",
      doc_url: docUrl("setup_intent_authentication_failure"),
      message: "We are unable to authenticate your payment method. Please choose a different payment method and try again.",
      payment_method: pm ? render(emu, pm) : null,
    };
  });
  emu.intentSettled(si, "failed");
}
