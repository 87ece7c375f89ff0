import type { Metadata } from "next";
import { ActiveFilters, CatalogueFilterForm } from "@/components/catalogue-filters";
import { CourseCard } from "@/components/course-card";
import { Pagination } from "@/components/pagination";
import { activeFilterCount, catalogueHref, CATALOGUE_SORTS, parseCatalogueQuery } from "@/lib/courses/catalogue-params";
import { cachedCataloguePage, cachedCatalogueSellers } from "@/lib/courses/catalogue-cache";

export const metadata: Metadata = {
  title: "Courses",
  description: "Browse courses from independent teachers: video lessons, files and free previews, paid securely through Stripe.",
  openGraph: { title: "Courses", url: "/courses" },
};

export default async function CoursesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { filters, ignored } = parseCatalogueQuery(await searchParams);
  const sellers = await cachedCatalogueSellers();
  const seller = filters.seller ? sellers.find((s) => s.id === filters.seller) : undefined;
  if (filters.seller && !seller) {
    ignored.push("That teacher has no published courses: the teacher filter was left out.");
    delete filters.seller;
  }
  const { courses, total, pageCount, searched } = await cachedCataloguePage(filters);
  if (filters.q && !searched) ignored.push(`The search “${filters.q}” has no letters or digits to look for: showing every course.`);
  const narrowed = activeFilterCount(filters) + (filters.q && searched ? 1 : 0);

  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold tracking-tight">Courses</h1>
      <CatalogueFilterForm filters={filters} sellers={sellers} />
      {ignored.length > 0 && (
        <div role="status" className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="ignored-filters">
          <p className="font-medium">Part of this link was not understood and was left out:</p>
          <ul className="list-disc pl-5">
            {ignored.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="mb-4 flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-slate-600" aria-live="polite" data-testid="result-count">
          {`${total.toLocaleString("en-US")} ${total === 1 ? "course" : "courses"}`}
          {filters.q && searched ? ` ${total === 1 ? "matches" : "match"} “${filters.q}”` : ""} · {CATALOGUE_SORTS[filters.sort]}
        </p>
        <ActiveFilters filters={filters} sellerName={seller?.name} />
      </div>
      {courses.length === 0 ? (
        <div className="card text-center text-slate-700" data-testid="no-results">
          {total > 0 ? (
            <p>
              This page is past the last one. <a href={catalogueHref(filters, { page: 1 })}>Go to the first page</a>.
            </p>
          ) : narrowed > 0 ? (
            <p>No course matches all of these. Remove a filter above{filters.q ? ", or try fewer or shorter words" : ""}.</p>
          ) : (
            <p>No courses are published yet.</p>
          )}
        </div>
      ) : (
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {courses.map((course) => (
            <CourseCard key={course.id} course={course} />
          ))}
        </div>
      )}
      <Pagination page={filters.page} pageCount={pageCount} hrefFor={(page) => catalogueHref(filters, { page })} />
    </>
  );
}
