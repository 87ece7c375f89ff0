import Stripe from "stripe";
import { env } from "@/lib/env";

let client: Stripe | undefined;

/**
 * The one Stripe client. Against the emulator it is the same stripe-node client pointed at
 * another host, so every call the app makes is one Stripe would accept.
 */
export function stripe(): Stripe {
  if (client) return client;
  const { secretKey, apiUrl, timeoutMs } = env().stripe;
  const common: Stripe.StripeConfig = {
    maxNetworkRetries: 2,
    timeout: timeoutMs,
    appInfo: { name: "coursemarket", version: "0.1.0" },
  };
  if (apiUrl) {
    const url = new URL(apiUrl);
    client = new Stripe(secretKey, {
      ...common,
      host: url.hostname,
      port: Number(url.port || (url.protocol === "https:" ? 443 : 80)),
      protocol: url.protocol === "https:" ? "https" : "http",
    });
  } else {
    client = new Stripe(secretKey, common);
  }
  return client;
}
