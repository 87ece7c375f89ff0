import { env } from "@/lib/env";

/**
 * The only Stripe settings that may reach the browser. `stripeAccount` is set for a direct
 * charge: Stripe.js then works on the seller's account, where the intent and card live.
 */
export function browserStripeConfig(stripeAccount?: string): { publishableKey: string; stripeJsUrl?: string; stripeAccount?: string } {
  const { publishableKey, stripeJsUrl } = env().stripe;
  return { publishableKey, ...(stripeJsUrl ? { stripeJsUrl } : {}), ...(stripeAccount ? { stripeAccount } : {}) };
}
