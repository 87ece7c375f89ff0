import type { Metadata } from "next";
import { DataTable } from "@/components/data-table";
import { SalesChart } from "@/components/seller/sales-chart";
import { requireRole } from "@/lib/auth/guards";
import { formatMinor } from "@/lib/money";
import { chartSeries, currencyTotals, listSellerSales, monthlyTotals, type LedgerAmounts } from "@/lib/sales/seller-sales";

export const metadata: Metadata = { title: "Sales" };
export const dynamic = "force-dynamic";

const PAGE_ROWS = 200;
const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });
const monthFormat = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });

const CHARGE_LABELS: Record<string, string> = { destination: "Destination", direct: "Direct", platform: "Platform" };

const LEDGER_COLUMNS = [
  { label: "Gross", align: "right" },
  { label: "Platform fee", align: "right" },
  { label: "Fee refunded", align: "right" },
  { label: "Refunds", align: "right" },
  { label: "Disputes", align: "right" },
  { label: "Net", align: "right" },
] as const;

/** The six amounts of a ledger line, in the order of LEDGER_COLUMNS; what is taken away shows with a minus. */
function LedgerCells({ line, currency }: { line: LedgerAmounts; currency: string }) {
  const out = (minor: number) => (minor === 0 ? formatMinor(0, currency) : `−${formatMinor(minor, currency)}`);
  return (
    <>
      <td className="px-4 py-2 text-right" data-testid="ledger-gross">{formatMinor(line.grossMinor, currency)}</td>
      <td className="px-4 py-2 text-right" data-testid="ledger-fee">{out(line.feeMinor)}</td>
      <td className="px-4 py-2 text-right" data-testid="ledger-fee-refunded">{formatMinor(line.feeRefundedMinor, currency)}</td>
      <td className="px-4 py-2 text-right" data-testid="ledger-refunds">{out(line.refundedMinor)}</td>
      <td className="px-4 py-2 text-right" data-testid="ledger-disputes">{out(line.disputedMinor)}</td>
      <td className="px-4 py-2 text-right font-semibold" data-testid="ledger-net">{formatMinor(line.netMinor, currency)}</td>
    </>
  );
}

export default async function SellerSalesPage() {
  const seller = await requireRole("seller", "/seller/sales");
  const now = new Date();
  const sales = await listSellerSales(seller.id);
  const totals = monthlyTotals(sales);
  const grandTotals = currencyTotals(sales);
  const manyCurrencies = grandTotals.length > 1;
  const shown = sales.slice(0, PAGE_ROWS);

  return (
    <>
      <div className="mb-6 flex items-center justify-between">
        <h1 className="text-2xl font-semibold tracking-tight">Sales</h1>
        {sales.length > 0 && (
          <a href="/seller/sales/export" className="btn-secondary" download>
            Download CSV
          </a>
        )}
      </div>
      {sales.length === 0 ? (
        <div className="card text-center text-slate-600">No sales yet. They appear here as soon as a buyer pays.</div>
      ) : (
        <div className="space-y-8">
          <SalesChart series={chartSeries(totals, now)} />
          <section>
            <h2 className="mb-3 text-lg font-semibold">Per month</h2>
            <DataTable testId="monthly-totals" columns={[{ label: "Month" }, { label: "Sales", align: "right" }, ...LEDGER_COLUMNS]}>
              {totals.map((total) => (
                <tr key={`${total.month}:${total.currency}`} className="border-b border-slate-100 last:border-0" data-testid="month-row">
                  <td className="whitespace-nowrap px-4 py-2">
                    {monthFormat.format(new Date(`${total.month}-01T00:00:00Z`))}
                    {manyCurrencies && ` (${total.currency.toUpperCase()})`}
                  </td>
                  <td className="px-4 py-2 text-right">{total.count}</td>
                  <LedgerCells line={total} currency={total.currency} />
                </tr>
              ))}
              {grandTotals.map((total) => (
                <tr key={`total:${total.currency}`} className="border-t-2 border-slate-200 font-semibold" data-testid="total-row">
                  <td className="px-4 py-2">Total{manyCurrencies && ` (${total.currency.toUpperCase()})`}</td>
                  <td className="px-4 py-2 text-right">{total.count}</td>
                  <LedgerCells line={total} currency={total.currency} />
                </tr>
              ))}
            </DataTable>
          </section>
          <section>
            <h2 className="mb-3 text-lg font-semibold">Every sale</h2>
            <DataTable columns={[{ label: "Date" }, { label: "Buyer" }, { label: "Course" }, { label: "Charge" }, ...LEDGER_COLUMNS]}>
              {shown.map((sale) => (
                <tr key={sale.orderId} className="border-b border-slate-100 last:border-0" data-testid="sale-row">
                  <td className="whitespace-nowrap px-4 py-2">{dateFormat.format(sale.paidAt)}</td>
                  <td className="px-4 py-2">{sale.buyerName}</td>
                  <td className="px-4 py-2">{sale.courseTitle}</td>
                  <td className="px-4 py-2">{CHARGE_LABELS[sale.chargeType] ?? sale.chargeType}</td>
                  <LedgerCells line={sale} currency={sale.currency} />
                </tr>
              ))}
            </DataTable>
            {sales.length > shown.length && (
              <p className="mt-2 text-sm text-slate-500">The newest {PAGE_ROWS} of {sales.length} sales; the CSV has them all.</p>
            )}
            <p className="mt-2 text-xs text-slate-500">
              Net = gross − platform fee + fee refunded − refunds − disputes: what each sale left in your Stripe account. A
              refund gives back the platform fee in proportion; a dispute on a direct charge takes the amount from your account
              while it is open or lost, and returns it if won. Stripe’s own processing and dispute fees are not included: on
              direct charges Stripe deducts them in your Stripe account.
            </p>
          </section>
        </div>
      )}
    </>
  );
}
