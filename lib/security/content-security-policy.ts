/**
 * The Content-Security-Policy of one page response. Scripts run only with the request's nonce
 * (and what those scripts load, through 'strict-dynamic'); Stripe's origins (or the emulator's)
 * are added only on the pages that load Stripe.js or send the seller to Stripe.
 */
export interface StripeOrigins {
  scripts: string[];
  frames: string[];
  connect: string[];
  /** Where a seller is sent to connect or onboard an account. */
  hostedPages: string[];
}

const REAL_STRIPE: StripeOrigins = {
  scripts: ["https://js.stripe.com", "https://*.js.stripe.com"],
  frames: ["https://js.stripe.com", "https://*.js.stripe.com", "https://hooks.stripe.com"],
  connect: ["https://api.stripe.com", "https://m.stripe.network", "https://q.stripe.com"],
  hostedPages: ["https://connect.stripe.com"],
};

/** The emulator serves the Stripe.js stand-in, its frames, its API and its hosted pages from one origin. */
export function stripeOrigins(emulatorUrl: string | undefined): StripeOrigins {
  if (!emulatorUrl) return REAL_STRIPE;
  const origin = new URL(emulatorUrl).origin;
  return { scripts: [origin], frames: [origin], connect: [origin], hostedPages: [origin] };
}

const PAYMENT_PAGES = [/^\/checkout(\/|$)/, /^\/membership(\/|$)/];
const SELLER_PAGES = [/^\/seller(\/|$)/];

export type StripeUse = "payments" | "hosted-pages" | "none";

export function stripeUseOf(pathname: string): StripeUse {
  if (PAYMENT_PAGES.some((page) => page.test(pathname))) return "payments";
  if (SELLER_PAGES.some((page) => page.test(pathname))) return "hosted-pages";
  return "none";
}

export function contentSecurityPolicy(nonce: string, use: StripeUse, stripe: StripeOrigins): string {
  const payments = use === "payments";
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(payments ? stripe.scripts : [])],
    // React renders style attributes and Stripe.js sets inline styles on its frames.
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'", ...(payments ? stripe.connect : [])],
    "frame-src": payments ? stripe.frames : ["'none'"],
    "frame-ancestors": ["'none'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    // A seller's form posts to an action that answers with a redirect to Stripe's hosted pages.
    "form-action": ["'self'", ...(use === "hosted-pages" ? stripe.hostedPages : [])],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");
}
