import "./support/test-database";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getMoneyOverview } from "@/lib/orders/money-overview";
import { makeCourse, makeUser } from "./support/factories";

const NOW = new Date("2026-06-30T15:00:00Z");
let key = 0;

async function order(fields: { status: string; paidAt?: string; createdAt?: string; amountMinor?: number; currency?: string; fee?: number; refunded?: number; feeRefunded?: number; lastPaymentError?: string; dispute?: { status: string; amountMinor: number; withdrawnMinor: number } }) {
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
      disputeWithdrawnMinor: fields.dispute?.withdrawnMinor ?? 0,
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
  // Disputes: a lost one takes the sale back but leaves the fee; a won one gave the money back.
  await order({ status: "paid", paidAt: "2026-06-10T08:00:00Z", dispute: { status: "lost", amountMinor: 2000, withdrawnMinor: 2000 } });
  await order({ status: "paid", paidAt: "2026-06-11T08:00:00Z", dispute: { status: "won", amountMinor: 2000, withdrawnMinor: 0 } });
  // Just outside the 30 days, another currency, and not paid.
  await order({ status: "paid", paidAt: "2026-05-31T23:59:59Z" });
  // Fewer orders in EUR, but larger: its figures must never mix with the USD count.
  await order({ status: "paid", paidAt: "2026-06-20T10:00:00Z", currency: "eur", amountMinor: 90000, fee: 9000 });
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
  it("sums gross, refunds, disputes, sales and fees per UTC day over the last 30 days, each currency on its own", async () => {
    const { currencies } = await getMoneyOverview(NOW);
    expect(currencies.map((c) => c.currency)).toEqual(["usd", "eur"]);
    const [usd, eur] = currencies;
    expect(usd!.days).toHaveLength(30);
    expect(usd!.days[0].day).toBe("2026-06-01");
    expect(usd!.days.at(-1)).toEqual({ day: "2026-06-30", salesMinor: 3000, feesMinor: 300 });
    expect(usd!.days[0]).toEqual({ day: "2026-06-01", salesMinor: 1500, feesMinor: 150 });
    expect(usd!.days[14]).toEqual({ day: "2026-06-15", salesMinor: 0, feesMinor: 0 });
    expect(usd!.days[9]).toEqual({ day: "2026-06-10", salesMinor: 0, feesMinor: 200 });
    expect(usd!.days[10]).toEqual({ day: "2026-06-11", salesMinor: 2000, feesMinor: 200 });
    expect(usd).toMatchObject({
      orderCount: 6,
      grossMinor: 11000,
      refundedMinor: 2500,
      disputedMinor: 2000,
      salesMinor: 6500,
      feeMinor: 1100,
      feeRefundedMinor: 250,
      feesKeptMinor: 850,
      sellersNetMinor: 7650,
    });
    // It adds up: sales = gross − refunds − disputes = fees kept + sellers' net − the destination dispute the platform bore.
    expect(usd!.grossMinor - usd!.refundedMinor - usd!.disputedMinor).toBe(usd!.salesMinor);
    expect(usd!.feesKeptMinor + usd!.sellersNetMinor - 2000).toBe(usd!.salesMinor);
    expect(eur).toMatchObject({ orderCount: 1, grossMinor: 90000, salesMinor: 90000, feesKeptMinor: 9000, sellersNetMinor: 81000 });
    expect(eur!.days.find((day) => day.day === "2026-06-20")).toEqual({ day: "2026-06-20", salesMinor: 90000, feesMinor: 9000 });
  });

  it("counts failed payments in the window, failed events, failed emails and past-due memberships", async () => {
    expect(await getMoneyOverview(NOW)).toMatchObject({ failedPayments: 1, failedEvents: 1, failedEmails: 1, pastDueMemberships: 1 });
  });
});
