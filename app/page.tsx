import Link from "next/link";
import { CourseCard } from "@/components/course-card";
import { listPublishedCourses } from "@/lib/courses/catalogue";

export default async function HomePage() {
  const { courses } = await listPublishedCourses({ page: 1 });
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
