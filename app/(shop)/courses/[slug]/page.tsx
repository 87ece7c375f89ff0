import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CourseCover } from "@/components/course-cover";
import { CurriculumList } from "@/components/curriculum-list";
import { RatingStars } from "@/components/rating-stars";
import { CourseReviews } from "@/components/reviews/course-reviews";
import { SellerAvatar } from "@/components/seller-avatar";
import { createReviewAction, deleteReviewAction, saveReplyAction, setReviewHiddenAction, updateReviewAction } from "@/app/reviews/actions";
import { getCurrentUser } from "@/lib/auth/current-user";
import { courseStructuredData, scriptSafeJson } from "@/lib/courses/course-structured-data";
import { env } from "@/lib/env";
import { imageUrl } from "@/lib/images/image-rules";
import { courseCurriculum, flattenLessons, formatDuration } from "@/lib/lessons/curriculum";
import { courseAccess } from "@/lib/membership/course-access";
import { formatMinor, isCurrency } from "@/lib/money";
import { planForCourse } from "@/lib/orders/plan-course-charge";
import { refundPolicy, refundPolicyWords } from "@/lib/refunds/refund-policy";
import { listCourseReviews, viewerReview } from "@/lib/reviews/reviews";
import { cachedPublishedCourse } from "@/lib/courses/catalogue-cache";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const REVIEW_ACTIONS = { create: createReviewAction, update: updateReviewAction, remove: deleteReviewAction, reply: saveReplyAction, hide: setReviewHiddenAction };

const summaryOf = (description: string) => (description.length > 160 ? `${description.slice(0, 157).trimEnd()}…` : description);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const course = await cachedPublishedCourse((await params).slug);
  if (!course) return { title: "Course not found" };
  const description = summaryOf(course.description);
  const image = course.cover ? [{ url: imageUrl(course.cover.imageId, "og.jpg"), width: 1200, height: 630, alt: course.title }] : undefined;
  return {
    title: course.title,
    description,
    alternates: { canonical: `/courses/${course.slug}` },
    openGraph: { type: "website", title: course.title, description, url: `/courses/${course.slug}`, images: image },
    twitter: { card: image ? "summary_large_image" : "summary", title: course.title, description },
  };
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

export default async function CoursePage({ params, searchParams }: Props) {
  const course = await cachedPublishedCourse((await params).slug);
  if (!course || !isCurrency(course.currency)) notFound();
  const user = await getCurrentUser();
  const reviewPage = Number((await searchParams).reviews);
  const [access, planned, sections, nonce, reviews, own] = await Promise.all([
    user ? courseAccess(user.id, course.id) : null,
    planForCourse(course.id),
    // Everyone sees the published curriculum; only previews open from here (the rest in the library).
    courseCurriculum(course.id, "visitor"),
    headers().then((list) => list.get("x-nonce") ?? undefined),
    // Reviews are read fresh (not from the catalogue's cache): a new review shows at once.
    listCourseReviews(course.id, Number.isInteger(reviewPage) && reviewPage > 0 && reviewPage < 100_000 ? reviewPage : 1, { includeHidden: user?.role === "admin" }),
    user ? viewerReview(user.id, course.id) : null,
  ]);
  const lessons = flattenLessons(sections);
  const videoSeconds = lessons.reduce((sum, lesson) => sum + (lesson.hasVideo ? lesson.durationSeconds : 0), 0);
  const totalSeconds = lessons.reduce((sum, lesson) => sum + lesson.durationSeconds, 0);
  const files = lessons.reduce((sum, lesson) => sum + lesson.fileCount, 0);
  const previews = lessons.filter((lesson) => lesson.preview).length;
  const handle = course.seller.sellerProfile?.handle ?? null;
  const refunds = refundPolicyWords(refundPolicy());
  const structured = courseStructuredData(
    {
      ...course,
      currency: course.currency,
      sellerName: course.seller.name,
      sellerHandle: handle,
      imageUrl: course.cover ? imageUrl(course.cover.imageId, "og.jpg") : null,
    },
    env().APP_URL,
  );
  const sellerName = handle ? (
    <Link href={`/sellers/${handle}`} className="font-medium text-slate-900 underline" data-testid="course-seller">
      {course.seller.name}
    </Link>
  ) : (
    <span className="font-medium text-slate-900" data-testid="course-seller">{course.seller.name}</span>
  );

  return (
    <article className="grid gap-x-10 gap-y-8 md:grid-cols-[minmax(0,1fr)_300px]">
      <script type="application/ld+json" nonce={nonce} dangerouslySetInnerHTML={{ __html: scriptSafeJson(structured) }} />
      <header className="md:col-start-1">
        <CourseCover title={course.title} imageId={course.cover?.imageId} sizes="(min-width: 1024px) 640px, (min-width: 768px) 60vw, 100vw" eager className="rounded-xl" />
        <h1 className="mt-6 text-3xl font-semibold tracking-tight">{course.title}</h1>
        <div className="mt-3 flex items-center gap-3 text-slate-600">
          <SellerAvatar name={course.seller.name} imageId={course.seller.sellerProfile?.avatarImageId} size={40} />
          <p>by {sellerName}</p>
        </div>
        <a href="#reviews" className="mt-2 inline-block no-underline">
          <RatingStars average={course.ratingAverage} count={course.ratingCount} />
        </a>
      </header>

      <aside className="card h-fit md:sticky md:top-6 md:col-start-2 md:row-span-2 md:row-start-1" aria-label="Buy this course">
        <p className="text-3xl font-semibold" data-testid="course-price">
          {formatMinor(course.priceMinor, course.currency)}
        </p>
        <p className="mt-1 text-sm text-slate-600">One payment, yours to keep.</p>
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
          <>
            <Link href={`/checkout/${course.slug}`} className="btn mt-4 w-full">
              Buy this course
            </Link>
            {course.includedInMembership && (
              <Link href="/membership" className="btn-secondary mt-2 w-full">
                Or join the membership
              </Link>
            )}
          </>
        ) : (
          <p className="mt-4 rounded border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="not-for-sale">
            Not for sale right now: the seller’s Stripe account cannot take payments at the moment. Please check back later.
          </p>
        )}
        {course.includedInMembership && (
          <p className="mt-3 rounded bg-indigo-50 px-2 py-1 text-sm text-indigo-800">Included in the membership</p>
        )}
        {planned?.ok && (
          <p className="mt-3 text-xs text-slate-600" data-testid="course-payee">
            Paid securely through Stripe to {course.seller.name}. Your card details go to Stripe, never to us.
          </p>
        )}
        <div className="mt-4 border-t border-slate-200 pt-4 text-sm" data-testid="refund-policy">
          <p className="font-medium text-slate-900">{refunds.headline}</p>
          <p className="mt-1 text-slate-600">{refunds.detail}</p>
        </div>
      </aside>

      <div className="min-w-0 md:col-start-1">
        <div className="whitespace-pre-line leading-relaxed text-slate-800">{course.description}</div>
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
          <section className="mt-8" aria-labelledby="includes-heading">
            <h2 id="includes-heading" className="text-xl font-semibold">This course includes</h2>
            <ul className="mt-3 grid gap-2 text-sm text-slate-700 sm:grid-cols-2" data-testid="course-includes">
              <li>{plural(lessons.length, "lesson", "lessons")} in {plural(sections.length, "section", "sections")}</li>
              {videoSeconds > 0 && <li>{formatDuration(videoSeconds)} of video</li>}
              {files > 0 && <li>{plural(files, "downloadable file", "downloadable files")}</li>}
              {previews > 0 && <li>{plural(previews, "free preview lesson", "free preview lessons")}</li>}
              <li>Lifetime access, on phone and desktop</li>
            </ul>
          </section>
        )}
        {lessons.length > 0 && (
          <section className="mt-8" aria-labelledby="curriculum-heading">
            <h2 id="curriculum-heading" className="text-xl font-semibold">Curriculum</h2>
            <p className="mb-3 text-sm text-slate-600">
              {plural(sections.length, "section", "sections")} · {plural(lessons.length, "lesson", "lessons")}
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
    </article>
  );
}
