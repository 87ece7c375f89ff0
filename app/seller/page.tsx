import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/data-table";
import { PublishToggle } from "@/components/publish-toggle";
import { ConnectionPanel } from "./connection-panel";
import { requireRole } from "@/lib/auth/guards";
import { getSellerConnection } from "@/lib/seller-accounts/seller-connection";
import { isEmailVerified } from "@/lib/users/email-verification";
import { listSellerCourses } from "@/lib/courses/seller-courses";
import { sellerShareOf } from "@/lib/fees/fee-rule";
import { feesForSellerCourses } from "@/lib/fees/platform-fees";
import { formatBasisPoints, formatMinor } from "@/lib/money";
import { setPublishedAction } from "./actions";

export const metadata: Metadata = { title: "Seller" };

const CONNECT_OUTCOMES: Record<string, { tone: "ok" | "error"; text: string }> = {
  connected: { tone: "ok", text: "Your Stripe account is connected." },
  returned: { tone: "ok", text: "Welcome back from Stripe. Your account status is below." },
  denied: { tone: "error", text: "You cancelled the connection in Stripe. Nothing was connected." },
  invalid_state: { tone: "error", text: "That connection link was not started from this session. Please press “Connect Stripe Account” again." },
  expired: { tone: "error", text: "The connection took too long. Please press “Connect Stripe Account” again." },
  invalid_grant: { tone: "error", text: "That authorization was already used or has expired. Please connect again." },
  already_linked: { tone: "error", text: "That Stripe account is already connected to another seller here. Use another account." },
  error: { tone: "error", text: "Stripe could not complete the connection. Nothing was changed; please try again." },
};

export default async function SellerPage({
  searchParams,
}: {
  searchParams: Promise<{ saved?: string; connect?: string }>;
}) {
  const seller = await requireRole("seller", "/seller");
  const [courses, connection, { saved, connect }, verified] = await Promise.all([
    listSellerCourses(seller.id),
    getSellerConnection(seller.id),
    searchParams,
    isEmailVerified(seller.id),
  ]);
  const outcome = connect ? CONNECT_OUTCOMES[connect] : undefined;
  const fees = await feesForSellerCourses(seller.id, courses);

  return (
    <>
      <div className="mb-6 flex items-center justify-between">
        <h1 className="text-2xl font-semibold tracking-tight">Your courses</h1>
        <div className="flex gap-2">
          <Link href="/seller/profile" className="btn-secondary">Profile</Link>
          <Link href="/seller/sales" className="btn-secondary">Sales</Link>
          <Link href="/seller/courses/new" className="btn">New course</Link>
        </div>
      </div>
      {outcome && (
        <p
          role={outcome.tone === "error" ? "alert" : "status"}
          data-testid="connect-outcome"
          className={`mb-4 rounded-md border px-3 py-2 text-sm ${outcome.tone === "error" ? "border-red-200 bg-red-50 text-red-800" : "border-green-200 bg-green-50 text-green-800"}`}
        >
          {outcome.text}
        </p>
      )}
      {!verified && (
        <p data-testid="confirm-email-first" className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Please confirm your email address before connecting Stripe: open the link we emailed you, or send a new one from <Link href="/account">your account page</Link>.
        </p>
      )}
      <ConnectionPanel connection={connection} />
      {saved && (
        <p role="status" className="mb-4 rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800">
          Course saved as a draft. Publish it when it is ready.
        </p>
      )}
      {courses.length === 0 ? (
        <div className="card text-center text-slate-600">You have not created a course yet.</div>
      ) : (
        <DataTable
          columns={[
            { label: "Title" },
            { label: "Price" },
            { label: "Platform fee" },
            { label: "You receive" },
            { label: "Status" },
            { label: "Actions", visuallyHidden: true },
          ]}
        >
          {courses.map((course) => (
            <tr key={course.id} className="border-b border-slate-100 last:border-0" data-testid="seller-course-row">
              <td className="px-4 py-3">
                {course.published ? <Link href={`/courses/${course.slug}`}>{course.title}</Link> : course.title}
              </td>
              <td className="px-4 py-3">{formatMinor(course.priceMinor, course.currency)}</td>
              <td className="px-4 py-3" data-testid="course-fee-percent">{formatBasisPoints(fees.get(course.id)!.basisPoints)}</td>
              <td className="px-4 py-3" data-testid="course-net">
                {formatMinor(sellerShareOf(course.priceMinor, fees.get(course.id)!.basisPoints).netMinor, course.currency)}
              </td>
              <td className="px-4 py-3">
                <span className={course.published ? "text-green-700" : "text-slate-500"}>
                  {course.published ? "Published" : "Draft"}
                </span>
              </td>
              <td className="px-4 py-3">
                <div className="flex items-center justify-end gap-2">
                  <Link href={`/seller/courses/${course.id}/edit`} className="btn-secondary">Edit</Link>
                  <Link href={`/seller/courses/${course.id}/content`} className="btn-secondary" aria-label={`Lessons of ${course.title}`}>Lessons</Link>
                  <PublishToggle action={setPublishedAction} courseId={course.id} published={course.published} title={course.title} />
                </div>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
