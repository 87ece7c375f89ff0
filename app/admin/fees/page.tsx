import type { Metadata } from "next";
import Link from "next/link";
import { ActionButton } from "@/components/action-button";
import { ChangeHistory } from "@/components/admin/change-history";
import { FeeOverrideForm } from "@/components/admin/fee-override-form";
import { DataTable } from "@/components/data-table";
import { listAuditEntries } from "@/lib/audit/audit-log";
import { requireRole } from "@/lib/auth/guards";
import { listFeeOverrides } from "@/lib/fees/platform-fees";
import { getViewerFormat } from "@/lib/locale/viewer";
import { formatBasisPoints } from "@/lib/money";
import { getPlatformSettings } from "@/lib/settings/platform-settings";
import { setCourseFeeAction, setSellerFeeAction } from "./actions";

export const metadata: Metadata = { title: "Platform fees" };
export const dynamic = "force-dynamic";

const FORMS = [
  {
    heading: "A seller's fee",
    action: setSellerFeeAction,
    target: { name: "email", label: "Seller's email", placeholder: "seller@example.com" },
    submitLabel: "Save seller's fee",
    testId: "seller-fee-form",
  },
  {
    heading: "A course's fee",
    action: setCourseFeeAction,
    target: { name: "slug", label: "Course address", placeholder: "intro-to-sql" },
    submitLabel: "Save course's fee",
    testId: "course-fee-form",
  },
] as const;

function feeText(value: unknown): string {
  return typeof value === "number" ? formatBasisPoints(value) : "none";
}

function describeChange(action: string, details: Record<string, unknown>): string {
  const what = action === "fee.seller_override" ? `seller ${String(details.email ?? "")}` : `course /${String(details.slug ?? "")}`;
  return `${what}: ${feeText(details.before)} → ${feeText(details.after)}`;
}

export default async function PlatformFeesPage() {
  await requireRole("admin", "/admin/fees");
  const fmt = await getViewerFormat();
  const [settings, overrides, history] = await Promise.all([
    getPlatformSettings(),
    listFeeOverrides(),
    listAuditEntries({ action: ["fee.seller_override", "fee.course_override"], take: 20 }),
  ]);
  return (
    <>
      <h1 className="page-title">Platform fees</h1>
      <p className="mb-6 max-w-2xl text-sm text-slate-600">
        The platform&apos;s fee is {formatBasisPoints(settings.feeBasisPoints)} (<Link href="/admin/settings">change it</Link>). A fee set
        here for a seller applies to all their courses; one set for a course wins over both. Sellers see the fee that applies and
        cannot change it. Leave the fee empty (or press Remove) to take an override away. Changes apply to orders made afterwards.
      </p>
      <div className="grid gap-6 lg:grid-cols-2">
        {FORMS.map((form) => (
          <section key={form.testId}>
            <h2 className="mb-3 text-lg font-semibold">{form.heading}</h2>
            <FeeOverrideForm action={form.action} target={form.target} submitLabel={form.submitLabel} testId={form.testId} />
          </section>
        ))}
      </div>
      <h2 className="mb-3 mt-8 text-lg font-semibold">Overrides in force</h2>
      {overrides.sellers.length + overrides.courses.length === 0 ? (
        <p className="text-sm text-slate-500">None: every course pays the platform&apos;s fee.</p>
      ) : (
        <DataTable testId="fee-overrides" columns={[{ label: "For" }, { label: "Fee", align: "right" }, { label: "Actions", visuallyHidden: true }]}>
          {overrides.sellers.map((row) => (
            <tr key={`seller:${row.seller.email}`} className="border-b border-slate-100 last:border-0">
              <td className="px-4 py-2">
                Seller {row.seller.name} <span className="text-slate-500">({row.seller.email})</span>
              </td>
              <td className="whitespace-nowrap px-4 py-2 text-right">{formatBasisPoints(row.feeBasisPoints)}</td>
              <td className="px-4 py-2 text-right">
                <ActionButton action={setSellerFeeAction} fields={{ email: row.seller.email, feePercent: "" }} label="Remove" pendingLabel="Removing…" variant="secondary" />
              </td>
            </tr>
          ))}
          {overrides.courses.map((row) => (
            <tr key={`course:${row.slug}`} className="border-b border-slate-100 last:border-0">
              <td className="px-4 py-2">
                Course {row.title} <span className="text-slate-500">(/{row.slug}, {row.seller.email})</span>
              </td>
              <td className="whitespace-nowrap px-4 py-2 text-right">{formatBasisPoints(row.feeBasisPoints)}</td>
              <td className="px-4 py-2 text-right">
                <ActionButton action={setCourseFeeAction} fields={{ slug: row.slug, feePercent: "" }} label="Remove" pendingLabel="Removing…" variant="secondary" />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <ChangeHistory entries={history} describe={(entry) => describeChange(entry.action, entry.details)} testId="fee-history" fmt={fmt} />
    </>
  );
}
