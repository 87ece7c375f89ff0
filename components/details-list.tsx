import type { ReactNode } from "react";

/** A record's fields as label/value pairs, for the admin's detail pages. */
export function DetailsList({ rows }: { rows: Array<[label: string, value: ReactNode]> }) {
  return (
    <dl className="card mb-6 grid max-w-3xl grid-cols-[12rem_1fr] gap-x-4 gap-y-1 text-sm">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-slate-500">{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
