// Card field validation with Stripe.js's wording (pure functions, no browser needed).
import { expect, test } from "@playwright/test";
import {
  cardBrand,
  checkCvc,
  checkExpiry,
  checkNumber,
  checkPostalCode,
  formatExpiry,
  formatNumber,
  luhnValid,
} from "../../src/browser/client/card-validation.js";

const NOW = new Date(2026, 4, 15); // May 2026

test("brands, grouping and Luhn", () => {
  expect(cardBrand("4242")).toBe("visa");
  expect(cardBrand("5555")).toBe("mastercard");
  expect(cardBrand("2223")).toBe("mastercard");
  expect(cardBrand("3782")).toBe("amex");
  expect(cardBrand("6011")).toBe("discover");
  expect(formatNumber("4242424242424242")).toBe("4242 4242 4242 4242");
  expect(formatNumber("378282246310005")).toBe("3782 822463 10005");
  expect(luhnValid("4242424242424242")).toBe(true);
  expect(luhnValid("4242424242424241")).toBe(false);
});

test("card number messages", () => {
  expect(checkNumber("").empty).toBe(true);
  expect(checkNumber("4242 42").error?.message).toBe("Your card number is incomplete.");
  expect(checkNumber("4242 4242 4242 4241").error).toEqual({ code: "invalid_number", message: "Your card number is invalid." });
  expect(checkNumber("4242 4242 4242 4242")).toEqual({ empty: false, complete: true });
  expect(checkNumber("3782 822463 10005").complete).toBe(true);
});

test("expiry formatting and messages", () => {
  expect(formatExpiry("4")).toBe("04 / ");
  expect(formatExpiry("12")).toBe("12 / ");
  expect(formatExpiry("12", true)).toBe("12");
  expect(formatExpiry("1234")).toBe("12 / 34");
  expect(checkExpiry("1", NOW).error?.message).toBe("Your card's expiration date is incomplete.");
  expect(checkExpiry("01 / 20", NOW).error?.message).toBe("Your card's expiration year is in the past.");
  expect(checkExpiry("04 / 26", NOW).error?.message).toBe("Your card's expiration date is in the past.");
  expect(checkExpiry("13 / 30", NOW).error?.code).toBe("invalid_expiry_month");
  expect(checkExpiry("05 / 26", NOW).complete).toBe(true);
});

test("CVC and postal code messages", () => {
  expect(checkCvc("12", "visa").error?.message).toBe("Your card's security code is incomplete.");
  expect(checkCvc("123", "visa").complete).toBe(true);
  expect(checkCvc("123", "amex").complete).toBe(false);
  expect(checkPostalCode("941").error?.message).toBe("Your postal code is incomplete.");
  expect(checkPostalCode("94103").complete).toBe(true);
  expect(checkPostalCode("SW1A 1AA").complete).toBe(true);
});
