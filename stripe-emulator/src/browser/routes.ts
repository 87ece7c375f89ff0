// Routes of the Stripe.js stand-in: the script itself and the emulator-hosted frames it mounts.
import type { Router } from "../http/types.js";

export interface BrowserRoutesContext {
  /** Public base URL of the emulator, e.g. "http://127.0.0.1:12111" (no trailing slash). */
  publicUrl: () => string;
}

export function registerBrowserRoutes(router: Router, ctx: BrowserRoutesContext): void {
  void ctx;
  router.add("GET", "/v3/stripe.js", () => ({
    status: 200,
    headers: { "content-type": "text/javascript; charset=utf-8" },
    body: "/* Stripe.js stand-in: not built yet */\n",
  }));
}
