import type { ReactNode } from "react";

/** A record's fields as label/value pairs, for the admin's detail pages; on a phone each label sits above its value. */
export function DetailsList({ rows }: { rows: Array<[label: string, value: ReactNode]> }) {
  return (
    <dl className="card mb-6 grid max-w-3xl grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[12rem_minmax(0,1fr)]">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-slate-600 max-sm:mt-2 max-sm:text-xs max-sm:font-medium">{label}</dt>
          <dd className="break-words">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
