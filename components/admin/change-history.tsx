import type { AuditRow } from "@/lib/audit/audit-log";
import type { ViewerFormat } from "@/lib/locale/format";

/** A settings page's recent changes from the audit log: when, who, and what `describe` says changed. */
export function ChangeHistory({
  entries,
  describe,
  testId,
  fmt,
}: {
  entries: AuditRow[];
  describe: (entry: AuditRow) => string;
  testId: string;
  fmt: ViewerFormat;
}) {
  return (
    <>
      <h2 className="mb-3 mt-8 text-lg font-semibold">Changes</h2>
      {entries.length === 0 ? (
        <p className="text-sm text-slate-500">No changes yet.</p>
      ) : (
        <ul className="card max-w-2xl divide-y divide-slate-100 p-0 text-sm" data-testid={testId}>
          {entries.map((entry) => (
            <li key={entry.id} className="px-4 py-2">
              <span className="text-slate-500">{fmt.date(entry.createdAt, "date-time")}</span> ·{" "}
              {entry.actor ? `${entry.actor.name} (${entry.actor.email})` : "system"}: {describe(entry)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
