import type { Metadata } from "next";
import { CourseForm } from "@/components/course-form";
import { requireRole } from "@/lib/auth/guards";
import { sellerFeeNotice } from "@/lib/fees/fee-rule";
import { feeForCourse } from "@/lib/fees/platform-fees";
import { createCourseAction } from "../../actions";

export const metadata: Metadata = { title: "New course" };

export default async function NewCoursePage() {
  const seller = await requireRole("seller", "/seller/courses/new");
  const fee = await feeForCourse({ sellerId: seller.id, feeBasisPoints: null });
  return (
    <>
      <h1 className="page-title">New course</h1>
      <CourseForm
        action={createCourseAction}
        submitLabel="Save draft"
        initial={{ title: "", slug: "", description: "", price: "", currency: "usd", includedInMembership: false, tags: "" }}
        fee={sellerFeeNotice(fee)}
      />
    </>
  );
}
