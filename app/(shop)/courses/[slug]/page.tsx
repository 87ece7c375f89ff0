import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getPublishedCourse } from "@/lib/courses/catalogue";
import { formatMinor } from "@/lib/money";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const course = await getPublishedCourse((await params).slug);
  return { title: course?.title ?? "Course not found" };
}

export default async function CoursePage({ params }: Props) {
  const course = await getPublishedCourse((await params).slug);
  if (!course) notFound();

  return (
    <article className="grid gap-8 md:grid-cols-[1fr_280px]">
      <div>
        <h1 className="text-3xl font-semibold tracking-tight">{course.title}</h1>
        <p className="mt-2 text-slate-600">
          by <span data-testid="course-seller">{course.seller.name}</span>
        </p>
        <div className="mt-6 whitespace-pre-line leading-relaxed text-slate-800">{course.description}</div>
      </div>
      <aside className="card h-fit">
        <p className="text-3xl font-semibold" data-testid="course-price">
          {formatMinor(course.priceMinor, course.currency)}
        </p>
        <p className="mt-1 text-sm text-slate-500">One payment, lifetime access.</p>
        {course.includedInMembership && (
          <p className="mt-3 rounded bg-indigo-50 px-2 py-1 text-sm text-indigo-800">Included in the membership</p>
        )}
        <p className="mt-4 text-sm text-slate-600">Checkout opens soon: card payments are being set up.</p>
      </aside>
    </article>
  );
}
