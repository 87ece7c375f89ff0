import type { StripeError } from "@stripe/stripe-js";
import { describe, expect, it } from "vitest";
import { paymentErrorMessage } from "@/components/payments/payment-error-message";
import { CURRENCIES, CURRENCY_CODES, formatMinor, minorToMajorString } from "@/lib/money";
import { cardLabel } from "@/lib/payments/card-label";

describe("minor units per currency", () => {
  it.each(CURRENCY_CODES)("%s: 12345 minor units shown with the currency's own decimals", (currency) => {
    const { exponent } = CURRENCIES[currency];
    const major = minorToMajorString(12345, currency);
    expect(major).toBe(exponent === 0 ? "12345" : "123.45");
    const formatted = formatMinor(12345, currency);
    const decimals = /[.,](\d+)\D*$/.exec(formatted.replace(/,(?=\d{3}\b)/g, ""))?.[1]?.length ?? 0;
    expect(decimals).toBe(exponent);
  });

  it.each([
    [50, "usd", "$0.50"],
    [100, "jpy", "¥100"],
    [300, "sek", "SEK 3.00"],
    [99_999_999, "usd", "$999,999.99"],
  ])("%d %s → %s", (minor, currency, expected) => {
    expect(formatMinor(minor, currency).replace(/\u00a0/g, " ")).toBe(expected);
  });
});

describe("payment error messages for buyers", () => {
  const error = (fields: Partial<StripeError>) => ({ type: "api_error", ...fields }) as StripeError;
  it.each([
    [error({ type: "card_error", code: "card_declined", message: "Your card was declined." }), "Your card was declined."],
    [error({ type: "card_error", code: "insufficient_funds", message: "Your card has insufficient funds." }), "Your card has insufficient funds."],
    [error({ type: "validation_error", code: "incomplete_number", message: "Your card number is incomplete." }), "Your card number is incomplete."],
    [
      error({ type: "invalid_request_error", code: "payment_intent_authentication_failure", message: "We are unable to authenticate your payment method." }),
      "Your bank could not confirm the payment. Please try again or use another card.",
    ],
    [error({ type: "invalid_request_error", message: "No such payment_intent: 'pi_123'" }), "The payment could not be completed. Nothing was charged; please try again."],
    [error({ type: "api_error", message: "Internal error" }), "The payment could not be completed. Nothing was charged; please try again."],
  ])("%#: never shows integration internals", (input, expected) => {
    expect(paymentErrorMessage(input)).toBe(expected);
  });
});

describe("cardLabel", () => {
  it.each([
    ["visa", "4242", "Visa ending 4242"],
    ["amex", "0005", "American Express ending 0005"],
    ["cartes_bancaires", "1234", "Cartes Bancaires ending 1234"],
    ["link_debit", "9999", "Link debit ending 9999"],
  ])("%s %s → %s", (brand, last4, expected) => expect(cardLabel(brand, last4)).toBe(expected));
});
