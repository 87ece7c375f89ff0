interface ListHeaderProps {
  title: string;
  /** Where the search form submits (the list's own path). */
  action: string;
  searchLabel: string;
  placeholder: string;
  query: string;
}

/** A list page's title with its search box; a plain GET form, so it works without JavaScript. */
export function ListHeader({ title, action, searchLabel, placeholder, query }: ListHeaderProps) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
      <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
      <form role="search" action={action} className="flex w-full gap-2 sm:w-auto">
        <label htmlFor="q" className="sr-only">
          {searchLabel}
        </label>
        <input id="q" name="q" type="search" defaultValue={query} placeholder={placeholder} className="input min-w-0 flex-1 sm:w-64 sm:flex-none" />
        <button type="submit" className="btn">
          Search
        </button>
      </form>
    </div>
  );
}
