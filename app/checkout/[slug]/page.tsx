import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CourseCheckout } from "./course-checkout";
import { requireUser } from "@/lib/auth/guards";
import { getPublishedCourse } from "@/lib/courses/catalogue";
import { courseAccess } from "@/lib/membership/course-access";
import { processingOrderFor } from "@/lib/orders/buyer-orders";
import { planForCourse } from "@/lib/orders/plan-course-charge";
import { formatMinor } from "@/lib/money";
import { browserStripeConfig } from "@/lib/payments/browser-config";

export const metadata: Metadata = { title: "Checkout" };

type Props = { params: Promise<{ slug: string }> };

export default async function CheckoutPage({ params }: Props) {
  const { slug } = await params;
  const user = await requireUser(`/checkout/${slug}`);
  const course = await getPublishedCourse(slug);
  if (!course) notFound();
  const price = formatMinor(course.priceMinor, course.currency);
  const [access, planned, processing] = await Promise.all([
    courseAccess(user.id, course.id),
    planForCourse(course.id),
    processingOrderFor(user.id, course.id),
  ]);

  return (
    <div className="mx-auto max-w-lg">
      <h1 className="page-title">Checkout</h1>
      <div className="card mb-6 flex items-start justify-between gap-4">
        <div>
          <p className="font-medium" data-testid="checkout-course">{course.title}</p>
          <p className="text-sm text-slate-500">by {course.seller.name} · lifetime access</p>
        </div>
        <p className="text-xl font-semibold" data-testid="checkout-price">{price}</p>
      </div>
      {course.seller.id === user.id ? (
        <Notice>This is your own course: you cannot buy it.</Notice>
      ) : access.purchased ? (
        <Notice>
          You already own this course. <Link href={`/library/${course.slug}`}>Open it</Link>.
        </Notice>
      ) : access.onHold ? (
        <Notice>
          You bought this course; it is on hold while a payment dispute is reviewed. <Link href="/account/orders">See your orders</Link>.
        </Notice>
      ) : processing ? (
        <Notice>
          Your bank payment for this course is processing. The course appears in your library as soon as the bank confirms it;
          if it fails, you can pay again here. <Link href={`/account/orders/${processing.id}`}>See the order</Link>.
        </Notice>
      ) : !planned?.ok ? (
        <Notice>{planned?.message ?? "This course is not for sale right now."}</Notice>
      ) : (
        <div className="card">
          {access.membership && (
            <p className="mb-4 rounded bg-indigo-50 px-3 py-2 text-sm text-indigo-800">
              Your membership already includes this course. Buying it keeps it after the membership ends.
            </p>
          )}
          <CourseCheckout
            stripeConfig={browserStripeConfig(planned.plan.chargeType === "direct" ? planned.plan.stripeAccountId : undefined)}
            chargeType={planned.plan.chargeType}
            courseId={course.id}
            amountMinor={course.priceMinor}
            currency={course.currency}
            priceLabel={price}
          />
          <p className="mt-3 text-center text-xs text-slate-500" data-testid="checkout-payee">
            Paid to {course.seller.name} through Stripe. Card details go straight to Stripe; we never see them.
          </p>
        </div>
      )}
    </div>
  );
}

function Notice({ children }: { children: React.ReactNode }) {
  return <p className="card text-slate-700" data-testid="checkout-notice">{children}</p>;
}
