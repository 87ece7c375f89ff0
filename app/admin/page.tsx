import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/auth/guards";
import { getAdminOverview } from "@/lib/users/overview";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminPage() {
  await requireRole("admin", "/admin");
  const overview = await getAdminOverview();
  const tiles = [
    { label: "Buyers", value: overview.roleCounts.buyer ?? 0 },
    { label: "Sellers", value: overview.roleCounts.seller ?? 0 },
    { label: "Admins", value: overview.roleCounts.admin ?? 0 },
    { label: "Disabled users", value: overview.disabled },
    { label: "Courses", value: overview.courses },
    { label: "Published courses", value: overview.published },
  ];
  return (
    <>
      <h1 className="page-title">Admin</h1>
      <dl className="grid gap-4 sm:grid-cols-3">
        {tiles.map((tile) => (
          <div key={tile.label} className="card">
            <dt className="text-sm text-slate-500">{tile.label}</dt>
            <dd className="mt-1 text-2xl font-semibold">{tile.value.toLocaleString("en-US")}</dd>
          </div>
        ))}
      </dl>
      <ul className="mt-8 list-inside list-disc text-sm">
        <li><Link href="/admin/users">Manage users and roles</Link></li>
        <li><Link href="/admin/orders">Orders and refunds</Link></li>
        <li><Link href="/admin/events">Stripe events and replay</Link></li>
        <li><Link href="/admin/audit">Audit log</Link></li>
        <li><Link href="/admin/settings">Platform fee and charge type</Link></li>
      </ul>
    </>
  );
}
