/**
 * The Content-Security-Policy of one page response. Scripts run only with the request's nonce
 * (and what those scripts load, through 'strict-dynamic'). Stripe's origins (or the emulator's)
 * are on every page, not only checkout and membership: a client-side navigation keeps the
 * policy of the page it started from, so the course page must already allow the Payment Element.
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

/** `storage`: where lesson videos and images may come from besides this site (an S3 endpoint). */
export function contentSecurityPolicy(nonce: string, stripe: StripeOrigins, storage: string[] = []): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...stripe.scripts],
    // React renders style attributes and Stripe.js sets inline styles on its frames.
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", ...storage],
    // blob: lets the upload form read a chosen video's length before sending it.
    "media-src": ["'self'", "blob:", ...storage],
    "font-src": ["'self'"],
    "connect-src": ["'self'", ...stripe.connect],
    "frame-src": stripe.frames,
    "frame-ancestors": ["'none'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    // Without script, a seller's form post is answered with a redirect to Stripe's hosted pages.
    "form-action": ["'self'", ...stripe.hostedPages],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");
}
