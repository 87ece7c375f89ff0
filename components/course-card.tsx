import Link from "next/link";
import { formatMinor } from "@/lib/money";
import { RatingStars } from "./rating-stars";

interface CourseCardProps {
  course: {
    slug: string;
    title: string;
    description: string;
    priceMinor: number;
    currency: string;
    includedInMembership?: boolean;
    ratingCount?: number;
    ratingAverage?: number;
    seller: { name: string };
  };
}

export function CourseCard({ course }: CourseCardProps) {
  return (
    <article className="card flex flex-col" data-testid="course-card">
      <h2 className="text-lg font-semibold leading-snug">
        {/* Not prefetched: a catalogue page would otherwise ask the server for all twelve course pages at once. */}
        <Link href={`/courses/${course.slug}`} prefetch={false} className="text-slate-900">
          {course.title}
        </Link>
      </h2>
      <p className="mt-1 text-sm text-slate-500">by {course.seller.name}</p>
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
    </article>
  );
}
