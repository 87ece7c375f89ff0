import { describe, expect, it } from "vitest";
import { parseRefundAmount } from "@/lib/refunds/refund-amount";

describe("parseRefundAmount", () => {
  it.each([
    ["25.00", "usd", 2500, { ok: true, minor: 2500 }],
    ["0.01", "usd", 2500, { ok: true, minor: 1 }],
    ["12.5", "usd", 2500, { ok: true, minor: 1250 }],
    ["1,000", "jpy", 5000, { ok: true, minor: 1000 }],
    ["25.01", "usd", 2500, { ok: false, message: "That is more than is left to refund: at most $25.00." }],
    ["1", "usd", 0, { ok: false, message: "Nothing is left to refund on this order." }],
    ["0", "usd", 2500, { ok: false, message: "The refund must be more than zero." }],
    ["", "usd", 2500, { ok: false, message: "Enter the amount to refund." }],
    ["-5", "usd", 2500, { ok: false, message: "Enter the amount as a number, like 12.50." }],
    ["1e3", "usd", 2500, { ok: false, message: "Enter the amount as a number, like 12.50." }],
    ["1.005", "usd", 2500, { ok: false, message: "Use at most 2 decimal places." }],
    ["10.5", "jpy", 5000, { ok: false, message: "JPY has no minor unit: enter a whole number." }],
    ["5", "xyz", 5000, { ok: false, message: "This order's currency is not supported." }],
  ])("%s %s with %i left", (input, currency, remaining, expected) => {
    expect(parseRefundAmount(input, currency, remaining)).toEqual(expected);
  });
});
