import { decimalToMinor, formatMinor, isCurrency, precisionMessage, type ParseResult } from "@/lib/money";

/**
 * A refund typed in the currency's major unit ("5", "12.50"), checked against what is left.
 * Unlike a price it has no Stripe minimum: any positive amount up to the remainder can go back.
 */
export function parseRefundAmount(input: string, currency: string, remainingMinor: number): ParseResult {
  if (!isCurrency(currency)) return { ok: false, message: "This order's currency is not supported." };
  const parsed = decimalToMinor(input, currency);
  if (!parsed.ok) {
    if (parsed.problem === "empty") return { ok: false, message: "Enter the amount to refund." };
    if (parsed.problem === "precision") return { ok: false, message: precisionMessage(currency) };
    return { ok: false, message: "Enter the amount as a number, like 12.50." };
  }
  const { minor } = parsed;
  if (minor <= 0) return { ok: false, message: "The refund must be more than zero." };
  if (minor > remainingMinor) {
    return {
      ok: false,
      message:
        remainingMinor > 0
          ? `That is more than is left to refund: at most ${formatMinor(remainingMinor, currency)}.`
          : "Nothing is left to refund on this order.",
    };
  }
  return { ok: true, minor };
}
