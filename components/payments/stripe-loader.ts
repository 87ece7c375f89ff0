"use client";

import type { Stripe } from "@stripe/stripe-js";
import { loadStripe } from "@stripe/stripe-js/pure";

/** What the browser may know about Stripe: the publishable key and, for the emulator, its Stripe.js. */
export interface BrowserStripeConfig {
  publishableKey: string;
  stripeJsUrl?: string;
  /** A connected account (direct charges): Stripe.js then creates cards and confirms intents there. */
  stripeAccount?: string;
}

let script: Promise<void> | undefined;
const instances = new Map<string, Promise<Stripe | null>>();

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
 * Loads Stripe.js once per page, and one Stripe object per account. With the emulator its
 * stand-in is injected first, so loadStripe finds window.Stripe and injects nothing; with real
 * Stripe loadStripe adds Stripe's own script.
 */
export function getStripe({ publishableKey, stripeJsUrl, stripeAccount }: BrowserStripeConfig): Promise<Stripe | null> {
  // Server rendering: Elements waits for the browser to load Stripe.js.
  if (typeof window === "undefined") return Promise.resolve(null);
  const key = stripeAccount ?? "";
  let loading = instances.get(key);
  if (!loading) {
    loading = (async () => {
      if (stripeJsUrl && !("Stripe" in window)) {
        script ??= injectScript(stripeJsUrl);
        await script;
      }
      return loadStripe(publishableKey, stripeAccount ? { stripeAccount } : undefined);
    })();
    instances.set(key, loading);
  }
  return loading;
}
