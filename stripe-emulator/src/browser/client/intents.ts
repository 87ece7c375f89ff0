// On the merchant page: PaymentIntent and SetupIntent calls with a client secret (retrieve,
// confirm, next actions, redirects), returning Stripe.js's `{intent}` / `{error}` results.
import type { Api } from "./bridge.js";
import { asDict, IntegrationError, type Dict } from "./errors.js";
import type { Params } from "./form.js";
import type { ClientError } from "./protocol.js";
import { openThreeDSecure } from "./three-d-secure.js";

export type IntentKind = "payment_intent" | "setup_intent";
export type IntentResult = { intent: Dict } | { error: ClientError };

export interface IntentContext {
  origin: string;
  publishableKey: string;
  stripeAccount?: string;
  api: Api;
}

const PATHS: Record<IntentKind, string> = { payment_intent: "/v1/payment_intents", setup_intent: "/v1/setup_intents" };

export function kindOf(clientSecret: unknown): IntentKind | null {
  if (typeof clientSecret !== "string" || !clientSecret.includes("_secret_")) return null;
  if (clientSecret.startsWith("pi_")) return "payment_intent";
  if (clientSecret.startsWith("seti_")) return "setup_intent";
  return null;
}

/** Throws like Stripe.js when a client secret is missing or of the wrong kind. */
export function requireSecret(clientSecret: unknown, kind: IntentKind, method: string): string {
  if (kindOf(clientSecret) !== kind) {
    const expected = kind === "payment_intent" ? "a PaymentIntent (pi_..._secret_...)" : "a SetupIntent (seti_..._secret_...)";
    throw new IntegrationError(`Invalid value for ${method}: expected the client secret of ${expected}, got ${JSON.stringify(clientSecret)}.`);
  }
  return clientSecret as string;
}

const idOf = (clientSecret: string): string => clientSecret.split("_secret_")[0];

export async function retrieveIntent(ctx: IntentContext, kind: IntentKind, clientSecret: string): Promise<IntentResult> {
  const reply = await ctx.api("GET", `${PATHS[kind]}/${idOf(clientSecret)}`, { client_secret: clientSecret });
  if (reply.body.error) return { error: reply.body.error as ClientError };
  return { intent: reply.body };
}

/** An API error with the intent attached, as Stripe.js reports a decline. */
async function withIntent(ctx: IntentContext, kind: IntentKind, clientSecret: string, error: unknown): Promise<ClientError> {
  const e = { ...(asDict(error) as ClientError) };
  if (!e[kind]) {
    const current = await retrieveIntent(ctx, kind, clientSecret);
    if ("intent" in current) e[kind] = current.intent;
  }
  return e;
}

export async function confirmIntent(
  ctx: IntentContext,
  kind: IntentKind,
  clientSecret: string,
  params: Params,
  handleActions = true,
): Promise<IntentResult> {
  const reply = await ctx.api("POST", `${PATHS[kind]}/${idOf(clientSecret)}/confirm`, { ...params, client_secret: clientSecret });
  if (reply.body.error) return { error: await withIntent(ctx, kind, clientSecret, reply.body.error) };
  if (reply.body.status === "requires_action" && handleActions) return handleAction(ctx, kind, clientSecret, reply.body);
  return { intent: reply.body };
}

function isEmulatorAuthPage(url: string, origin: string): boolean {
  try {
    const u = new URL(url);
    return u.origin === origin && u.pathname.startsWith("/3ds/");
  } catch {
    return false;
  }
}

/** Performs an intent's next_action: card authentication in the modal, other redirects by navigation. */
export async function handleAction(ctx: IntentContext, kind: IntentKind, clientSecret: string, intent: Dict): Promise<IntentResult> {
  const next = asDict(intent.next_action);
  if (next.type === "redirect_to_url") {
    const url = asDict(next.redirect_to_url).url;
    if (typeof url === "string" && !isEmulatorAuthPage(url, ctx.origin)) {
      window.location.assign(url);
      return new Promise(() => {});
    }
  } else if (next.type !== "use_stripe_sdk") {
    return {
      error: {
        type: "invalid_request_error",
        code: "emulator_unsupported",
        message: `The Stripe emulator's Stripe.js cannot perform next_action "${String(next.type)}".`,
        [kind]: intent,
      },
    };
  }
  const reply = await openThreeDSecure({ ...ctx, clientSecret, intent });
  if (reply.body.error) return { error: await withIntent(ctx, kind, clientSecret, reply.body.error) };
  const updated = reply.body;
  const lastError = kind === "payment_intent" ? updated.last_payment_error : updated.last_setup_error;
  if (updated.status === "requires_payment_method" && lastError) {
    return { error: { ...(asDict(lastError) as ClientError), [kind]: updated } };
  }
  return { intent: updated };
}

/** Sends the browser to return_url with the parameters Stripe adds; never resolves. */
export function redirectToReturnUrl(kind: IntentKind, intent: Dict, clientSecret: string, returnUrl: string): Promise<never> {
  const url = new URL(returnUrl, location.href);
  const status = intent.status === "succeeded" || intent.status === "requires_capture" ? "succeeded" : intent.status === "processing" ? "processing" : "failed";
  url.searchParams.set(kind, String(intent.id));
  url.searchParams.set(`${kind}_client_secret`, clientSecret);
  url.searchParams.set("redirect_status", status);
  window.location.assign(url.toString());
  return new Promise(() => {});
}
