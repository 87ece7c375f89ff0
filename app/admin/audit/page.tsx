import type { Metadata } from "next";
import { DataTable } from "@/components/data-table";
import { FilterForm, SelectFilter } from "@/components/filter-form";
import { Pagination } from "@/components/pagination";
import { auditHref, listAuditActions, listAuditPage, parseAuditFilters } from "@/lib/audit/admin-audit";
import { requireRole } from "@/lib/auth/guards";
import { getViewerFormat } from "@/lib/locale/viewer";

export const metadata: Metadata = { title: "Audit log" };
export const dynamic = "force-dynamic";

export default async function AdminAuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireRole("admin", "/admin/audit");
  const fmt = await getViewerFormat();
  const filters = parseAuditFilters(await searchParams);
  const [{ entries, total, pageCount }, actions] = await Promise.all([listAuditPage(filters), listAuditActions()]);

  return (
    <>
      <h1 className="page-title">Audit log</h1>
      <FilterForm action="/admin/audit" label="Filter audit log">
        <SelectFilter name="action" label="Action" value={filters.action} options={actions.map((action) => ({ value: action, label: action }))} />
      </FilterForm>
      <p className="mb-4 text-sm text-slate-600" data-testid="audit-total">
        {fmt.number(total)} {total === 1 ? "entry" : "entries"}.
      </p>
      <DataTable testId="audit-log" columns={[{ label: "When " }, { label: "Who" }, { label: "Action" }, { label: "Details" }]}>
        {entries.map((entry) => (
          <tr key={entry.id} className="border-b border-slate-100 align-top last:border-0" data-testid="audit-row">
            <td className="whitespace-nowrap px-4 py-2">{fmt.date(entry.createdAt, "date-time")}</td>
            <td className="px-4 py-2">
              {entry.actor ? (
                <>
                  {entry.actor.name} <div className="text-slate-500">{entry.actor.email}</div>
                </>
              ) : (
                <span className="text-slate-500">system</span>
              )}
            </td>
            <td className="px-4 py-2"><code className="text-xs">{entry.action}</code></td>
            <td className="px-4 py-2"><pre className="max-w-xl overflow-x-auto whitespace-pre-wrap break-all text-xs">{entry.details}</pre></td>
          </tr>
        ))}
      </DataTable>
      {entries.length === 0 ? <p className="mt-4 text-sm text-slate-500">No entries match this filter.</p> : null}
      <Pagination page={Math.min(filters.page, pageCount)} pageCount={pageCount} hrefFor={(page) => auditHref({ ...filters, page })} />
    </>
  );
}
