// Checks shared by PaymentIntent and SetupIntent endpoints.
import type { ApiContext } from "../http/api.js";
import { invalidRequest } from "../http/errors.js";
import type { StripeObject } from "../store/store.js";

/** The statuses in which an intent (PaymentIntent or SetupIntent) may be updated, confirmed or, for a SetupIntent, canceled. */
export const AWAITING_CONFIRMATION: readonly string[] = ["requires_payment_method", "requires_confirmation", "requires_action"];

/** With a publishable key, Stripe requires the intent's client_secret. */
export function checkClientSecret(ctx: ApiContext, intent: StripeObject): void {
  if (!ctx.publishable) return;
  const secret = ctx.params.str("client_secret");
  if (!secret || secret !== intent.client_secret) {
    throw invalidRequest(
      `The client_secret provided does not match the client_secret associated with the ${intent.object === "setup_intent" ? "SetupIntent" : "PaymentIntent"}.`,
      "client_secret",
    );
  }
}

export function checkAccountParam(ctx: ApiContext, id: string, param: string): void {
  const r = ctx.emu.store.record(id);
  if (!r || r.object !== "account" || r.deleted) {
    throw invalidRequest(`No such destination: '${id}'`, param, "resource_missing");
  }
}

export const MINIMUM_AMOUNTS: Record<string, number> = {
  usd: 50, eur: 50, gbp: 30, cad: 50, aud: 50, chf: 50, jpy: 50, nzd: 50, sgd: 50, hkd: 400, sek: 300, nok: 300, dkk: 250,
};

export function checkAmount(amount: number, currency: string, param = "amount"): void {
  const min = MINIMUM_AMOUNTS[currency] ?? 1;
  if (amount < min) {
    const formatted = currency === "jpy" ? `${min}` : (min / 100).toFixed(2);
    throw invalidRequest(`Amount must be at least ${currency === "usd" ? "$" : ""}${formatted} ${currency}`, param, "amount_too_small");
  }
  if (amount > 99_999_999) throw invalidRequest("Amount must be no more than $999,999.99", param, "amount_too_large");
}
