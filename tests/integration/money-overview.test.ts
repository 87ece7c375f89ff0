import "./support/test-database";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getMoneyOverview } from "@/lib/orders/money-overview";
import { makeCourse, makeUser } from "./support/factories";

const NOW = new Date("2026-06-30T15:00:00Z");
let key = 0;

async function order(fields: { status: string; paidAt?: string; createdAt?: string; amountMinor?: number; currency?: string; fee?: number; refunded?: number; feeRefunded?: number; lastPaymentError?: string; dispute?: { status: string; amountMinor: number } }) {
  const seller = await makeUser("seller");
  const buyer = await makeUser("buyer");
  const course = await makeCourse(seller.id);
  await db.order.create({
    data: {
      buyerId: buyer.id,
      sellerId: seller.id,
      courseId: course.id,
      idempotencyKey: `overview-${key++}`,
      status: fields.status,
      amountMinor: fields.amountMinor ?? 2000,
      currency: fields.currency ?? "usd",
      applicationFeeMinor: fields.fee ?? 200,
      refundedMinor: fields.refunded ?? 0,
      feeRefundedMinor: fields.feeRefunded ?? 0,
      lastPaymentError: fields.lastPaymentError ?? null,
      disputeStatus: fields.dispute?.status ?? null,
      disputeAmountMinor: fields.dispute?.amountMinor ?? null,
      paidAt: fields.paidAt ? new Date(fields.paidAt) : null,
      createdAt: new Date(fields.createdAt ?? fields.paidAt ?? "2026-06-29T00:00:00Z"),
    },
  });
}

beforeAll(async () => {
  await order({ status: "paid", paidAt: "2026-06-30T09:00:00Z" });
  await order({ status: "paid", paidAt: "2026-06-30T23:59:59Z", amountMinor: 1000, fee: 100 });
  // Partly refunded, with its fee refunded in proportion.
  await order({ status: "paid", paidAt: "2026-06-01T00:00:00Z", refunded: 500, feeRefunded: 50 });
  await order({ status: "refunded", paidAt: "2026-06-15T12:00:00Z", refunded: 2000, feeRefunded: 200 });
  // Disputes: a lost one takes the sale back but leaves the fee; a won one changes nothing.
  await order({ status: "paid", paidAt: "2026-06-10T08:00:00Z", dispute: { status: "lost", amountMinor: 2000 } });
  await order({ status: "paid", paidAt: "2026-06-11T08:00:00Z", dispute: { status: "won", amountMinor: 2000 } });
  // Just outside the 30 days, another currency, and not paid.
  await order({ status: "paid", paidAt: "2026-05-31T23:59:59Z" });
  await order({ status: "paid", paidAt: "2026-06-20T10:00:00Z", currency: "eur" });
  await order({ status: "pending", createdAt: "2026-06-29T10:00:00Z", lastPaymentError: "Your card was declined." });
  await order({ status: "pending", createdAt: "2026-06-29T11:00:00Z" });
  await order({ status: "pending", createdAt: "2026-05-01T11:00:00Z", lastPaymentError: "Your card was declined." });
  const member = await makeUser("buyer");
  await db.membership.create({ data: { userId: member.id, status: "past_due", stripeSubscriptionId: "sub_overview_past_due" } });
  await db.stripeEvent.create({ data: { id: "evt_overview_failed", type: "invoice.paid", status: "failed", payload: "{}", createdAt: NOW } });
  await db.outboxEmail.createMany({
    data: ["failed", "sent", "queued"].map((status) => ({ dedupeKey: `overview:${status}`, kind: "sale", toAddress: "b@example.com", subject: "s", textBody: "b", status })),
  });
});

describe("the admin's money overview", () => {
  it("sums sales and fees less refunds and lost disputes per UTC day over the last 30 days, in the main currency", async () => {
    const overview = await getMoneyOverview(NOW);
    expect(overview.days).toHaveLength(30);
    expect(overview.days[0].day).toBe("2026-06-01");
    expect(overview.days.at(-1)).toEqual({ day: "2026-06-30", salesMinor: 3000, feesMinor: 300 });
    expect(overview.days[0]).toEqual({ day: "2026-06-01", salesMinor: 1500, feesMinor: 150 });
    expect(overview.days[14]).toEqual({ day: "2026-06-15", salesMinor: 0, feesMinor: 0 });
    expect(overview.days[9]).toEqual({ day: "2026-06-10", salesMinor: 0, feesMinor: 200 });
    expect(overview.days[10]).toEqual({ day: "2026-06-11", salesMinor: 2000, feesMinor: 200 });
    expect(overview).toMatchObject({ currency: "usd", salesMinor: 6500, feesMinor: 850, lostToDisputesMinor: 2000, orderCount: 6, otherCurrencies: ["eur"] });
  });

  it("counts failed payments in the window, failed events, failed emails and past-due memberships", async () => {
    expect(await getMoneyOverview(NOW)).toMatchObject({ failedPayments: 1, failedEvents: 1, failedEmails: 1, pastDueMemberships: 1 });
  });
});
