// The emulator answers in one API version, the one stripe-node 23.1.0 pins. Rather than label an
// answer with a version whose shapes it does not produce, it refuses any other Stripe-Version.
import { API_VERSION } from "../core/version.js";
import { ApiError } from "./errors.js";

export function checkApiVersion(requested: string | undefined): void {
  if (requested === undefined || requested.trim() === API_VERSION) return;
  throw new ApiError(400, {
    type: "invalid_request_error",
    message: `Invalid Stripe API version: ${requested}. The Stripe emulator only answers in ${API_VERSION}; pin that version (stripe-node 23.1.0's default) or test this code against Stripe.`,
  });
}
