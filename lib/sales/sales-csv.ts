import { CURRENCIES, isCurrency } from "@/lib/money";
import { currencyTotals, monthlyTotals, type LedgerAmounts, type Sale } from "./seller-sales";

const HEADER = [
  "row",
  "period",
  "order_id",
  "buyer",
  "course",
  "charge_type",
  "currency",
  "sales",
  "gross",
  "platform_fee",
  "fee_refunded",
  "refunds",
  "disputes",
  "net",
];

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
 * One CSV cell. Every text cell is quoted, so a separator a spreadsheet guesses (`;` in many
 * locales, `,`, a tab) or a line break inside it never splits it; text that a spreadsheet would
 * run as a formula (starting with = + - @ or a tab or carriage return) also gets a leading
 * apostrophe, since buyer names and course titles are typed by other people. Numbers and dates
 * we write ourselves stay bare so spreadsheets read them as numbers.
 */
export function csvCell(value: string, { text = true }: { text?: boolean } = {}): string {
  if (!text) return value;
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

function ledgerCells(line: LedgerAmounts, currency: string): string[] {
  const money = (minor: number) => csvCell(majorAmount(minor, currency), { text: false });
  return [
    money(line.grossMinor),
    money(line.feeMinor),
    money(line.feeRefundedMinor),
    money(line.refundedMinor),
    money(line.disputedMinor),
    money(line.netMinor),
  ];
}

/**
 * The seller's ledger: one `sale` row per sale, then a `month` row per month and currency and a
 * `total` row per currency, each adding up as the page does (net = gross − platform_fee +
 * fee_refunded − refunds − disputes). The `row` column tells them apart for a spreadsheet filter.
 */
export function salesCsv(sales: Sale[]): string {
  const lines = [HEADER.join(",")];
  for (const sale of sales) {
    lines.push(
      [
        csvCell("sale"),
        csvCell(sale.paidAt.toISOString(), { text: false }),
        csvCell(sale.orderId),
        csvCell(sale.buyerName),
        csvCell(sale.courseTitle),
        csvCell(sale.chargeType),
        csvCell(sale.currency.toUpperCase()),
        "1",
        ...ledgerCells(sale, sale.currency),
      ].join(","),
    );
  }
  for (const total of monthlyTotals(sales)) {
    lines.push(
      [csvCell("month"), csvCell(total.month), "", "", "", "", csvCell(total.currency.toUpperCase()), String(total.count), ...ledgerCells(total, total.currency)].join(","),
    );
  }
  for (const total of currencyTotals(sales)) {
    lines.push(
      [csvCell("total"), csvCell("all"), "", "", "", "", csvCell(total.currency.toUpperCase()), String(total.count), ...ledgerCells(total, total.currency)].join(","),
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}
