import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CurriculumList } from "@/components/curriculum-list";
import { RatingStars } from "@/components/rating-stars";
import { CourseReviews } from "@/components/reviews/course-reviews";
import { createReviewAction, deleteReviewAction, saveReplyAction, setReviewHiddenAction, updateReviewAction } from "@/app/reviews/actions";
import { listCourseReviews, viewerReview } from "@/lib/reviews/reviews";
import { getCurrentUser } from "@/lib/auth/current-user";
import { courseCurriculum, flattenLessons, formatDuration } from "@/lib/lessons/curriculum";
import { courseAccess } from "@/lib/membership/course-access";
import { planForCourse } from "@/lib/orders/plan-course-charge";
import { CHARGE_TYPE_LABELS } from "@/lib/settings/platform-settings";
import { formatMinor } from "@/lib/money";
import { cachedPublishedCourse } from "../../catalogue-cache";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const REVIEW_ACTIONS = { create: createReviewAction, update: updateReviewAction, remove: deleteReviewAction, reply: saveReplyAction, hide: setReviewHiddenAction };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const course = await cachedPublishedCourse((await params).slug);
  return { title: course?.title ?? "Course not found" };
}

export default async function CoursePage({ params, searchParams }: Props) {
  const course = await cachedPublishedCourse((await params).slug);
  if (!course) notFound();
  const user = await getCurrentUser();
  const reviewPage = Number((await searchParams).reviews);
  const [access, planned, sections, reviews, own] = await Promise.all([
    user ? courseAccess(user.id, course.id) : null,
    planForCourse(course.id),
    // Everyone sees the published curriculum; only previews open from here (the rest in the library).
    courseCurriculum(course.id, "visitor"),
    // Reviews are read fresh (not from the catalogue's cache): a new review shows at once.
    listCourseReviews(course.id, Number.isInteger(reviewPage) && reviewPage > 0 && reviewPage < 100_000 ? reviewPage : 1, { includeHidden: user?.role === "admin" }),
    user ? viewerReview(user.id, course.id) : null,
  ]);
  const lessons = flattenLessons(sections);
  const totalSeconds = lessons.reduce((sum, lesson) => sum + lesson.durationSeconds, 0);

  return (
    <article className="grid gap-8 md:grid-cols-[1fr_280px]">
      <div>
        <h1 className="text-3xl font-semibold tracking-tight">{course.title}</h1>
        <p className="mt-2 text-slate-600">
          by <span data-testid="course-seller">{course.seller.name}</span>
        </p>
        <a href="#reviews" className="mt-2 inline-block no-underline">
          <RatingStars average={course.ratingAverage} count={course.ratingCount} />
        </a>
        <div className="mt-6 whitespace-pre-line leading-relaxed text-slate-800">{course.description}</div>
        {course.tags.length > 0 && (
          <ul className="mt-4 flex flex-wrap gap-2 text-sm" aria-label="Tags">
            {course.tags.map(({ tag }) => (
              <li key={tag}>
                <Link href={`/courses?tag=${tag}`} className="inline-flex min-h-11 items-center rounded-full bg-slate-100 px-3 text-slate-800 no-underline">
                  #{tag}
                </Link>
              </li>
            ))}
          </ul>
        )}
        {lessons.length > 0 && (
          <section className="mt-8" aria-labelledby="curriculum-heading">
            <h2 id="curriculum-heading" className="text-xl font-semibold">Curriculum</h2>
            <p className="mb-3 text-sm text-slate-600">
              {sections.length} {sections.length === 1 ? "section" : "sections"} · {lessons.length} {lessons.length === 1 ? "lesson" : "lessons"}
              {totalSeconds > 0 && ` · ${formatDuration(totalSeconds)}`}
            </p>
            <CurriculumList sections={sections} hrefFor={(lessonId) => `/courses/${course.slug}/lessons/${lessonId}`} />
          </section>
        )}
        <CourseReviews
          course={course}
          list={reviews}
          viewer={user && own ? { role: user.role, isSeller: user.id === course.seller.id, own: own.review, canReview: own.canReview, reason: own.reason } : null}
          actions={REVIEW_ACTIONS}
          hrefForPage={(page) => (page > 1 ? `/courses/${course.slug}?reviews=${page}#reviews` : `/courses/${course.slug}#reviews`)}
        />
      </div>
      <aside className="card h-fit">
        <p className="text-3xl font-semibold" data-testid="course-price">
          {formatMinor(course.priceMinor, course.currency)}
        </p>
        <p className="mt-1 text-sm text-slate-500">One payment, lifetime access.</p>
        {course.includedInMembership && (
          <p className="mt-3 rounded bg-indigo-50 px-2 py-1 text-sm text-indigo-800">Included in the membership</p>
        )}
        {user?.id === course.seller.id ? (
          <p className="mt-4 text-sm text-slate-600">This is your course.</p>
        ) : access?.onHold && !access.membership ? (
          <p className="mt-4 rounded bg-amber-50 px-2 py-1 text-sm text-amber-900" data-testid="course-on-hold">
            You bought this course; it is on hold while a payment dispute is reviewed.
          </p>
        ) : access?.purchased || access?.membership ? (
          <Link href={`/library/${course.slug}`} className="btn mt-4 w-full">
            Open the course
          </Link>
        ) : planned?.ok ? (
          <Link href={`/checkout/${course.slug}`} className="btn mt-4 w-full">
            Buy this course
          </Link>
        ) : (
          <p className="mt-4 rounded border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="not-for-sale">
            Not for sale right now: the seller’s Stripe account cannot take payments at the moment. Please check back later.
          </p>
        )}
        {planned?.ok && (
          <p className="mt-3 text-xs text-slate-500" data-testid="course-payee">
            Paid to {course.seller.name} through Stripe ({CHARGE_TYPE_LABELS[planned.plan.chargeType].toLowerCase()}).
          </p>
        )}
      </aside>
    </article>
  );
}
