// Entry of the Stripe.js stand-in served at /v3/stripe.js: defines `window.Stripe`. The API origin
// is the address the script was fetched from, written in when it is served, so it works on any host
// and port and also when a page loads it from another URL (in place of https://js.stripe.com/v3/).
import { createStripe } from "./stripe.js";

/** Replaced with the emulator's address when the script is served. */
const SERVED_FROM = "__STRIPE_EMULATOR_PUBLIC_URL__";

function scriptOrigin(): string {
  if (/^https?:\/\//.test(SERVED_FROM)) return new URL(SERVED_FROM).origin;
  // Not served by the emulator (a copied bundle): fall back to where the script was loaded from.
  const current = document.currentScript as HTMLScriptElement | null;
  return new URL(current?.src || location.href, location.href).origin;
}

const origin = scriptOrigin();

function Stripe(publishableKey: unknown, options?: unknown) {
  return createStripe(origin, publishableKey, options);
}
/** @stripe/stripe-js 10.x compares this with its release train and warns when they differ. */
Stripe.version = "endive";

(window as unknown as { Stripe: typeof Stripe }).Stripe = Stripe;
