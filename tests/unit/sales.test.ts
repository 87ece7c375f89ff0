import { describe, expect, it } from "vitest";
import { csvCell, majorAmount } from "@/lib/sales/sales-csv";
import { chartSeries, lastMonths, lostToDisputeMinor, monthlyTotals, saleNetMinor, type Sale } from "@/lib/sales/seller-sales";

describe("csvCell", () => {
  it.each([
    ["plain", "plain"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["=1+1", "'=1+1"],
    ["+cmd", "'+cmd"],
    ["-2", "'-2"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tx", "'\tx"],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
  ])("%j → %j", (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });
  it("leaves our own numbers alone", () => {
    expect(csvCell("-1.50", { text: false })).toBe("-1.50");
  });
});

describe("majorAmount", () => {
  it.each([
    [1999, "usd", "19.99"],
    [5, "usd", "0.05"],
    [0, "eur", "0.00"],
    [-150, "usd", "-1.50"],
    [1500, "jpy", "1500"],
  ])("%d %s → %s", (minor, currency, expected) => {
    expect(majorAmount(minor, currency)).toBe(expected);
  });
});

const sale = (paidAt: string, currency: string, grossMinor: number, feeMinor: number): Sale => ({
  orderId: paidAt,
  paidAt: new Date(paidAt),
  buyerName: "b",
  buyerEmail: "b@example.com",
  courseTitle: "c",
  chargeType: "destination",
  currency,
  grossMinor,
  feeMinor,
  refundedMinor: 0,
  lostToDisputeMinor: 0,
  netMinor: grossMinor - feeMinor,
});

describe("sales arithmetic", () => {
  it("net is price − refunds − the fee not refunded", () => {
    expect(saleNetMinor({ amountMinor: 2000, applicationFeeMinor: 200, refundedMinor: 0, feeRefundedMinor: 0 })).toBe(1800);
    expect(saleNetMinor({ amountMinor: 2000, applicationFeeMinor: 200, refundedMinor: 2000, feeRefundedMinor: 200 })).toBe(0);
    expect(saleNetMinor({ amountMinor: 2000, applicationFeeMinor: null, refundedMinor: 0, feeRefundedMinor: 0 })).toBe(2000);
  });

  it.each([
    // [charge type, dispute status, disputed amount, seller's net]
    ["direct", "lost", 1500, 2000 - 500 - 1500 - 200],
    ["direct", "won", 1500, 2000 - 500 - 200],
    ["direct", "open", 1500, 2000 - 500 - 200],
    ["destination", "lost", 1500, 2000 - 500 - 200],
  ])("a %s charge with a %s dispute of %d leaves the seller %d", (chargeType, disputeStatus, disputeAmountMinor, net) => {
    const order = { amountMinor: 2000, applicationFeeMinor: 200, refundedMinor: 500, feeRefundedMinor: 0, chargeType, disputeStatus, disputeAmountMinor };
    expect(saleNetMinor(order)).toBe(net);
  });

  it("counts a dispute as lost money only once it is lost", () => {
    expect(lostToDisputeMinor({ disputeStatus: "lost", disputeAmountMinor: 1500 })).toBe(1500);
    expect(lostToDisputeMinor({ disputeStatus: "open", disputeAmountMinor: 1500 })).toBe(0);
    expect(lostToDisputeMinor({ disputeStatus: null, disputeAmountMinor: null })).toBe(0);
  });

  it("totals per month and currency, never adding currencies together", () => {
    const totals = monthlyTotals([
      sale("2026-11-03T10:00:00Z", "usd", 2000, 200),
      sale("2026-11-20T10:00:00Z", "usd", 1000, 100),
      sale("2026-11-21T10:00:00Z", "jpy", 1500, 150),
      sale("2026-10-31T23:59:59Z", "usd", 500, 50),
    ]);
    expect(totals.map((t) => [t.month, t.currency, t.count, t.netMinor])).toEqual([
      ["2026-11", "jpy", 1, 1350],
      ["2026-11", "usd", 2, 2700],
      ["2026-10", "usd", 1, 450],
    ]);
  });

  it("charts the last twelve months, across a year boundary, in the most used currency", () => {
    const now = new Date("2026-02-15T00:00:00Z");
    expect(lastMonths(now)).toEqual([
      "2025-03", "2025-04", "2025-05", "2025-06", "2025-07", "2025-08",
      "2025-09", "2025-10", "2025-11", "2025-12", "2026-01", "2026-02",
    ]);
    const series = chartSeries(
      monthlyTotals([sale("2026-01-05T00:00:00Z", "eur", 1000, 100), sale("2026-02-01T00:00:00Z", "eur", 500, 0), sale("2024-01-01T00:00:00Z", "usd", 1, 0)]),
      now,
    );
    expect(series.currency).toBe("eur");
    expect(series.points.at(-2)).toEqual({ month: "2026-01", netMinor: 900 });
    expect(series.points.at(-1)).toEqual({ month: "2026-02", netMinor: 500 });
    expect(series.points.slice(0, 10).every((p) => p.netMinor === 0)).toBe(true);
  });
});
