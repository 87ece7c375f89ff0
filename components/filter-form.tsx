import Link from "next/link";
import type { ReactNode } from "react";

/** A list page's filters: a plain GET form (no JavaScript) with "Filter" and "Clear". */
export function FilterForm({ action, label, children }: { action: string; label: string; children: ReactNode }) {
  return (
    <form action={action} className="card mb-4 flex flex-wrap items-end gap-4 text-sm" aria-label={label}>
      {children}
      <button type="submit" className="btn">Filter</button>
      <Link href={action}>Clear</Link>
    </form>
  );
}

interface SelectFilterProps {
  name: string;
  label: string;
  value: string | undefined;
  options: Array<{ value: string; label: string }>;
}

/** A choice among known values, "Any" when empty. */
export function SelectFilter({ name, label, value, options }: SelectFilterProps) {
  return (
    <label>
      <span className="label">{label}</span>
      <select name={name} defaultValue={value ?? ""} className="input">
        <option value="">Any</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>{option.label}</option>
        ))}
      </select>
    </label>
  );
}
