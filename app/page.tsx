import Link from "next/link";
import { CourseCard } from "@/components/course-card";
import { cachedCataloguePage } from "@/lib/courses/catalogue-cache";
import { parseCatalogueQuery } from "@/lib/courses/catalogue-params";

export default async function HomePage() {
  // The catalogue's first page, from the same cache entry as /courses without a query.
  const { courses } = await cachedCataloguePage(parseCatalogueQuery({}).filters);
  return (
    <>
      <section className="mb-10 rounded-xl bg-indigo-700 px-8 py-12 text-white">
        <h1 className="text-3xl font-semibold tracking-tight">Learn from independent teachers</h1>
        <p className="mt-3 max-w-xl text-indigo-100">
          Buy a course once and keep it, or join the membership for every included course. Teachers are
          paid directly through Stripe.
        </p>
        <Link href="/courses" className="mt-6 inline-block rounded-md bg-white px-4 py-2 font-medium text-indigo-700 no-underline">
          Browse the catalogue
        </Link>
      </section>
      <h2 className="mb-4 text-xl font-semibold">New courses</h2>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {courses.slice(0, 6).map((course) => (
          <CourseCard key={course.id} course={course} />
        ))}
      </div>
    </>
  );
}
