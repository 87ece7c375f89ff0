import Link from "next/link";
import { formatMinor } from "@/lib/money";

interface CourseCardProps {
  course: {
    slug: string;
    title: string;
    description: string;
    priceMinor: number;
    currency: string;
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
      <p className="mt-3 line-clamp-3 flex-1 text-sm text-slate-700">{course.description}</p>
      <p className="mt-4 text-base font-semibold">{formatMinor(course.priceMinor, course.currency)}</p>
    </article>
  );
}
