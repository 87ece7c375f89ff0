"use client";

import type { Stripe } from "@stripe/stripe-js";
import { loadStripe } from "@stripe/stripe-js/pure";

/** What the browser may know about Stripe: the publishable key and, for the emulator, its Stripe.js. */
export interface BrowserStripeConfig {
  publishableKey: string;
  stripeJsUrl?: string;
}

let loading: Promise<Stripe | null> | undefined;

function injectScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = src;
    script.async = true;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error("Stripe.js could not be loaded"));
    document.head.appendChild(script);
  });
}

/**
 * Loads Stripe.js once per page. With the emulator its stand-in is injected first, so loadStripe
 * finds window.Stripe and injects nothing; with real Stripe loadStripe adds Stripe's own script.
 */
export function getStripe({ publishableKey, stripeJsUrl }: BrowserStripeConfig): Promise<Stripe | null> {
  // Server rendering: Elements waits for the browser to load Stripe.js.
  if (typeof window === "undefined") return Promise.resolve(null);
  loading ??= (async () => {
    if (stripeJsUrl && !("Stripe" in window)) await injectScript(stripeJsUrl);
    return loadStripe(publishableKey);
  })();
  return loading;
}
