import { Prisma } from "@/lib/generated/prisma/client";
import { canSellWith } from "@/lib/connect/connection-status";
import { getSellerConnection } from "@/lib/connect/seller-connection";
import { db } from "@/lib/db";
import { ensureSellerProfile } from "@/lib/sellers/seller-profiles";
import type { CourseInput } from "./course-input";

export type SaveCourseResult =
  | { ok: true; id: string; slug: string }
  | { ok: false; field: "slug"; message: string }
  | { ok: false; notFound: true };

const SLUG_TAKEN = "That address is already used by another course. Choose another.";

export function listSellerCourses(sellerId: string) {
  return db.course.findMany({
    where: { sellerId },
    orderBy: { updatedAt: "desc" },
    select: {
      id: true,
      slug: true,
      title: true,
      priceMinor: true,
      currency: true,
      feeBasisPoints: true,
      published: true,
      updatedAt: true,
    },
  });
}

/** Ownership is part of the query: another seller's course is simply not found. */
export function getSellerCourse(sellerId: string, courseId: string) {
  return db.course.findFirst({
    where: { id: courseId, sellerId },
    select: {
      id: true,
      slug: true,
      title: true,
      description: true,
      priceMinor: true,
      currency: true,
      feeBasisPoints: true,
      includedInMembership: true,
      published: true,
      cover: { select: { imageId: true } },
    },
  });
}

export async function createCourse(sellerId: string, input: CourseInput): Promise<SaveCourseResult> {
  try {
    const course = await db.course.create({
      data: { ...input, sellerId },
      select: { id: true, slug: true },
    });
    // A seller's first course gives them a public page to link to.
    await ensureSellerProfile(sellerId);
    return { ok: true, ...course };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, field: "slug", message: SLUG_TAKEN };
    throw error;
  }
}

export async function updateCourse(
  sellerId: string,
  courseId: string,
  input: CourseInput,
): Promise<SaveCourseResult> {
  try {
    const { count } = await db.course.updateMany({ where: { id: courseId, sellerId }, data: input });
    if (count === 0) return { ok: false, notFound: true };
    return { ok: true, id: courseId, slug: input.slug };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, field: "slug", message: SLUG_TAKEN };
    throw error;
  }
}

export type PublishResult = "ok" | "not_found" | "cannot_sell";

/**
 * Publishing needs a connected Stripe account that can take charges; unpublishing never does.
 * Publishing twice keeps the first date.
 */
export async function setCoursePublished(sellerId: string, courseId: string, published: boolean): Promise<PublishResult> {
  const course = await db.course.findFirst({
    where: { id: courseId, sellerId },
    select: { published: true },
  });
  if (!course) return "not_found";
  if (course.published === published) return "ok";
  if (published && !canSellWith(await getSellerConnection(sellerId))) return "cannot_sell";
  await db.course.updateMany({
    where: { id: courseId, sellerId },
    data: { published, publishedAt: published ? new Date() : null },
  });
  return "ok";
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
