// What the emulator keeps about a PaymentIntent beyond its Stripe fields.
import type { Emulator } from "../core/emulator.js";
import type { StripeObject } from "../store/store.js";

export interface IntentHidden {
  authenticated: boolean;
  returnUrl: string | null;
  offSession: boolean;
  invoice?: string;
}

export function intentHidden(emu: Emulator, pi: StripeObject): IntentHidden {
  return emu.store.hidden(pi.id) as IntentHidden;
}
