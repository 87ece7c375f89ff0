import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionButton } from "@/components/action-button";
import { CurriculumList } from "@/components/curriculum-list";
import { LessonContent } from "@/components/lesson-content";
import { requireUser } from "@/lib/auth/guards";
import { courseForReader } from "@/lib/lessons/content-access";
import { courseCurriculum, flattenLessons, lessonForReading } from "@/lib/lessons/curriculum";
import { courseProgress, percentComplete, recordLessonView } from "@/lib/lessons/progress";
import { formatMinor } from "@/lib/money";
import { markLessonAction } from "./actions";

export const metadata: Metadata = { title: "Course" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ lesson?: string }> };

/** The course player: open to buyers, to members for included courses, to the seller and to admins. */
export default async function CoursePlayerPage({ params, searchParams }: Props) {
  const [{ slug }, { lesson: askedFor }] = await Promise.all([params, searchParams]);
  const user = await requireUser(`/library/${slug}`);
  const found = await courseForReader(user, slug);
  if (!found) notFound();
  const { course, access } = found;

  if (access.onHold && !access.membership) {
    return (
      <div className="card mx-auto max-w-lg text-center" data-testid="content-on-hold">
        <h1 className="text-xl font-semibold">{course.title}</h1>
        <p className="mt-2 text-slate-700">This course is on hold while a payment dispute is reviewed.</p>
        <p className="mt-1 text-sm text-slate-500">Access comes back if the dispute is decided in the seller&apos;s favour.</p>
        <div className="mt-4 flex justify-center gap-3">
          <Link href="/account/orders" className="btn-secondary">My orders</Link>
        </div>
      </div>
    );
  }

  if (access.role === "visitor") {
    return (
      <div className="card mx-auto max-w-lg text-center" data-testid="content-locked">
        <h1 className="text-xl font-semibold">{course.title}</h1>
        <p className="mt-2 text-slate-700">This course opens once you own it.</p>
        <div className="mt-4 flex justify-center gap-3">
          <Link href={`/checkout/${course.slug}`} className="btn">Buy for {formatMinor(course.priceMinor, course.currency)}</Link>
          <Link href="/membership" className="btn-secondary">See the membership</Link>
          <Link href={`/courses/${course.slug}`} className="btn-secondary">Free previews</Link>
        </div>
      </div>
    );
  }

  const [sections, progress] = await Promise.all([courseCurriculum(course.id, access.role), courseProgress(user.id, course.id)]);
  const lessons = flattenLessons(sections);
  const continuing = !askedFor && !!progress.lastLessonId && lessons.some((l) => l.id === progress.lastLessonId);
  const currentId = lessons.find((l) => l.id === askedFor)?.id ?? (continuing ? progress.lastLessonId! : lessons[0]?.id);
  const index = lessons.findIndex((l) => l.id === currentId);
  const lesson = currentId ? await lessonForReading(currentId, course.id) : null;
  if (lesson) await recordLessonView(user.id, { id: lesson.id, courseId: course.id });
  const percent = percentComplete(lessons.filter((l) => progress.completed.has(l.id)).length, lessons.length);
  const done = lesson ? progress.completed.has(lesson.id) : false;
  const href = (lessonId: string) => `/library/${course.slug}?lesson=${lessonId}`;
  const previous = lessons[index - 1];
  const next = lessons[index + 1];

  return (
    <div className="grid gap-6 lg:grid-cols-[300px_1fr]">
      <aside className="order-2 lg:order-1">
        <p className="text-sm text-slate-500">
          {access.role === "editor" ? "Your course (drafts shown)" : access.purchased ? "Your course" : "Included in your membership"} · by {course.seller.name}
        </p>
        <h2 className="mb-1 mt-1 text-lg font-semibold" data-testid="course-content-title">{course.title}</h2>
        <p className="mb-1 text-sm text-slate-600" data-testid="course-percent">{percent} % complete</p>
        <div className="mb-4 h-2 rounded bg-slate-200" aria-hidden="true">
          <div className="h-2 rounded bg-green-600" style={{ width: `${percent}%` }} />
        </div>
        <CurriculumList sections={sections} hrefFor={href} completed={progress.completed} currentId={currentId} compact />
      </aside>
      <article className="order-1 min-w-0 lg:order-2">
        {!lesson ? (
          <div className="card" data-testid="course-content">
            <p className="whitespace-pre-line leading-relaxed">{course.description}</p>
            <p className="mt-4 text-slate-600">The seller has not published any lessons yet. They will appear here.</p>
          </div>
        ) : (
          <>
            {continuing && (
              <p role="status" className="mb-3 rounded-md bg-indigo-50 px-3 py-2 text-sm text-indigo-900" data-testid="continue-notice">
                Continue where you left off: <strong>{lesson.title}</strong>
              </p>
            )}
            <h1 className="page-title mb-4" data-testid="lesson-title">{lesson.title}</h1>
            <LessonContent lesson={lesson} />
            <div className="mt-8 flex flex-wrap items-start justify-between gap-3 border-t border-slate-200 pt-4">
              {previous ? <Link href={href(previous.id)} className="btn-secondary" rel="prev">← {previous.title}</Link> : <span />}
              <ActionButton
                key={`${lesson.id}-${done}`}
                action={markLessonAction}
                fields={{ lessonId: lesson.id, done: String(!done) }}
                label={done ? "✓ Completed (undo)" : "Mark as complete"}
                pendingLabel="Saving…"
                variant={done ? "secondary" : "primary"}
              />
              {next ? <Link href={href(next.id)} className="btn-secondary" rel="next">{next.title} →</Link> : <span />}
            </div>
          </>
        )}
      </article>
    </div>
  );
}
