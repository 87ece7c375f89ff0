import { describe, expect, it } from "vitest";
import { csvCell, majorAmount, salesCsv } from "@/lib/sales/sales-csv";
import { chartSeries, lastMonths, ledgerOf, monthlyTotals, type Sale } from "@/lib/sales/seller-sales";

describe("csvCell", () => {
  it.each([
    ["plain", '"plain"'],
    ["a,b", '"a,b"'],
    ["a;b", '"a;b"'], // the separator of spreadsheets in many locales
    ["Müller; Ltd", '"Müller; Ltd"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["=1+1", `"'=1+1"`],
    ["+cmd", `"'+cmd"`],
    ["-2", `"'-2"`],
    ["@SUM(A1)", `"'@SUM(A1)"`],
    ["\tx", `"'\tx"`],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ["", '""'],
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
  courseTitle: "c",
  chargeType: "destination",
  currency,
  ...ledgerOf({ amountMinor: grossMinor, applicationFeeMinor: feeMinor, refundedMinor: 0, feeRefundedMinor: 0 }),
});

describe("the seller's ledger", () => {
  it.each([
    // [charge type, gross, fee, fee refunded, refunded, withdrawn by a dispute, expected seller's disputes, net]
    ["destination", 2000, 200, 0, 0, 0, 0, 1800],
    // A full refund gives the fee back: net 0, and the row still adds up (the report).
    ["destination", 2000, 200, 200, 2000, 0, 0, 0],
    ["direct", 2000, 200, 200, 2000, 0, 0, 0],
    ["destination", 2000, 200, 50, 500, 0, 0, 1350],
    ["direct", 2000, 0, 0, 0, 0, 0, 2000],
    // A direct charge's chargeback comes out of the seller's account while open or lost…
    ["direct", 2000, 200, 50, 500, 1500, 1500, -150],
    // …and is given back when won (withdrawn − reinstated = 0).
    ["direct", 2000, 200, 0, 0, 0, 0, 1800],
    // A destination charge's dispute is the platform's: the seller's ledger does not move.
    ["destination", 2000, 200, 0, 0, 2000, 0, 1800],
  ] as const)("%s: gross %d, fee %d, fee refunded %d, refunded %d, dispute %d → disputes %d, net %d", (chargeType, gross, fee, feeRefunded, refunded, withdrawn, disputed, net) => {
    const line = ledgerOf({ amountMinor: gross, applicationFeeMinor: fee, feeRefundedMinor: feeRefunded, refundedMinor: refunded, chargeType, disputeWithdrawnMinor: withdrawn });
    expect(line).toEqual({ grossMinor: gross, feeMinor: fee, feeRefundedMinor: feeRefunded, refundedMinor: refunded, disputedMinor: disputed, netMinor: net });
    expect(line.grossMinor - line.feeMinor + line.feeRefundedMinor - line.refundedMinor - line.disputedMinor).toBe(line.netMinor);
  });
});

describe("sales arithmetic", () => {
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

describe("salesCsv", () => {
  it("quotes every text cell, hides buyers' emails, and adds month and total rows that add up", () => {
    const rows = [
      { ...sale("2026-11-03T10:00:00Z", "usd", 2000, 200), buyerName: "Smith; John", courseTitle: "=cmd|' /C calc'!A0" },
      {
        ...sale("2026-11-04T10:00:00Z", "usd", 1000, 100),
        ...ledgerOf({ amountMinor: 1000, applicationFeeMinor: 100, feeRefundedMinor: 100, refundedMinor: 1000 }),
      },
    ];
    const lines = salesCsv(rows).trimEnd().split("\r\n");
    expect(lines[0]).toBe("row,period,order_id,buyer,course,charge_type,currency,sales,gross,platform_fee,fee_refunded,refunds,disputes,net");
    expect(lines[1]).toBe(`"sale",2026-11-03T10:00:00.000Z,"2026-11-03T10:00:00Z","Smith; John","'=cmd|' /C calc'!A0","destination","USD",1,20.00,2.00,0.00,0.00,0.00,18.00`);
    expect(lines[2]).toContain(`,10.00,1.00,1.00,10.00,0.00,0.00`);
    expect(lines[3]).toBe(`"month","2026-11",,,,,"USD",2,30.00,3.00,1.00,10.00,0.00,18.00`);
    expect(lines[4]).toBe(`"total","all",,,,,"USD",2,30.00,3.00,1.00,10.00,0.00,18.00`);
  });
});
