import { db } from "@/lib/db";
import { ledgerOf } from "@/lib/sales/seller-sales";

const DAY_MS = 86_400_000;
export const OVERVIEW_DAYS = 30;

export interface DayTotals {
  /** YYYY-MM-DD, UTC. */
  day: string;
  salesMinor: number;
  feesMinor: number;
}

/**
 * One currency's money in the window; amounts in different currencies are never added. It adds
 * up twice: sales = gross − refunds − disputes, and sales = fees kept + sellers' net + what
 * destination-charge disputes cost the platform (sellers keep their transfer).
 */
export interface CurrencyOverview {
  currency: string;
  orderCount: number;
  grossMinor: number;
  refundedMinor: number;
  /** What disputes took from whoever was charged (withdrawn less reinstated, every charge type). */
  disputedMinor: number;
  salesMinor: number;
  feeMinor: number;
  feeRefundedMinor: number;
  /** Platform fees less fee refunds (a dispute leaves the application fee with the platform). */
  feesKeptMinor: number;
  /** The sum of the sellers' ledgers (lib/sales/seller-sales.ts). */
  sellersNetMinor: number;
  days: DayTotals[];
}

export interface MoneyOverview {
  /** Most orders first; empty when nothing was sold in the window. */
  currencies: CurrencyOverview[];
  /** Pending orders whose last payment attempt was declined, made in the window. */
  failedPayments: number;
  failedEvents: number;
  /** Emails the outbox gave up on (after every retry, or refused for good by the mail server). */
  failedEmails: number;
  pastDueMemberships: number;
}

function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** What an admin checks daily, for the last 30 UTC days including today, currency by currency. */
export async function getMoneyOverview(now: Date = new Date()): Promise<MoneyOverview> {
  const today = Date.parse(`${dayOf(now)}T00:00:00Z`);
  const start = new Date(today - (OVERVIEW_DAYS - 1) * DAY_MS);
  const [orders, failedPayments, failedEvents, failedEmails, pastDueMemberships] = await Promise.all([
    db.order.findMany({
      where: { paidAt: { gte: start }, status: { in: ["paid", "refunded"] } },
      select: {
        paidAt: true,
        currency: true,
        amountMinor: true,
        refundedMinor: true,
        applicationFeeMinor: true,
        feeRefundedMinor: true,
        chargeType: true,
        disputeWithdrawnMinor: true,
      },
    }),
    db.order.count({ where: { status: "pending", lastPaymentError: { not: null }, createdAt: { gte: start } } }),
    db.stripeEvent.count({ where: { status: "failed" } }),
    db.outboxEmail.count({ where: { status: "failed" } }),
    db.membership.count({ where: { status: "past_due" } }),
  ]);

  const byCurrency = new Map<string, CurrencyOverview>();
  for (const order of orders) {
    if (!order.paidAt) continue;
    let overview = byCurrency.get(order.currency);
    if (!overview) {
      overview = {
        currency: order.currency,
        orderCount: 0,
        grossMinor: 0,
        refundedMinor: 0,
        disputedMinor: 0,
        salesMinor: 0,
        feeMinor: 0,
        feeRefundedMinor: 0,
        feesKeptMinor: 0,
        sellersNetMinor: 0,
        days: Array.from({ length: OVERVIEW_DAYS }, (_, index) => ({ day: dayOf(new Date(start.getTime() + index * DAY_MS)), salesMinor: 0, feesMinor: 0 })),
      };
      byCurrency.set(order.currency, overview);
    }
    const entry = overview.days.find((day) => day.day === dayOf(order.paidAt!));
    if (!entry) continue;
    const sales = order.amountMinor - order.refundedMinor - order.disputeWithdrawnMinor;
    const feesKept = (order.applicationFeeMinor ?? 0) - order.feeRefundedMinor;
    overview.orderCount += 1;
    overview.grossMinor += order.amountMinor;
    overview.refundedMinor += order.refundedMinor;
    overview.disputedMinor += order.disputeWithdrawnMinor;
    overview.salesMinor += sales;
    overview.feeMinor += order.applicationFeeMinor ?? 0;
    overview.feeRefundedMinor += order.feeRefundedMinor;
    overview.feesKeptMinor += feesKept;
    overview.sellersNetMinor += ledgerOf(order).netMinor;
    entry.salesMinor += sales;
    entry.feesMinor += feesKept;
  }
  const currencies = [...byCurrency.values()].sort((a, b) => b.orderCount - a.orderCount || a.currency.localeCompare(b.currency));
  return { currencies, failedPayments, failedEvents, failedEmails, pastDueMemberships };
}
