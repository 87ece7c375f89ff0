import { db } from "@/lib/db";

export const SOLD_STATUSES = ["paid", "refunded"] as const;

export interface Sale {
  orderId: string;
  paidAt: Date;
  buyerName: string;
  buyerEmail: string;
  courseTitle: string;
  chargeType: string;
  currency: string;
  grossMinor: number;
  feeMinor: number;
  refundedMinor: number;
  /** Taken back from the seller by a lost dispute (direct charges only). */
  lostToDisputeMinor: number;
  netMinor: number;
}

export interface SaleAmounts {
  amountMinor: number;
  applicationFeeMinor: number | null;
  refundedMinor: number;
  feeRefundedMinor: number;
  chargeType?: string | null;
  disputeStatus?: string | null;
  disputeAmountMinor?: number | null;
}

/** What a lost dispute took back from whoever was charged: nothing unless the dispute was lost. */
export function lostToDisputeMinor(order: { disputeStatus?: string | null; disputeAmountMinor?: number | null }): number {
  return order.disputeStatus === "lost" ? (order.disputeAmountMinor ?? 0) : 0;
}

/**
 * The part of a lost dispute the seller bears. A direct charge lives on the seller's account, so
 * Stripe debits it there; on a destination charge Stripe debits the platform, and the seller's
 * transfer stands unless the platform reverses it (it does not).
 */
export function sellerLostToDisputeMinor(sale: SaleAmounts): number {
  return sale.chargeType === "direct" ? lostToDisputeMinor(sale) : 0;
}

/**
 * What the seller keeps of a sale: the price, less what was refunded to the buyer, less what a lost
 * dispute took from the seller's account, less the platform fee that was not refunded (Stripe keeps
 * the application fee when a dispute is lost). Stripe's own processing and dispute fees are not in
 * it: on destination charges the platform pays them, on direct charges Stripe takes them from the
 * seller's account.
 */
export function saleNetMinor(sale: SaleAmounts): number {
  const fee = (sale.applicationFeeMinor ?? 0) - sale.feeRefundedMinor;
  return sale.amountMinor - sale.refundedMinor - sellerLostToDisputeMinor(sale) - fee;
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
      disputeStatus: true,
      disputeAmountMinor: true,
      buyer: { select: { name: true, email: true } },
      course: { select: { title: true } },
    },
  });
  return orders.map((order) => ({
    orderId: order.id,
    paidAt: order.paidAt!,
    buyerName: order.buyer.name,
    buyerEmail: order.buyer.email,
    courseTitle: order.course.title,
    chargeType: order.chargeType ?? "platform",
    currency: order.currency,
    grossMinor: order.amountMinor,
    feeMinor: order.applicationFeeMinor ?? 0,
    refundedMinor: order.refundedMinor,
    lostToDisputeMinor: sellerLostToDisputeMinor(order),
    netMinor: saleNetMinor(order),
  }));
}

export interface MonthTotal {
  /** "2026-11" (UTC) */
  month: string;
  currency: string;
  count: number;
  grossMinor: number;
  feeMinor: number;
  refundedMinor: number;
  lostToDisputeMinor: number;
  netMinor: number;
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
    const total = totals.get(key) ?? { month, currency: sale.currency, count: 0, grossMinor: 0, feeMinor: 0, refundedMinor: 0, lostToDisputeMinor: 0, netMinor: 0 };
    total.count += 1;
    total.grossMinor += sale.grossMinor;
    total.feeMinor += sale.feeMinor;
    total.refundedMinor += sale.refundedMinor;
    total.lostToDisputeMinor += sale.lostToDisputeMinor;
    total.netMinor += sale.netMinor;
    totals.set(key, total);
  }
  return [...totals.values()].sort((a, b) => b.month.localeCompare(a.month) || a.currency.localeCompare(b.currency));
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
