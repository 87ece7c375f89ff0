import { CURRENCIES, isCurrency } from "@/lib/money";
import type { Sale } from "./seller-sales";

const HEADER = ["paid_at", "order_id", "buyer", "buyer_email", "course", "charge_type", "currency", "gross", "platform_fee", "refunded", "lost_to_dispute", "net"];

/** Amounts in the major unit with a dot ("19.99", "1500" for JPY), as spreadsheets read them. */
export function majorAmount(minor: number, currency: string): string {
  const exponent = isCurrency(currency) ? CURRENCIES[currency].exponent : 2;
  const sign = minor < 0 ? "-" : "";
  const digits = String(Math.abs(minor));
  if (exponent === 0) return `${sign}${digits}`;
  const padded = digits.padStart(exponent + 1, "0");
  return `${sign}${padded.slice(0, -exponent)}.${padded.slice(-exponent)}`;
}

/**
 * One CSV cell. Text that a spreadsheet would run as a formula (starting with = + - @ or a tab
 * or carriage return) gets a leading apostrophe, since buyer names and course titles are typed
 * by other people; then the cell is quoted when it holds a quote, comma or line break.
 */
export function csvCell(value: string, { text = true }: { text?: boolean } = {}): string {
  const safe = text && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function salesCsv(sales: Sale[]): string {
  const lines = [HEADER.join(",")];
  for (const sale of sales) {
    const money = (minor: number) => csvCell(majorAmount(minor, sale.currency), { text: false });
    lines.push(
      [
        csvCell(sale.paidAt.toISOString(), { text: false }),
        csvCell(sale.orderId),
        csvCell(sale.buyerName),
        csvCell(sale.buyerEmail),
        csvCell(sale.courseTitle),
        csvCell(sale.chargeType),
        csvCell(sale.currency.toUpperCase()),
        money(sale.grossMinor),
        money(sale.feeMinor),
        money(sale.refundedMinor),
        money(sale.lostToDisputeMinor),
        money(sale.netMinor),
      ].join(","),
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}
