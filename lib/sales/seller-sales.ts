import { db } from "@/lib/db";

export const SOLD_STATUSES = ["paid", "refunded"] as const;

/**
 * One line of a seller's ledger. Every amount is what moved on the seller's Stripe account for the
 * sale, so each row and each total adds up:
 *   net = gross − platform fee + fee refunded − refunds − disputes
 * Stripe's own processing and dispute fees are not in it (on direct charges Stripe takes them in
 * the seller's account; on destination charges the platform pays them).
 */
export interface LedgerAmounts {
  grossMinor: number;
  /** The application fee the platform took when the sale was paid. */
  feeMinor: number;
  /** The part of that fee given back with refunds. */
  feeRefundedMinor: number;
  /** Refunded to the buyer out of the seller's share (a direct charge's refund, a destination charge's transfer reversal). */
  refundedMinor: number;
  /** What disputes took from the seller's account and did not give back (direct charges only). */
  disputedMinor: number;
  netMinor: number;
}

export interface Sale extends LedgerAmounts {
  orderId: string;
  paidAt: Date;
  /** Sellers see their buyers' names, never their email addresses. */
  buyerName: string;
  courseTitle: string;
  chargeType: string;
  currency: string;
}

export interface SaleAmounts {
  amountMinor: number;
  applicationFeeMinor: number | null;
  refundedMinor: number;
  feeRefundedMinor: number;
  chargeType?: string | null;
  disputeWithdrawnMinor?: number;
}

/**
 * The part of a dispute the seller bears. A direct charge lives on the seller's account, so Stripe
 * withdraws the disputed amount there (and gives it back if the dispute is won); on a destination
 * charge Stripe debits the platform, and the seller's transfer stands unless the platform reverses
 * it (it does not).
 */
export function sellerDisputedMinor(sale: SaleAmounts): number {
  return sale.chargeType === "direct" ? (sale.disputeWithdrawnMinor ?? 0) : 0;
}

/** A sale's ledger line from its order (amounts as last read from Stripe). */
export function ledgerOf(sale: SaleAmounts): LedgerAmounts {
  const line = {
    grossMinor: sale.amountMinor,
    feeMinor: sale.applicationFeeMinor ?? 0,
    feeRefundedMinor: sale.feeRefundedMinor,
    refundedMinor: sale.refundedMinor,
    disputedMinor: sellerDisputedMinor(sale),
  };
  return { ...line, netMinor: line.grossMinor - line.feeMinor + line.feeRefundedMinor - line.refundedMinor - line.disputedMinor };
}

/** The seller's sales, newest first; ownership is part of the query. */
export async function listSellerSales(sellerId: string, options: { since?: Date; take?: number } = {}): Promise<Sale[]> {
  const orders = await db.order.findMany({
    where: {
      sellerId,
      status: { in: [...SOLD_STATUSES] },
      paidAt: options.since ? { gte: options.since } : { not: null },
    },
    orderBy: [{ paidAt: "desc" }, { id: "desc" }],
    take: options.take,
    select: {
      id: true,
      paidAt: true,
      amountMinor: true,
      currency: true,
      applicationFeeMinor: true,
      refundedMinor: true,
      feeRefundedMinor: true,
      chargeType: true,
      disputeWithdrawnMinor: true,
      buyer: { select: { name: true } },
      course: { select: { title: true } },
    },
  });
  return orders.map((order) => ({
    orderId: order.id,
    paidAt: order.paidAt!,
    buyerName: order.buyer.name,
    courseTitle: order.course.title,
    chargeType: order.chargeType ?? "platform",
    currency: order.currency,
    ...ledgerOf(order),
  }));
}

export interface MonthTotal extends LedgerAmounts {
  /** "2026-11" (UTC) */
  month: string;
  currency: string;
  count: number;
}

const LEDGER_KEYS = ["grossMinor", "feeMinor", "feeRefundedMinor", "refundedMinor", "disputedMinor", "netMinor"] as const;

/** Adds one ledger line into a running total (same currency only). */
export function addToLedger(total: LedgerAmounts, line: LedgerAmounts): void {
  for (const key of LEDGER_KEYS) total[key] += line[key];
}

export function emptyLedger(): LedgerAmounts {
  return { grossMinor: 0, feeMinor: 0, feeRefundedMinor: 0, refundedMinor: 0, disputedMinor: 0, netMinor: 0 };
}

export function monthOf(date: Date): string {
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, "0")}`;
}

/** The last `count` months up to and including the one `now` is in, oldest first. */
export function lastMonths(now: Date, count = 12): string[] {
  const months: string[] = [];
  for (let back = count - 1; back >= 0; back--) {
    months.push(monthOf(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1))));
  }
  return months;
}

/** Totals per month and currency (amounts in different currencies are never added), newest month first. */
export function monthlyTotals(sales: Sale[]): MonthTotal[] {
  const totals = new Map<string, MonthTotal>();
  for (const sale of sales) {
    const month = monthOf(sale.paidAt);
    const key = `${month}:${sale.currency}`;
    const total = totals.get(key) ?? { month, currency: sale.currency, count: 0, ...emptyLedger() };
    total.count += 1;
    addToLedger(total, sale);
    totals.set(key, total);
  }
  return [...totals.values()].sort((a, b) => b.month.localeCompare(a.month) || a.currency.localeCompare(b.currency));
}

/** Totals of every sale per currency, for the foot of the page and the CSV. */
export function currencyTotals(sales: Sale[]): Array<LedgerAmounts & { currency: string; count: number }> {
  const totals = new Map<string, LedgerAmounts & { currency: string; count: number }>();
  for (const sale of sales) {
    const total = totals.get(sale.currency) ?? { currency: sale.currency, count: 0, ...emptyLedger() };
    total.count += 1;
    addToLedger(total, sale);
    totals.set(sale.currency, total);
  }
  return [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}

export interface ChartSeries {
  currency: string;
  points: Array<{ month: string; netMinor: number }>;
}

/** Net per month for the last twelve months, in the currency the seller earned most sales in. */
export function chartSeries(totals: MonthTotal[], now: Date): ChartSeries {
  const months = lastMonths(now);
  const inWindow = totals.filter((total) => months.includes(total.month));
  const counts = new Map<string, number>();
  for (const total of inWindow) counts.set(total.currency, (counts.get(total.currency) ?? 0) + total.count);
  const currency = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? "usd";
  return {
    currency,
    points: months.map((month) => ({
      month,
      netMinor: inWindow.find((total) => total.month === month && total.currency === currency)?.netMinor ?? 0,
    })),
  };
}
