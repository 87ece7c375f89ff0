// Turning card details, tokens and test IDs into PaymentMethod objects.
import { createHash } from "node:crypto";
import type { Emulator } from "../core/emulator.js";
import { newId } from "../core/ids.js";
import type { ApiContext } from "../http/api.js";
import { ApiError, invalidRequest, parameterMissing, resourceMissing } from "../http/errors.js";
import type { Params } from "../http/params.js";
import type { StripeObject } from "../store/store.js";
import { insertUsBankAccountPaymentMethod } from "./bank_accounts.js";
import { applyBillingDetails, emptyBillingDetails } from "./billing_details.js";
import { cardInfo, luhnValid, testCardNumberFor, type CardBehaviour } from "./test_cards.js";

export interface CardDetails {
  number: string;
  exp_month: number;
  exp_year: number;
  cvc?: string;
}

export interface PaymentMethodHidden {
  number: string;
  behaviour: CardBehaviour;
  /** Authenticated once for future off-session use (SetupIntent or setup_future_usage with 3-D Secure). */
  setUpForOffSession: boolean;
  /** Used once by a PaymentIntent without being attached: Stripe refuses to reuse or attach it. */
  consumed: boolean;
}

function cardError(code: string, message: string, param: string): ApiError {
  return new ApiError(402, { type: "card_error", code, message, param }, { saveIdempotent: false });
}

export function fingerprint(number: string): string {
  return createHash("sha256").update(`emulator:${number}`).digest("base64").replace(/[^A-Za-z0-9]/g, "").slice(0, 16);
}

/** Validates raw card fields as Stripe does when a card is tokenised. */
export function readCardDetails(emu: Emulator, card: Params, prefix = "card"): CardDetails {
  const number = (card.str("number") ?? "").replace(/[\s-]/g, "");
  if (!number) throw parameterMissing(`${prefix}[number]`);
  if (!luhnValid(number)) throw cardError("incorrect_number", "Your card number is incorrect.", `${prefix}[number]`);
  const expMonthRaw = card.str("exp_month");
  const expYearRaw = card.str("exp_year");
  if (!expMonthRaw) throw parameterMissing(`${prefix}[exp_month]`);
  if (!expYearRaw) throw parameterMissing(`${prefix}[exp_year]`);
  const expMonth = Number(expMonthRaw);
  let expYear = Number(expYearRaw);
  if (!Number.isInteger(expMonth) || expMonth < 1 || expMonth > 12) {
    throw cardError("invalid_expiry_month", "Your card's expiration month is invalid.", `${prefix}[exp_month]`);
  }
  if (!Number.isInteger(expYear)) {
    throw cardError("invalid_expiry_year", "Your card's expiration year is invalid.", `${prefix}[exp_year]`);
  }
  if (expYear < 100) expYear += 2000;
  const now = new Date(emu.now() * 1000);
  const nowYear = now.getUTCFullYear();
  const nowMonth = now.getUTCMonth() + 1;
  if (expYear < nowYear || (expYear === nowYear && expMonth < nowMonth) || expYear > nowYear + 50) {
    throw cardError("invalid_expiry_year", "Your card's expiration year is invalid.", `${prefix}[exp_year]`);
  }
  const cvc = card.str("cvc");
  if (cvc !== undefined && cvc !== "" && !/^\d{3,4}$/.test(cvc)) {
    throw cardError("invalid_cvc", "Your card's security code is invalid.", `${prefix}[cvc]`);
  }
  return { number, exp_month: expMonth, exp_year: expYear, cvc: cvc || undefined };
}

export function testCardDetails(emu: Emulator, number: string): CardDetails {
  const year = new Date(emu.now() * 1000).getUTCFullYear() + 1;
  return { number, exp_month: 12, exp_year: year, cvc: "123" };
}

export function cardSummary(details: CardDetails): StripeObject {
  const info = cardInfo(details.number);
  return {
    brand: info.brand,
    checks: {
      address_line1_check: null,
      address_postal_code_check: null,
      cvc_check: details.cvc ? (info.behaviour.cvcCheck ?? "pass") : null,
    },
    country: info.country,
    display_brand: info.brand,
    exp_month: details.exp_month,
    exp_year: details.exp_year,
    fingerprint: fingerprint(details.number),
    funding: info.funding,
    generated_from: null,
    last4: details.number.slice(-4),
    networks: { available: [info.brand], preferred: null },
    regulated_status: "unregulated",
    three_d_secure_usage: { supported: true },
    wallet: null,
  };
}

export function insertCardPaymentMethod(
  emu: Emulator,
  account: string | null,
  details: CardDetails,
  extra: { billing_details?: Params; metadata?: Record<string, string>; allow_redisplay?: string } = {},
): StripeObject {
  const pm: StripeObject = {
    id: newId("pm"),
    object: "payment_method",
    allow_redisplay: extra.allow_redisplay ?? "unspecified",
    billing_details: applyBillingDetails(emptyBillingDetails(), extra.billing_details),
    card: cardSummary(details),
    created: emu.now(),
    customer: null,
    customer_account: null,
    livemode: false,
    metadata: extra.metadata ?? {},
    type: "card",
  };
  const hidden: PaymentMethodHidden = {
    number: details.number,
    behaviour: cardInfo(details.number).behaviour,
    setUpForOffSession: false,
    consumed: false,
  };
  emu.store.insert(account, pm, hidden);
  return pm;
}

/** Consumes a token (tok_... created by /v1/tokens, or a test token like tok_visa) and returns its card details. */
export function cardFromToken(ctx: ApiContext, tokenId: string, param: string): CardDetails {
  const testNumber = testCardNumberFor(tokenId);
  if (testNumber) return testCardDetails(ctx.emu, testNumber);
  const r = ctx.emu.store.record(tokenId);
  if (!r || r.object !== "token" || r.account !== ctx.account) throw resourceMissing("token", tokenId, param);
  if (r.data.used) {
    throw invalidRequest(`You cannot use a Stripe token more than once: ${tokenId}.`, param, "token_already_used");
  }
  r.data.used = true;
  return r.hidden.details as CardDetails;
}

/**
 * Resolves a `payment_method` parameter: an existing pm_ of this account, or one of Stripe's
 * test IDs (pm_card_visa...), which creates a fresh PaymentMethod as Stripe does.
 */
export function resolvePaymentMethod(ctx: ApiContext, id: string, param = "payment_method"): StripeObject {
  const testNumber = testCardNumberFor(id);
  if (testNumber) return insertCardPaymentMethod(ctx.emu, ctx.account, testCardDetails(ctx.emu, testNumber));
  if (id.startsWith("tok_") || id.startsWith("card_")) {
    return insertCardPaymentMethod(ctx.emu, ctx.account, cardFromToken(ctx, id, param));
  }
  const r = ctx.emu.store.record(id);
  if (!r || r.object !== "payment_method" || r.deleted || r.account !== ctx.account) {
    throw resourceMissing("PaymentMethod", id, param);
  }
  return r.data;
}

export function pmHidden(emu: Emulator, pm: StripeObject): PaymentMethodHidden {
  return emu.store.hidden(pm.id) as PaymentMethodHidden;
}

/** Builds a PaymentMethod from `payment_method_data[...]` (what Stripe.js sends on confirm). */
export function paymentMethodFromData(ctx: ApiContext, data: Params): StripeObject {
  const type = data.str("type") ?? "card";
  if (type === "us_bank_account") {
    return insertUsBankAccountPaymentMethod(ctx.emu, ctx.account, data.obj("us_bank_account"), {
      billing_details: data.obj("billing_details"),
      metadata: data.metadata({}),
      prefix: "payment_method_data",
    });
  }
  if (type !== "card") throw invalidRequest(`The payment method type "${type}" is not supported by the emulator.`, "payment_method_data[type]");
  const card = data.obj("card");
  if (!card) throw parameterMissing("payment_method_data[card]");
  const token = card.str("token");
  const details = token ? cardFromToken(ctx, token, "payment_method_data[card][token]") : readCardDetails(ctx.emu, card, "payment_method_data[card]");
  return insertCardPaymentMethod(ctx.emu, ctx.account, details, {
    billing_details: data.obj("billing_details"),
    metadata: data.metadata({}),
  });
}
