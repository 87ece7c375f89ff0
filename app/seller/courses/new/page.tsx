import type { Metadata } from "next";
import { CourseForm } from "@/components/course-form";
import { requireRole } from "@/lib/auth/guards";
import { createCourseAction } from "../../actions";

export const metadata: Metadata = { title: "New course" };

export default async function NewCoursePage() {
  await requireRole("seller", "/seller/courses/new");
  return (
    <>
      <h1 className="page-title">New course</h1>
      <CourseForm
        action={createCourseAction}
        submitLabel="Save draft"
        initial={{ title: "", slug: "", description: "", price: "", currency: "usd", feePercent: "", includedInMembership: false }}
      />
    </>
  );
}
