import { env } from "@/lib/env";

/** The only Stripe settings that may reach the browser. */
export function browserStripeConfig(): { publishableKey: string; stripeJsUrl?: string } {
  const { publishableKey, stripeJsUrl } = env().stripe;
  return stripeJsUrl ? { publishableKey, stripeJsUrl } : { publishableKey };
}
