import { Children, cloneElement, isValidElement, type ReactElement, type ReactNode } from "react";

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
  /** Names the table's scrolling region for screen readers ("Table" otherwise). */
  label?: string;
}

type CellProps = { children?: ReactNode; "data-label"?: string };

/** Each cell learns its column's name, which narrow screens show beside the value (the row becomes a card). */
function labelCells(rows: ReactNode, columns: Column[]): ReactNode {
  return Children.map(rows, (row) => {
    if (!isValidElement<CellProps>(row)) return row;
    let index = 0;
    const cells = Children.map(row.props.children, (cell) => {
      if (!isValidElement(cell)) return cell;
      const column = columns[index++];
      return column && !column.visuallyHidden ? cloneElement(cell as ReactElement<CellProps>, { "data-label": column.label }) : cell;
    });
    return cloneElement(row, {}, cells);
  });
}

/**
 * The bordered table every list page uses. Below the sm breakpoint each row is a stacked card
 * (CSS in globals.css), so no column, a seller's Net included, is ever off-screen.
 */
export function DataTable({ columns, children, testId, label }: DataTableProps) {
  return (
    <div className="card data-table-frame overflow-x-auto p-0" role="region" aria-label={label ?? "Table"} tabIndex={0}>
      <table className="data-table w-full text-left text-sm" data-testid={testId}>
        <thead className="border-b border-slate-200 bg-slate-50 text-slate-600">
          <tr>
            {columns.map((column) => (
              <th key={column.label} scope="col" className={`px-4 py-2 font-medium ${column.align === "right" ? "text-right" : ""}`}>
                {column.visuallyHidden ? <span className="sr-only">{column.label}</span> : column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{labelCells(children, columns)}</tbody>
      </table>
    </div>
  );
}
