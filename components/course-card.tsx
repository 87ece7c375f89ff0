import Link from "next/link";
import { formatMinor } from "@/lib/money";
import { CourseCover } from "./course-cover";
import { RatingStars } from "./rating-stars";

export interface CourseCardCourse {
  slug: string;
  title: string;
  description: string;
  priceMinor: number;
  currency: string;
  includedInMembership?: boolean;
  ratingCount?: number;
  ratingAverage?: number;
  cover: { imageId: string } | null;
  seller: { name: string; sellerProfile: { handle: string } | null };
}

/** Cards are a third of the content width on desktop, half on tablets, the full width on phones. */
const CARD_SIZES = "(min-width: 1024px) 352px, (min-width: 640px) 50vw, 100vw";

export function CourseCard({ course }: { course: CourseCardCourse }) {
  const href = `/courses/${course.slug}`;
  const handle = course.seller.sellerProfile?.handle;
  return (
    <article className="card flex flex-col overflow-hidden p-0" data-testid="course-card">
      {/* Not prefetched: a catalogue page would otherwise ask the server for all twelve course pages at once. */}
      <Link href={href} prefetch={false} tabIndex={-1} aria-hidden="true">
        <CourseCover title={course.title} imageId={course.cover?.imageId} sizes={CARD_SIZES} />
      </Link>
      <div className="flex flex-1 flex-col p-5">
        <h2 className="text-lg font-semibold leading-snug">
          <Link href={href} prefetch={false} className="text-slate-900">
            {course.title}
          </Link>
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          by{" "}
          {handle ? (
            <Link href={`/sellers/${handle}`} prefetch={false} className="text-slate-700 underline" data-testid="card-seller">
              {course.seller.name}
            </Link>
          ) : (
            course.seller.name
          )}
        </p>
        {course.ratingCount !== undefined && (
          <div className="mt-1">
            <RatingStars average={course.ratingAverage ?? 0} count={course.ratingCount} />
          </div>
        )}
        <p className="mt-3 line-clamp-3 flex-1 text-sm text-slate-700">{course.description}</p>
        <div className="mt-4 flex flex-wrap items-center justify-between gap-2">
          <p className="text-base font-semibold">{formatMinor(course.priceMinor, course.currency)}</p>
          {course.includedInMembership && (
            <p className="rounded bg-indigo-50 px-2 py-0.5 text-xs font-medium text-indigo-800">Included in membership</p>
          )}
        </div>
      </div>
    </article>
  );
}
