// Entry of the Stripe.js stand-in served at /v3/stripe.js: defines `window.Stripe`. The API origin
// is the origin this script was loaded from, so the emulator works on any host and port.
import { createStripe } from "./stripe.js";

/** Replaced with the emulator's public URL when the script is served (fallback only). */
const SERVED_FROM = "__STRIPE_EMULATOR_PUBLIC_URL__";

function scriptOrigin(): string {
  const current = document.currentScript as HTMLScriptElement | null;
  const src =
    current?.src ||
    [...document.querySelectorAll<HTMLScriptElement>("script[src]")].map((s) => s.src).find((s) => /\/v3\/?(stripe\.js)?(\?.*)?$/.test(s)) ||
    SERVED_FROM;
  return new URL(src, location.href).origin;
}

const origin = scriptOrigin();

function Stripe(publishableKey: unknown, options?: unknown) {
  return createStripe(origin, publishableKey, options);
}
/** @stripe/stripe-js 10.x compares this with its release train and warns when they differ. */
Stripe.version = "endive";

(window as unknown as { Stripe: typeof Stripe }).Stripe = Stripe;
