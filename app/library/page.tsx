import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/guards";
import { libraryProgress } from "@/lib/lessons/progress";
import { listLibrary } from "@/lib/membership/course-access";

export const metadata: Metadata = { title: "My library" };
export const dynamic = "force-dynamic";

export default async function LibraryPage() {
  const user = await requireUser("/library");
  const { purchased, memberCourses, membershipStatus } = await listLibrary(user.id);
  const progress = await libraryProgress(user.id, [...purchased.map((e) => e.course.id), ...memberCourses.map((c) => c.id)]);

  if (purchased.length === 0 && memberCourses.length === 0) {
    return (
      <>
        <h1 className="page-title">My library</h1>
        <div className="card text-center">
          <p className="text-slate-700">You have no courses yet.</p>
          <p className="mt-1 text-sm text-slate-500">Courses you buy will appear here, ready to open.</p>
          <div className="mt-4 flex justify-center gap-3">
            <Link href="/courses" className="btn">Browse courses</Link>
            <Link href="/membership" className="btn-secondary">See the membership</Link>
          </div>
        </div>
      </>
    );
  }

  return (
    <>
      <div className="flex items-baseline justify-between">
        <h1 className="page-title">My library</h1>
        <p className="flex gap-4 text-sm">
          <Link href="/account/orders">My orders</Link>
          <Link href="/membership">Membership</Link>
        </p>
      </div>
      {purchased.length > 0 && (
        <section aria-labelledby="bought" className="mb-8">
          <h2 id="bought" className="mb-3 text-lg font-semibold">Your courses</h2>
          <ul className="grid gap-3 sm:grid-cols-2">
            {purchased.map(({ course, frozenAt }) =>
              frozenAt ? (
                <li key={course.id} className="card flex items-center justify-between gap-3" data-testid="library-course-on-hold">
                  <div>
                    <p className="font-medium">{course.title}</p>
                    <p className="text-xs text-slate-500">by {course.seller.name}</p>
                    <p className="mt-1 text-sm text-amber-800">On hold while a payment dispute is reviewed.</p>
                  </div>
                  <Link href="/account/orders" className="btn-secondary">My orders</Link>
                </li>
              ) : (
                <LibraryCard key={course.id} course={course} note="Bought · lifetime access" percent={progress.get(course.id)} />
              ),
            )}
          </ul>
        </section>
      )}
      {memberCourses.length > 0 && (
        <section aria-labelledby="member">
          <h2 id="member" className="mb-3 text-lg font-semibold">Included in your membership</h2>
          {membershipStatus === "past_due" && (
            <p className="mb-3 rounded bg-amber-50 px-3 py-2 text-sm text-amber-900">
              Your last membership payment failed. <Link href="/membership">Update your card</Link> to keep access.
            </p>
          )}
          <ul className="grid gap-3 sm:grid-cols-2">
            {memberCourses.map((course) => (
              <LibraryCard key={course.id} course={course} note="Membership" percent={progress.get(course.id)} />
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function LibraryCard({ course, note, percent }: { course: { slug: string; title: string; seller: { name: string } }; note: string; percent?: number }) {
  return (
    <li className="card flex items-center justify-between gap-3" data-testid="library-course">
      <div className="min-w-0 flex-1">
        <p className="font-medium">{course.title}</p>
        <p className="text-xs text-slate-500">by {course.seller.name} · {note}</p>
        {percent !== undefined && (
          <div className="mt-2">
            <div className="h-1.5 rounded bg-slate-200" aria-hidden="true">
              <div className="h-1.5 rounded bg-green-600" style={{ width: `${percent}%` }} />
            </div>
            <p className="mt-1 text-xs text-slate-600" data-testid="library-percent">{percent} % complete</p>
          </div>
        )}
      </div>
      <Link href={`/library/${course.slug}`} className="btn-secondary" aria-label={`${percent ? "Continue" : "Open"} ${course.title}`}>{percent ? "Continue" : "Open"}</Link>
    </li>
  );
}
