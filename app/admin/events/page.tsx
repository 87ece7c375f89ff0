import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/data-table";
import { FilterForm, SelectFilter } from "@/components/filter-form";
import { Pagination } from "@/components/pagination";
import { requireRole } from "@/lib/auth/guards";
import { adminEventsHref, EVENT_STATUSES, listAdminEvents, parseAdminEventFilters } from "@/lib/events/admin-events";
import { getViewerFormat } from "@/lib/locale/viewer";

export const metadata: Metadata = { title: "Stripe events" };
export const dynamic = "force-dynamic";

const STATUS_CLASSES: Record<string, string> = {
  handled: "text-green-700",
  ignored: "text-slate-500",
  failed: "text-red-700 font-medium",
  received: "text-amber-700",
};

export default async function AdminEventsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireRole("admin", "/admin/events");
  const fmt = await getViewerFormat();
  const filters = parseAdminEventFilters(await searchParams);
  const { events, total, pageCount } = await listAdminEvents(filters);

  return (
    <>
      <h1 className="page-title">Stripe events</h1>
      <FilterForm action="/admin/events" label="Filter events">
        <label>
          <span className="label">Type starts with</span>
          <input name="type" defaultValue={filters.type ?? ""} placeholder="invoice." className="input" />
        </label>
        <SelectFilter
          name="status"
          label="Result"
          value={filters.status}
          options={EVENT_STATUSES.map((status) => ({ value: status, label: status }))}
        />
        <label>
          <span className="label">Connected account</span>
          <input name="account" defaultValue={filters.account ?? ""} placeholder="acct_…" className="input" />
        </label>
      </FilterForm>
      <p className="mb-4 text-sm text-slate-600" data-testid="events-total">
        {fmt.number(total)} {total === 1 ? "event" : "events"}.
      </p>
      <DataTable
        testId="admin-events"
        columns={[{ label: "Event" }, { label: "Account" }, { label: "Received " }, { label: "Result" }, { label: "Error" }]}
      >
        {events.map((event) => (
          <tr key={event.id} className="border-b border-slate-100 align-top last:border-0" data-testid={`event-row-${event.id}`}>
            <td className="px-4 py-2">
              <Link href={`/admin/events/${event.id}`} className="font-medium">{event.type}</Link>
              <div><code className="text-xs text-slate-500">{event.id}</code></div>
            </td>
            <td className="px-4 py-2">{event.account ? <code className="text-xs">{event.account}</code> : <span className="text-slate-500">platform</span>}</td>
            <td className="whitespace-nowrap px-4 py-2">{fmt.date(event.receivedAt, "date-time")}</td>
            <td className="px-4 py-2">
              <span className={STATUS_CLASSES[event.status] ?? ""} data-testid="event-status">{event.status}</span>
              <div className="text-slate-500">{event.attempts} {event.attempts === 1 ? "attempt" : "attempts"}</div>
            </td>
            <td className="max-w-xs break-words px-4 py-2 text-red-700">{event.error ?? ""}</td>
          </tr>
        ))}
      </DataTable>
      {events.length === 0 ? <p className="mt-4 text-sm text-slate-500">No events match these filters.</p> : null}
      <Pagination page={Math.min(filters.page, pageCount)} pageCount={pageCount} hrefFor={(page) => adminEventsHref({ ...filters, page })} />
    </>
  );
}
