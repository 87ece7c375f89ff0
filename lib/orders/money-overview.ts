import { db } from "@/lib/db";
import { lostToDisputeMinor } from "@/lib/sales/seller-sales";

const DAY_MS = 86_400_000;
export const OVERVIEW_DAYS = 30;

export interface DayTotals {
  /** YYYY-MM-DD, UTC. */
  day: string;
  salesMinor: number;
  feesMinor: number;
}

export interface MoneyOverview {
  /** The currency with the most sales in the window; the other currencies are in `otherCurrencies`. */
  currency: string;
  days: DayTotals[];
  salesMinor: number;
  feesMinor: number;
  /** Taken back by disputes lost on sales in the window (already out of `salesMinor`). */
  lostToDisputesMinor: number;
  orderCount: number;
  otherCurrencies: string[];
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

/**
 * What an admin checks daily, for the last 30 UTC days including today. Sales are what buyers
 * paid less what was refunded and what lost disputes took back; fees are the platform's
 * application fees less fee refunds (a lost dispute leaves the application fee with the platform).
 */
export async function getMoneyOverview(now: Date = new Date()): Promise<MoneyOverview> {
  const today = Date.parse(`${dayOf(now)}T00:00:00Z`);
  const start = new Date(today - (OVERVIEW_DAYS - 1) * DAY_MS);
  const [orders, failedPayments, failedEvents, failedEmails, pastDueMemberships] = await Promise.all([
    db.order.findMany({
      where: { paidAt: { gte: start }, status: { in: ["paid", "refunded"] } },
      select: { paidAt: true, currency: true, amountMinor: true, refundedMinor: true, applicationFeeMinor: true, feeRefundedMinor: true, disputeStatus: true, disputeAmountMinor: true },
    }),
    db.order.count({ where: { status: "pending", lastPaymentError: { not: null }, createdAt: { gte: start } } }),
    db.stripeEvent.count({ where: { status: "failed" } }),
    db.outboxEmail.count({ where: { status: "failed" } }),
    db.membership.count({ where: { status: "past_due" } }),
  ]);

  const counts = new Map<string, number>();
  for (const order of orders) counts.set(order.currency, (counts.get(order.currency) ?? 0) + 1);
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([currency]) => currency);
  const currency = ranked[0] ?? "usd";

  const days = Array.from({ length: OVERVIEW_DAYS }, (_, index) => ({ day: dayOf(new Date(start.getTime() + index * DAY_MS)), salesMinor: 0, feesMinor: 0 }));
  const byDay = new Map(days.map((entry) => [entry.day, entry]));
  let orderCount = 0;
  let lostToDisputesMinor = 0;
  for (const order of orders) {
    if (order.currency !== currency || !order.paidAt) continue;
    const entry = byDay.get(dayOf(order.paidAt));
    if (!entry) continue;
    orderCount += 1;
    const lost = lostToDisputeMinor(order);
    lostToDisputesMinor += lost;
    entry.salesMinor += order.amountMinor - order.refundedMinor - lost;
    entry.feesMinor += (order.applicationFeeMinor ?? 0) - order.feeRefundedMinor;
  }
  return {
    currency,
    days,
    salesMinor: days.reduce((sum, entry) => sum + entry.salesMinor, 0),
    feesMinor: days.reduce((sum, entry) => sum + entry.feesMinor, 0),
    lostToDisputesMinor,
    orderCount,
    otherCurrencies: ranked.slice(1),
    failedPayments,
    failedEvents,
    failedEmails,
    pastDueMemberships,
  };
}
