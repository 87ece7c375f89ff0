"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { protectedAction, type ActionState } from "@/lib/auth/action";
import { courseFormSchema } from "@/lib/courses/course-input";
import { expireCatalogue } from "@/lib/courses/expire-catalogue";
import { createCourse, setCoursePublished, updateCourse, type SaveCourseResult } from "@/lib/courses/seller-courses";

const COURSE_GONE = "That course does not exist or is not yours.";

function saveFailure(result: Exclude<SaveCourseResult, { ok: true }>): ActionState {
  if ("notFound" in result) return { error: COURSE_GONE };
  return { error: "Please correct the fields marked below.", fieldErrors: { [result.field]: [result.message] } };
}

function refreshCatalogue() {
  expireCatalogue();
  revalidatePath("/courses");
  revalidatePath("/seller");
}

export const createCourseAction = protectedAction("seller", courseFormSchema, async (input, seller) => {
  const result = await createCourse(seller.id, input);
  if (!result.ok) return saveFailure(result);
  refreshCatalogue();
  redirect(`/seller?saved=${encodeURIComponent(result.slug)}`);
});

const courseIdSchema = z.string().trim().min(1).max(64);

export const updateCourseAction = protectedAction(
  "seller",
  courseFormSchema.and(z.object({ courseId: courseIdSchema })),
  async ({ courseId, ...input }, seller) => {
    const result = await updateCourse(seller.id, courseId, input);
    if (!result.ok) return saveFailure(result);
    refreshCatalogue();
    revalidatePath(`/courses/${result.slug}`);
    return { ok: true, message: "Saved." };
  },
);

export const setPublishedAction = protectedAction(
  "seller",
  z.object({ courseId: courseIdSchema, published: z.enum(["true", "false"]).transform((v) => v === "true") }),
  async ({ courseId, published }, seller) => {
    const result = await setCoursePublished(seller.id, courseId, published);
    if (result === "not_found") return { error: COURSE_GONE };
    if (result === "cannot_sell") {
      return { error: "Connect a Stripe account that can take payments before publishing." };
    }
    refreshCatalogue();
    return { ok: true, message: published ? "Published: buyers can find it now." : "Unpublished: hidden from the catalogue." };
  },
);
