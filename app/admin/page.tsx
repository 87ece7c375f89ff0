import type { Metadata } from "next";
import Link from "next/link";
import { DailySalesChart } from "@/components/admin/daily-sales-chart";
import { requireRole } from "@/lib/auth/guards";
import type { ViewerFormat } from "@/lib/locale/format";
import { getViewerFormat } from "@/lib/locale/viewer";
import { DataTable } from "@/components/data-table";
import { getMoneyOverview, OVERVIEW_DAYS, type CurrencyOverview } from "@/lib/orders/money-overview";
import { getAdminOverview } from "@/lib/users/overview";

export const metadata: Metadata = { title: "Admin" };
export const dynamic = "force-dynamic";

interface Tile {
  label: string;
  value: string;
  href?: string;
  alert?: boolean;
}

function Tiles({ tiles, label }: { tiles: Tile[]; label: string }) {
  return (
    <dl className="grid gap-4 sm:grid-cols-3" aria-label={label}>
      {tiles.map((tile) => (
        <div key={tile.label} className="card">
          <dt className="text-sm text-slate-500">{tile.href ? <Link href={tile.href}>{tile.label}</Link> : tile.label}</dt>
          <dd className={`mt-1 text-2xl font-semibold ${tile.alert ? "text-red-700" : ""}`}>{tile.value}</dd>
        </div>
      ))}
    </dl>
  );
}

function CurrencySection({ figures, fmt }: { figures: CurrencyOverview; fmt: ViewerFormat }) {
  const code = figures.currency.toUpperCase();
  const count = fmt.number;
  const money = (minor: number) => fmt.money(minor, figures.currency);
  const tiles: Tile[] = [
    { label: `Sales (${code})`, value: money(figures.salesMinor) },
    { label: `Platform fees kept (${code})`, value: money(figures.feesKeptMinor) },
    { label: `Paid orders (${code})`, value: count(figures.orderCount) },
  ];
  return (
    <section aria-label={`Money in ${code}`} data-testid={`money-${figures.currency}`}>
      <Tiles tiles={tiles} label={`Money in ${code}`} />
      <div className="mt-4">
        <DataTable
          testId={`ledger-${figures.currency}`}
          columns={[
            { label: "Gross", align: "right" },
            { label: "Refunds", align: "right" },
            { label: "Disputes", align: "right" },
            { label: "Sales", align: "right" },
            { label: "Platform fee", align: "right" },
            { label: "Fee refunded", align: "right" },
            { label: "Fees kept", align: "right" },
            { label: "Sellers' net", align: "right" },
          ]}
        >
          <tr>
            {[
              figures.grossMinor,
              figures.refundedMinor,
              figures.disputedMinor,
              figures.salesMinor,
              figures.feeMinor,
              figures.feeRefundedMinor,
              figures.feesKeptMinor,
              figures.sellersNetMinor,
            ].map((minor, index) => (
              <td key={index} className="px-4 py-2 text-right">{money(minor)}</td>
            ))}
          </tr>
        </DataTable>
        <p className="mt-1 text-xs text-slate-500">
          Sales = gross − refunds − disputes (<Link href="/admin/orders?dispute=lost">disputed orders</Link>); fees kept = platform fee −
          fee refunded; sellers&apos; net is what their ledgers show.
        </p>
      </div>
      <div className="mt-4">
        <DailySalesChart days={figures.days} currency={figures.currency} locale={fmt.locale} />
      </div>
    </section>
  );
}

export default async function AdminPage() {
  await requireRole("admin", "/admin");
  const [overview, money, fmt] = await Promise.all([getAdminOverview(), getMoneyOverview(), getViewerFormat()]);
  const count = fmt.number;
  const attentionTiles: Tile[] = [
    { label: `Failed payments, last ${OVERVIEW_DAYS} days`, value: count(money.failedPayments), alert: money.failedPayments > 0 },
    { label: "Failed Stripe events", value: count(money.failedEvents), href: "/admin/events?status=failed", alert: money.failedEvents > 0 },
    { label: "Failed emails", value: count(money.failedEmails), href: "/admin/emails?status=failed", alert: money.failedEmails > 0 },
    { label: "Past-due memberships", value: count(money.pastDueMemberships), alert: money.pastDueMemberships > 0 },
  ];
  const userTiles: Tile[] = [
    { label: "Buyers", value: count(overview.roleCounts.buyer ?? 0) },
    { label: "Sellers", value: count(overview.roleCounts.seller ?? 0) },
    { label: "Admins", value: count(overview.roleCounts.admin ?? 0) },
    { label: "Disabled users", value: count(overview.disabled) },
    { label: "Courses", value: count(overview.courses) },
    { label: "Published courses", value: count(overview.published) },
  ];
  return (
    <>
      <h1 className="page-title">Admin</h1>
      <h2 className="mb-3 text-lg font-semibold">Money, last {OVERVIEW_DAYS} days</h2>
      {money.currencies.length === 0 ? (
        <p className="card text-sm text-slate-600">No sales in the last {OVERVIEW_DAYS} days.</p>
      ) : (
        <div className="space-y-6">
          {money.currencies.map((figures) => (
            <CurrencySection key={figures.currency} figures={figures} fmt={fmt} />
          ))}
          {money.currencies.length > 1 && (
            <p className="text-sm text-slate-500">Each currency is shown on its own; amounts in different currencies are never added.</p>
          )}
        </div>
      )}
      <div className="mt-6">
        <Tiles tiles={attentionTiles} label="Needs attention" />
      </div>
      <h2 className="mb-3 mt-8 text-lg font-semibold">People and courses</h2>
      <Tiles tiles={userTiles} label="People and courses" />
    </>
  );
}
