import type { Metadata } from "next";
import Link from "next/link";
import { DailySalesChart } from "@/components/admin/daily-sales-chart";
import { requireRole } from "@/lib/auth/guards";
import { getViewerFormat } from "@/lib/locale/viewer";
import { getMoneyOverview, OVERVIEW_DAYS } from "@/lib/orders/money-overview";
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

export default async function AdminPage() {
  await requireRole("admin", "/admin");
  const [overview, money, fmt] = await Promise.all([getAdminOverview(), getMoneyOverview(), getViewerFormat()]);
  const count = fmt.number;
  const moneyTiles: Tile[] = [
    { label: `Sales, last ${OVERVIEW_DAYS} days`, value: fmt.money(money.salesMinor, money.currency) },
    { label: `Platform fees, last ${OVERVIEW_DAYS} days`, value: fmt.money(money.feesMinor, money.currency) },
    { label: "Paid orders", value: count(money.orderCount) },
    {
      label: `Lost to disputes, last ${OVERVIEW_DAYS} days`,
      value: fmt.money(money.lostToDisputesMinor, money.currency),
      href: "/admin/orders?dispute=lost",
      alert: money.lostToDisputesMinor > 0,
    },
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
      <h2 className="mb-3 text-lg font-semibold">Money</h2>
      <Tiles tiles={moneyTiles} label="Money" />
      <div className="mt-4">
        <DailySalesChart days={money.days} currency={money.currency} locale={fmt.locale} />
      </div>
      {money.otherCurrencies.length > 0 ? (
        <p className="mt-2 text-sm text-slate-500">Also sold in {money.otherCurrencies.map((c) => c.toUpperCase()).join(", ")}; not included above.</p>
      ) : null}
      <h2 className="mb-3 mt-8 text-lg font-semibold">People and courses</h2>
      <Tiles tiles={userTiles} label="People and courses" />
    </>
  );
}
