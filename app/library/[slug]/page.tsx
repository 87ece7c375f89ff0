import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/guards";
import { courseForReader } from "@/lib/membership/course-access";
import { formatMinor } from "@/lib/money";

export const metadata: Metadata = { title: "Course" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

/** The course content area: open to buyers of the course and to members for included courses. */
export default async function CourseContentPage({ params }: Props) {
  const { slug } = await params;
  const user = await requireUser(`/library/${slug}`);
  const found = await courseForReader(user.id, slug);
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

  if (!access.purchased && !access.membership) {
    return (
      <div className="card mx-auto max-w-lg text-center" data-testid="content-locked">
        <h1 className="text-xl font-semibold">{course.title}</h1>
        <p className="mt-2 text-slate-700">This course opens once you own it.</p>
        <div className="mt-4 flex justify-center gap-3">
          <Link href={`/checkout/${course.slug}`} className="btn">Buy for {formatMinor(course.priceMinor, course.currency)}</Link>
          <Link href="/membership" className="btn-secondary">See the membership</Link>
        </div>
      </div>
    );
  }

  return (
    <article>
      <p className="text-sm text-slate-500">
        {access.purchased ? "Your course" : "Included in your membership"} · by {course.seller.name}
      </p>
      <h1 className="page-title mt-1" data-testid="course-content-title">{course.title}</h1>
      <div className="card whitespace-pre-line leading-relaxed" data-testid="course-content">
        {course.description}
      </div>
      <ol className="mt-6 space-y-2">
        {["Welcome and set-up", "The core ideas", "Putting it into practice"].map((lesson, index) => (
          <li key={lesson} className="card flex items-center gap-3">
            <span className="flex h-7 w-7 items-center justify-center rounded-full bg-indigo-100 text-sm font-medium text-indigo-800">{index + 1}</span>
            {lesson}
          </li>
        ))}
      </ol>
    </article>
  );
}
