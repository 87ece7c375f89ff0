import type { Metadata } from "next";
import { CourseCard } from "@/components/course-card";
import { ListHeader } from "@/components/list-header";
import { Pagination } from "@/components/pagination";
import { listHref, parseListParams } from "@/lib/list-params";
import { cachedCataloguePage } from "../catalogue-cache";

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
  const { q, page } = parseListParams(await searchParams);
  const { courses, total, pageCount } = await cachedCataloguePage({ search: q, page });

  return (
    <>
      <ListHeader title="Courses" action="/courses" searchLabel="Search courses by title" placeholder="Search by title" query={q} />
      <p className="mb-4 text-sm text-slate-600" aria-live="polite">
        {q ? `${total} ${total === 1 ? "course matches" : "courses match"} “${q}”.` : `${total} courses.`}
      </p>
      {courses.length === 0 ? (
        <div className="card text-center text-slate-600">
          {q ? "No course title matches your search. Try a shorter word." : "No courses are published yet."}
        </div>
      ) : (
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {courses.map((course) => (
            <CourseCard key={course.id} course={course} />
          ))}
        </div>
      )}
      <Pagination page={page} pageCount={pageCount} hrefFor={(p) => listHref("/courses", { q, page: p })} />
    </>
  );
}
