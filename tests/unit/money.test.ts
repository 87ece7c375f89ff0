import { describe, expect, it } from "vitest";
import {
  applicationFeeMinor,
  formatBasisPoints,
  formatMinor,
  minorToMajorString,
  parseMajorAmount,
  parsePercentToBasisPoints,
  type Currency,
} from "@/lib/money";

describe("parseMajorAmount", () => {
  const cases: Array<[string, Currency, number | string]> = [
    ["19.99", "usd", 1999],
    ["49", "usd", 4900],
    ["49.0", "usd", 4900],
    ["0.50", "usd", 50],
    ["1,299.00", "usd", 129900],
    [" 7.5 ", "eur", 750],
    ["1500", "jpy", 1500],
    ["0.30", "gbp", 30],
    ["999999.99", "usd", 99999999],
    ["", "usd", "Enter a price."],
    ["-5", "usd", "The price cannot be negative."],
    ["abc", "usd", "Enter the price as a number, like 19.99."],
    ["1e3", "usd", "Enter the price as a number, like 19.99."],
    ["1,5", "usd", "Enter the price as a number, like 19.99."],
    ["12,50", "eur", "Enter the price as a number, like 19.99."],
    ["1,2345.00", "usd", "Enter the price as a number, like 19.99."],
    ["12,345", "usd", 1234500],
    ["19.999", "usd", "Use at most 2 decimal places."],
    ["15.5", "jpy", "JPY has no minor unit: enter a whole number."],
    ["0.49", "usd", "The lowest price Stripe accepts is $0.50."],
    ["0", "usd", "The lowest price Stripe accepts is $0.50."],
    ["1000000", "usd", "The highest price is $999,999.99."],
  ];
  it.each(cases)("%j %s → %j", (input, currency, expected) => {
    const result = parseMajorAmount(input, currency);
    if (typeof expected === "number") expect(result).toEqual({ ok: true, minor: expected });
    else expect(result).toEqual({ ok: false, message: expected });
  });

  it("round-trips through minorToMajorString", () => {
    for (const [minor, currency] of [[1999, "usd"], [5, "usd"], [4900, "eur"], [1500, "jpy"]] as const) {
      const parsedBack = parseMajorAmount(minorToMajorString(minor, currency), currency);
      if (minor >= 50) expect(parsedBack).toEqual({ ok: true, minor });
    }
    expect(minorToMajorString(5, "usd")).toBe("0.05");
    expect(minorToMajorString(1500, "jpy")).toBe("1500");
  });
});

describe("formatMinor", () => {
  it.each([
    [1999, "usd", "$19.99"],
    [4900, "usd", "$49.00"],
    [129900, "eur", "€1,299.00"],
    [1500, "jpy", "¥1,500"],
    [30, "gbp", "£0.30"],
  ])("%d %s → %s", (minor, currency, expected) => {
    expect(formatMinor(minor, currency)).toBe(expected);
  });
});

describe("parsePercentToBasisPoints", () => {
  it.each([
    ["10", 1000],
    ["12.5", 1250],
    ["12.25%", 1225],
    ["0", 0],
    ["100", 10000],
  ])("%s → %d", (input, expected) => {
    expect(parsePercentToBasisPoints(input)).toEqual({ ok: true, minor: expected });
  });
  it.each(["-1", "100.01", "12.345", "ten", ""])("%j is refused", (input) => {
    expect(parsePercentToBasisPoints(input).ok).toBe(false);
  });
  it("formats back", () => {
    expect(formatBasisPoints(1250)).toBe("12.5 %");
    expect(formatBasisPoints(1000)).toBe("10 %");
    expect(formatBasisPoints(1225)).toBe("12.25 %");
  });
});

describe("applicationFeeMinor", () => {
  it.each([
    // amount, basis points, fee
    [1999, 1000, 200], // 199.9 → 200
    [4900, 1250, 613], // 612.5 → 613 (half up)
    [1000, 0, 0],
    [1000, 10000, 1000],
    [1, 1000, 0], // 0.1 → 0
    [5, 1000, 1], // 0.5 → 1
    [50, 333, 2], // 1.665 → 2
    [1500, 1000, 150], // zero-decimal currency: whole yen
    [99_999_999, 10_000, 99_999_999],
    [0, 2500, 0],
    // zero-decimal currencies (JPY): the fee is whole yen, rounded like cents
    [50, 1000, 5], // Stripe's JPY minimum
    [55, 1250, 7], // 6.875 → 7
    [105, 1000, 11], // 10.5 → 11 (half up)
    [999, 999, 100], // 99.8001 → 100
    // 0 % and 100 %
    [99_999_999, 0, 0],
    [50, 10_000, 50],
    [1, 10_000, 1],
    // tiny amounts and tiny rates
    [1, 5000, 1], // 0.5 → 1
    [1, 4999, 0], // 0.4999 → 0
    [3, 1667, 1], // 0.5001 → 1
    [99_999_999, 1, 10_000], // 9 999.9999 → 10 000
    [30, 1, 0],
  ])("%d at %d bp → %d", (amount, bps, fee) => {
    expect(applicationFeeMinor(amount, bps)).toBe(fee);
  });
  it("refuses fractions and out-of-range inputs", () => {
    expect(() => applicationFeeMinor(10.5, 100)).toThrow(RangeError);
    expect(() => applicationFeeMinor(-1, 100)).toThrow(RangeError);
    expect(() => applicationFeeMinor(100, 10001)).toThrow(RangeError);
    expect(() => applicationFeeMinor(100, 12.5)).toThrow(RangeError);
  });
});
