import Link from "next/link";
import { CATALOGUE_SORTS, catalogueHref, MIN_RATING_FILTERS, type CatalogueFilters } from "@/lib/courses/catalogue-params";
import { CURRENCY_CODES } from "@/lib/money";

interface CatalogueFiltersProps {
  filters: CatalogueFilters;
  sellers: Array<{ id: string; name: string }>;
}

/**
 * The catalogue's search, filters and sort: one GET form, so every choice lands in the URL (a link
 * to share, the back button steps through them) and works without JavaScript.
 */
export function CatalogueFilterForm({ filters, sellers }: CatalogueFiltersProps) {
  return (
    <form role="search" action="/courses" aria-label="Search and filter courses" className="card mb-4 grid gap-4 text-sm sm:grid-cols-2 lg:grid-cols-4">
      <label className="sm:col-span-2">
        <span className="label">Search</span>
        <input name="q" type="search" defaultValue={filters.q} placeholder="Title, teacher, tag or topic" className="input w-full" />
      </label>
      {/* The default order ("") follows the search: best match when there is one, newest otherwise. */}
      <Select
        name="sort"
        label="Sort by"
        value={filters.sort === (filters.q ? "relevance" : "newest") ? "" : filters.sort}
        any="Best match, or newest"
        options={Object.entries(CATALOGUE_SORTS)
          .filter(([value]) => value !== "relevance")
          .map(([value, label]) => ({ value, label }))}
      />
      <Select
        name="rating"
        label="Rating"
        value={filters.rating ? String(filters.rating) : ""}
        any="Any rating"
        options={MIN_RATING_FILTERS.map((n) => ({ value: String(n), label: `${n} stars & up` }))}
      />
      {/* Open when one of them is in use; folded away otherwise, so on a phone the courses come first. */}
      <details open={filtersInUse(filters)} className="sm:col-span-2 lg:col-span-4">
        <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-indigo-700">More filters: price, currency, teacher, tag, membership</summary>
        <div className="mt-2 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <Select name="price" label="Price" value={filters.price ?? ""} any="Free or paid" options={[{ value: "free", label: "Free" }, { value: "paid", label: "Paid" }]} />
          <div className="flex gap-2">
            <label className="min-w-0 flex-1">
              <span className="label">From</span>
              <input name="min" inputMode="decimal" defaultValue={filters.min?.text ?? ""} placeholder="0" className="input w-full" />
            </label>
            <label className="min-w-0 flex-1">
              <span className="label">To</span>
              <input name="max" inputMode="decimal" defaultValue={filters.max?.text ?? ""} placeholder="any" className="input w-full" />
            </label>
          </div>
          <Select name="currency" label="Currency" value={filters.currency ?? ""} any="Any currency" options={CURRENCY_CODES.map((code) => ({ value: code, label: code.toUpperCase() }))} />
          <Select name="seller" label="Teacher" value={filters.seller ?? ""} any="Any teacher" options={sellers.map((s) => ({ value: s.id, label: s.name }))} />
          <label>
            <span className="label">Tag</span>
            <input name="tag" defaultValue={filters.tag ?? ""} placeholder="e.g. sql" className="input w-full" />
          </label>
          <label className="flex min-h-11 items-center gap-2 self-end">
            <input type="checkbox" name="membership" value="1" defaultChecked={!!filters.membership} />
            Included in the membership
          </label>
        </div>
      </details>
      <div className="flex items-end gap-4 sm:col-span-2 lg:col-span-4 lg:justify-end">
        <button type="submit" className="btn">Show courses</button>
        <Link href="/courses" className="inline-flex min-h-11 items-center">Clear all</Link>
      </div>
    </form>
  );
}

function filtersInUse({ price, min, max, currency, seller, tag, membership }: CatalogueFilters): boolean {
  return [price, min, max, currency, seller, tag, membership].some((value) => value !== undefined);
}

function Select({ name, label, value, options, any }: { name: string; label: string; value: string; options: Array<{ value: string; label: string }>; any?: string }) {
  return (
    <label>
      <span className="label">{label}</span>
      <select name={name} defaultValue={value} className="input w-full">
        {any && <option value="">{any}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>{option.label}</option>
        ))}
      </select>
    </label>
  );
}

/** The filters in force, each with a link that removes it (also the "no results" advice). */
export function ActiveFilters({ filters, sellerName }: { filters: CatalogueFilters; sellerName?: string }) {
  const chips: Array<{ label: string; href: string }> = [];
  const without = (changes: Partial<Record<keyof CatalogueFilters, unknown>>) => catalogueHref(filters, { ...changes, page: 1 });
  if (filters.q) chips.push({ label: `Search “${filters.q}”`, href: without({ q: "", sort: filters.sort === "relevance" ? "newest" : filters.sort }) });
  if (filters.price) chips.push({ label: filters.price === "free" ? "Free" : "Paid", href: without({ price: undefined }) });
  if (filters.min) chips.push({ label: `From ${filters.min.text}`, href: without({ min: undefined }) });
  if (filters.max) chips.push({ label: `Up to ${filters.max.text}`, href: without({ max: undefined }) });
  if (filters.currency) chips.push({ label: filters.currency.toUpperCase(), href: without({ currency: undefined }) });
  if (filters.membership) chips.push({ label: "In the membership", href: without({ membership: undefined }) });
  if (filters.rating) chips.push({ label: `${filters.rating} stars & up`, href: without({ rating: undefined }) });
  if (filters.seller) chips.push({ label: `Teacher: ${sellerName ?? "unknown"}`, href: without({ seller: undefined }) });
  if (filters.tag) chips.push({ label: `Tag: ${filters.tag}`, href: without({ tag: undefined }) });
  if (chips.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-2 text-sm" aria-label="Filters in use">
      {chips.map((chip) => (
        <li key={chip.label}>
          <Link href={chip.href} className="inline-flex min-h-11 items-center gap-1 rounded-full border border-slate-300 bg-white px-3 text-slate-800 no-underline">
            {chip.label} <span aria-hidden="true">×</span>
            <span className="sr-only">(remove this filter)</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
