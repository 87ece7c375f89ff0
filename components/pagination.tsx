import Link from "next/link";

interface PaginationProps {
  page: number;
  pageCount: number;
  /** Builds the link for a page, keeping the other query parameters. */
  hrefFor: (page: number) => string;
}

export function Pagination({ page, pageCount, hrefFor }: PaginationProps) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label="Pagination" className="mt-8 flex items-center justify-between text-sm">
      {page > 1 ? <Link href={hrefFor(page - 1)} rel="prev" className="inline-flex min-h-11 items-center">← Previous</Link> : <span />}
      <span className="text-slate-600">
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? <Link href={hrefFor(page + 1)} rel="next" className="inline-flex min-h-11 items-center">Next →</Link> : <span />}
    </nav>
  );
}
