import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LessonContent } from "@/components/lesson-content";
import { lessonForReading } from "@/lib/lessons/curriculum";
import { cachedPublishedCourse } from "@/lib/courses/catalogue-cache";

export const metadata: Metadata = { title: "Free preview" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; lessonId: string }> };

/** A free preview lesson, open to everyone; other lessons are not found here. */
export default async function PreviewLessonPage({ params }: Props) {
  const { slug, lessonId } = await params;
  const course = await cachedPublishedCourse(slug);
  if (!course) notFound();
  const lesson = await lessonForReading(lessonId, course.id);
  if (!lesson || !lesson.preview || !lesson.published) notFound();

  return (
    <article className="mx-auto max-w-3xl">
      <p className="text-sm">
        <Link href={`/courses/${course.slug}`}>← {course.title}</Link> · <span className="rounded bg-green-50 px-1.5 text-green-800">Free preview</span>
      </p>
      <h1 className="page-title mt-2" data-testid="lesson-title">{lesson.title}</h1>
      <LessonContent lesson={lesson} />
      <div className="card mt-8 flex flex-wrap items-center justify-between gap-3">
        <p className="text-slate-700">Liked it? The whole course is one payment away.</p>
        <Link href={`/courses/${course.slug}`} className="btn">See the course</Link>
      </div>
    </article>
  );
}
