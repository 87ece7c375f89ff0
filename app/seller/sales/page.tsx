import type { Metadata } from "next";
import { DataTable } from "@/components/data-table";
import { SalesChart } from "@/components/seller/sales-chart";
import { requireRole } from "@/lib/auth/guards";
import { formatMinor } from "@/lib/money";
import { chartSeries, listSellerSales, monthlyTotals } from "@/lib/sales/seller-sales";

export const metadata: Metadata = { title: "Sales" };
export const dynamic = "force-dynamic";

const PAGE_ROWS = 200;
const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });
const monthFormat = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });

const CHARGE_LABELS: Record<string, string> = { destination: "Destination", direct: "Direct", platform: "Platform" };

export default async function SellerSalesPage() {
  const seller = await requireRole("seller", "/seller/sales");
  const now = new Date();
  const sales = await listSellerSales(seller.id);
  const totals = monthlyTotals(sales);
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
            <DataTable
              testId="monthly-totals"
              columns={[
                { label: "Month" },
                { label: "Sales", align: "right" },
                { label: "Gross", align: "right" },
                { label: "Platform fee", align: "right" },
                { label: "Refunds & lost disputes", align: "right" },
                { label: "Net", align: "right" },
              ]}
            >
              {totals.map((total) => (
                <tr key={`${total.month}:${total.currency}`} className="border-b border-slate-100 last:border-0">
                  <td className="px-4 py-2">
                    {monthFormat.format(new Date(`${total.month}-01T00:00:00Z`))}
                    {totals.some((other) => other.currency !== total.currency) && ` (${total.currency.toUpperCase()})`}
                  </td>
                  <td className="px-4 py-2 text-right">{total.count}</td>
                  <td className="px-4 py-2 text-right">{formatMinor(total.grossMinor, total.currency)}</td>
                  <td className="px-4 py-2 text-right">{formatMinor(total.feeMinor, total.currency)}</td>
                  <td className="px-4 py-2 text-right">{formatMinor(total.refundedMinor + total.lostToDisputeMinor, total.currency)}</td>
                  <td className="px-4 py-2 text-right font-semibold">{formatMinor(total.netMinor, total.currency)}</td>
                </tr>
              ))}
            </DataTable>
          </section>
          <section>
            <h2 className="mb-3 text-lg font-semibold">Every sale</h2>
            <DataTable
              columns={[
                { label: "Date" },
                { label: "Buyer" },
                { label: "Course" },
                { label: "Charge" },
                { label: "Gross", align: "right" },
                { label: "Platform fee", align: "right" },
                { label: "Refunds & lost disputes", align: "right" },
                { label: "Net", align: "right" },
              ]}
            >
              {shown.map((sale) => (
                <tr key={sale.orderId} className="border-b border-slate-100 last:border-0" data-testid="sale-row">
                  <td className="whitespace-nowrap px-4 py-2">{dateFormat.format(sale.paidAt)}</td>
                  <td className="px-4 py-2">
                    {sale.buyerName}
                    <span className="block text-xs text-slate-500">{sale.buyerEmail}</span>
                  </td>
                  <td className="px-4 py-2">{sale.courseTitle}</td>
                  <td className="px-4 py-2">{CHARGE_LABELS[sale.chargeType] ?? sale.chargeType}</td>
                  <td className="px-4 py-2 text-right" data-testid="sale-gross">{formatMinor(sale.grossMinor, sale.currency)}</td>
                  <td className="px-4 py-2 text-right" data-testid="sale-fee">{formatMinor(sale.feeMinor, sale.currency)}</td>
                  <td className="px-4 py-2 text-right">
                    {formatMinor(sale.refundedMinor + sale.lostToDisputeMinor, sale.currency)}
                    {sale.lostToDisputeMinor > 0 && <span className="block text-xs text-red-700">dispute lost</span>}
                  </td>
                  <td className="px-4 py-2 text-right font-semibold" data-testid="sale-net">{formatMinor(sale.netMinor, sale.currency)}</td>
                </tr>
              ))}
            </DataTable>
            {sales.length > shown.length && (
              <p className="mt-2 text-sm text-slate-500">The newest {PAGE_ROWS} of {sales.length} sales; the CSV has them all.</p>
            )}
            <p className="mt-2 text-xs text-slate-500">
              Net is the price less refunds, disputes lost on direct charges and the platform fee. Stripe’s processing and
              dispute fees are not included: on direct charges Stripe deducts them in your Stripe account.
            </p>
          </section>
        </div>
      )}
    </>
  );
}
