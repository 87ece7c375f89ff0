// The `next_action` of an intent waiting for 3-D Secure, pointing at the emulator's 3DS page.
import type { Emulator } from "../core/emulator.js";
import { randomChars } from "../core/ids.js";
import type { StripeObject } from "../store/store.js";

export function threeDSecureUrl(emu: Emulator, intent: StripeObject, returnUrl?: string | null): string {
  const q = new URLSearchParams({ client_secret: intent.client_secret });
  if (returnUrl) q.set("return_url", returnUrl);
  return `${emu.publicUrl()}/3ds/${intent.id}?${q.toString()}`;
}

export function threeDSecureNextAction(emu: Emulator, intent: StripeObject, returnUrl?: string | null): StripeObject {
  const url = threeDSecureUrl(emu, intent, returnUrl);
  if (returnUrl) {
    return { type: "redirect_to_url", redirect_to_url: { return_url: returnUrl, url } };
  }
  return {
    type: "use_stripe_sdk",
    use_stripe_sdk: {
      type: "three_d_secure_redirect",
      stripe_js: url,
      source: `src_${randomChars(24)}`,
      known_frame_issues: "false",
      /** Emulator extension: where the Stripe.js stand-in reports the outcome (POST, publishable key). */
      emulator_complete_url: `${emu.publicUrl()}/_emulator/3ds/${intent.id}`,
    },
  };
}
