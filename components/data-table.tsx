import type { ReactNode } from "react";

export interface Column {
  label: string;
  /** Numbers line up on the right. */
  align?: "right";
  /** Read by screen readers only (an actions column). */
  visuallyHidden?: boolean;
}

interface DataTableProps {
  columns: Column[];
  /** The table's rows: <tr> elements. */
  children: ReactNode;
  testId?: string;
}

/** The bordered, scrollable table every list page uses. */
export function DataTable({ columns, children, testId }: DataTableProps) {
  return (
    <div className="card overflow-x-auto p-0">
      <table className="w-full text-left text-sm" data-testid={testId}>
        <thead className="border-b border-slate-200 bg-slate-50 text-slate-600">
          <tr>
            {columns.map((column) => (
              <th key={column.label} className={`px-4 py-2 font-medium ${column.align === "right" ? "text-right" : ""}`}>
                {column.visuallyHidden ? <span className="sr-only">{column.label}</span> : column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
