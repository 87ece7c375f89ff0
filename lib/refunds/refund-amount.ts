import { CURRENCIES, formatMinor, isCurrency, type ParseResult } from "@/lib/money";

/**
 * A refund typed in the currency's major unit ("5", "12.50"), checked against what is left.
 * Unlike a price it has no Stripe minimum: any positive amount up to the remainder can go back.
 */
export function parseRefundAmount(input: string, currency: string, remainingMinor: number): ParseResult {
  if (!isCurrency(currency)) return { ok: false, message: "This order's currency is not supported." };
  const { exponent } = CURRENCIES[currency];
  const text = input.trim().replace(/,/g, "");
  if (text === "") return { ok: false, message: "Enter the amount to refund." };
  const match = /^(\d{1,12})(?:\.(\d+))?$/.exec(text);
  if (!match) return { ok: false, message: "Enter the amount as a number, like 12.50." };
  const [, whole, fraction = ""] = match;
  if (fraction.length > exponent) {
    return { ok: false, message: exponent === 0 ? `${currency.toUpperCase()} has no minor unit: enter a whole number.` : `Use at most ${exponent} decimal places.` };
  }
  const minor = Number(whole + fraction.padEnd(exponent, "0"));
  if (minor <= 0) return { ok: false, message: "The refund must be more than zero." };
  if (minor > remainingMinor) {
    return {
      ok: false,
      message: remainingMinor > 0
        ? `That is more than is left to refund: at most ${formatMinor(remainingMinor, currency)}.`
        : "Nothing is left to refund on this order.",
    };
  }
  return { ok: true, minor };
}
