import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CourseForm } from "@/components/course-form";
import { requireRole } from "@/lib/auth/guards";
import { getSellerCourse } from "@/lib/courses/seller-courses";
import { sellerFeeNotice } from "@/lib/fees/fee-rule";
import { feeForCourse } from "@/lib/fees/platform-fees";
import { isCurrency, minorToMajorString } from "@/lib/money";
import { updateCourseAction } from "../../../actions";

export const metadata: Metadata = { title: "Edit course" };

export default async function EditCoursePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const seller = await requireRole("seller", `/seller/courses/${id}/edit`);
  const course = await getSellerCourse(seller.id, id);
  if (!course || !isCurrency(course.currency)) notFound();
  const fee = await feeForCourse({ sellerId: seller.id, feeBasisPoints: course.feeBasisPoints });

  return (
    <>
      <h1 className="page-title">Edit “{course.title}”</h1>
      <CourseForm
        action={updateCourseAction}
        submitLabel="Save changes"
        initial={{
          courseId: course.id,
          title: course.title,
          slug: course.slug,
          description: course.description,
          price: minorToMajorString(course.priceMinor, course.currency),
          currency: course.currency,
          includedInMembership: course.includedInMembership,
          tags: course.tags.map((row) => row.tag).join(", "),
        }}
        fee={sellerFeeNotice(fee, course)}
      />
    </>
  );
}
