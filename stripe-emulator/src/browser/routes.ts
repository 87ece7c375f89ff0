// Routes of the Stripe.js stand-in: the script (/v3/stripe.js) and the emulator-hosted frames it
// mounts (card fields, API controller, 3-D Secure test page).
import type { EmulatorRequest, EmulatorResponse, Handler, Router } from "../http/types.js";
import { bundle, warmBundles, type EntryName } from "./bundle.js";
import { cardFrameHtml, controllerHtml, FRAME_CSP, threeDSecureHtml } from "./pages.js";

export interface BrowserRoutesContext {
  /** Public base URL of the emulator, e.g. "http://127.0.0.1:12111" (no trailing slash). */
  publicUrl: () => string;
}

const NO_STORE = "no-store";

function script(name: EntryName, transform: (code: string, req: EmulatorRequest) => string = (c) => c): Handler {
  return async (req): Promise<EmulatorResponse> => {
    try {
      return {
        status: 200,
        headers: {
          "content-type": "text/javascript; charset=utf-8",
          "cache-control": NO_STORE,
          "access-control-allow-origin": "*",
        },
        body: transform(await bundle(name), req),
      };
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      return {
        status: 500,
        headers: { "content-type": "text/javascript; charset=utf-8" },
        body: `console.error(${JSON.stringify(`Stripe emulator: could not build ${name}: ${message}`)});\n`,
      };
    }
  };
}

function html(render: () => string): Handler {
  return () => ({
    status: 200,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": NO_STORE,
      "content-security-policy": FRAME_CSP,
      "referrer-policy": "no-referrer",
      "x-content-type-options": "nosniff",
    },
    body: render(),
  });
}

export function registerBrowserRoutes(router: Router, ctx: BrowserRoutesContext): void {
  warmBundles();
  // The script carries the address it was fetched from, not the one the page loads it from: a page
  // may load it in place of https://js.stripe.com/v3/ (a proxy or a test's route interception).
  const stripeJs = script("stripe-js", (code, req) =>
    code.replace('"__STRIPE_EMULATOR_PUBLIC_URL__"', JSON.stringify(servedFrom(req, ctx.publicUrl()))),
  );
  router.add("GET", "/v3/stripe.js", stripeJs);
  router.add("GET", "/v3", stripeJs);
  router.add("GET", "/endive/stripe.js", stripeJs);

  router.add("GET", "/elements/card-frame.html", html(cardFrameHtml));
  router.add("GET", "/elements/controller.html", html(controllerHtml));
  router.add("GET", "/elements/3ds.html", html(threeDSecureHtml));
  router.add("GET", "/elements/card-frame.js", script("card-frame"));
  router.add("GET", "/elements/controller.js", script("controller"));
  router.add("GET", "/elements/3ds.js", script("three-d-secure"));
}

/** The emulator's origin as the client that fetched the script reached it (Host header), else the public URL. */
function servedFrom(req: EmulatorRequest, publicUrl: string): string {
  const host = req.headers.host;
  if (!host || !/^[A-Za-z0-9.\-\[\]:]+$/.test(host)) return publicUrl;
  const proto = req.headers["x-forwarded-proto"] === "https" ? "https" : "http";
  return `${proto}://${host}`;
}
