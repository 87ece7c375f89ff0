// Who may call: the API and OAuth token calls need a valid key, a Stripe-Account the key may act
// for, and (for /v1/) an API version the emulator speaks.
import type { Emulator } from "../core/emulator.js";
import { checkApiVersion } from "./api-version.js";
import { accountInvalid, ApiError, maskKey } from "./errors.js";
import type { ReceivedRequest } from "./types.js";

/** Paths that need an API key (the Stripe API itself and OAuth token calls). */
export function needsApiKey(path: string): boolean {
  return path.startsWith("/v1/") || path === "/oauth/token" || path === "/oauth/deauthorize" || path.startsWith("/_emulator/3ds/");
}

/** Throws Stripe's error when the request may not be carried out. */
export function authenticate(emu: Emulator, request: ReceivedRequest): void {
  if (!needsApiKey(request.path)) return;
  const auth = request.auth;
  if (!auth) {
    throw new ApiError(401, {
      type: "invalid_request_error",
      message:
        "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.",
    });
  }
  if (auth.key.startsWith("invalid:")) {
    throw new ApiError(401, {
      type: "invalid_request_error",
      message: `Invalid API Key provided: ${maskKey(auth.key.slice(8))}`,
    });
  }
  if (request.account && !emu.canActFor(request.account)) throw accountInvalid(auth.key, request.account);
  if (request.path.startsWith("/v1/")) checkApiVersion(request.headers["stripe-version"]);
}
