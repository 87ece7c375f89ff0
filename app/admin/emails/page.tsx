import type { Metadata } from "next";
import { ActionButton } from "@/components/action-button";
import { DataTable } from "@/components/data-table";
import { FilterForm, SelectFilter } from "@/components/filter-form";
import { Pagination } from "@/components/pagination";
import { requireRole } from "@/lib/auth/guards";
import { adminOutboxHref, listAdminOutbox, parseAdminOutboxFilters } from "@/lib/email/admin-outbox";
import { OUTBOX_STATUSES } from "@/lib/email/outbox-status";
import { MAX_ATTEMPTS } from "@/lib/email/retry-schedule";
import { getViewerFormat } from "@/lib/locale/viewer";
import { resendEmailAction } from "./actions";

export const metadata: Metadata = { title: "Emails" };
export const dynamic = "force-dynamic";

const STATUS_CLASSES: Record<string, string> = {
  sent: "text-green-700",
  queued: "text-amber-700",
  sending: "text-slate-600",
  failed: "text-red-700 font-medium",
};

const KIND_LABELS: Record<string, string> = { sale: "Sale", refund: "Refund", renewal_failed: "Failed renewal" };

export default async function AdminEmailsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireRole("admin", "/admin/emails");
  const fmt = await getViewerFormat();
  const filters = parseAdminOutboxFilters(await searchParams);
  const { emails, total, byStatus, pageCount } = await listAdminOutbox(filters);

  return (
    <>
      <h1 className="page-title">Emails</h1>
      <p className="mb-4 text-sm text-slate-600" data-testid="outbox-counts">
        {OUTBOX_STATUSES.map((status) => `${fmt.number(byStatus[status])} ${status}`).join(" · ")}. Failed
        attempts are retried with growing waits; after {MAX_ATTEMPTS} an email is marked failed.
      </p>
      <FilterForm action="/admin/emails" label="Filter emails">
        <SelectFilter name="status" label="Status" value={filters.status} options={OUTBOX_STATUSES.map((status) => ({ value: status, label: status }))} />
      </FilterForm>
      <p className="mb-4 text-sm text-slate-600">
        {fmt.number(total)} {total === 1 ? "email" : "emails"}.
      </p>
      <DataTable
        testId="admin-emails"
        columns={[{ label: "Email" }, { label: "To" }, { label: "Queued " }, { label: "Status" }, { label: "Last error" }]}
      >
        {emails.map((email) => (
          <tr key={email.id} className="border-b border-slate-100 align-top last:border-0" data-testid="email-row">
            <td className="px-4 py-2">
              <div className="font-medium">{email.subject}</div>
              <div className="text-xs text-slate-500">{KIND_LABELS[email.kind] ?? email.kind}</div>
            </td>
            <td className="px-4 py-2">{email.toAddress}</td>
            <td className="whitespace-nowrap px-4 py-2">{fmt.date(email.createdAt, "date-time")}</td>
            <td className="px-4 py-2">
              <span className={STATUS_CLASSES[email.status] ?? ""} data-testid="email-status">{email.status}</span>
              <div className="text-slate-500">
                {email.attempts} {email.attempts === 1 ? "attempt" : "attempts"}
              </div>
              <div className="whitespace-nowrap text-xs text-slate-500">
                {email.sentAt ? `sent ${fmt.date(email.sentAt, "date-time")}` : email.status === "queued" ? `next ${fmt.date(email.nextAttemptAt, "date-time")}` : ""}
              </div>
            </td>
            <td className="max-w-xs break-words px-4 py-2">
              <span className="text-red-700">{email.lastError ?? ""}</span>
              {email.status === "failed" ? (
                <div className="mt-2">
                  <ActionButton action={resendEmailAction} fields={{ emailId: email.id }} label="Send again" pendingLabel="Queueing…" variant="secondary" />
                </div>
              ) : null}
            </td>
          </tr>
        ))}
      </DataTable>
      {emails.length === 0 ? <p className="mt-4 text-sm text-slate-500">No emails match this filter.</p> : null}
      <Pagination page={Math.min(filters.page, pageCount)} pageCount={pageCount} hrefFor={(page) => adminOutboxHref({ ...filters, page })} />
    </>
  );
}
