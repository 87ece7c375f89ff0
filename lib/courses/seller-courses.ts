import { Prisma } from "@/lib/generated/prisma/client";
import { canSellWith } from "@/lib/seller-accounts/connection-status";
import { getSellerConnection } from "@/lib/seller-accounts/seller-connection";
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
      tags: { select: { tag: true }, orderBy: { tag: "asc" } },
      cover: { select: { imageId: true } },
    },
  });
}

export async function createCourse(sellerId: string, { tags, ...input }: CourseInput): Promise<SaveCourseResult> {
  try {
    // The search index follows in the same statements (triggers, see CourseSearchEntry).
    const course = await db.course.create({
      data: { ...input, sellerId, tags: { create: tags.map((tag) => ({ tag })) } },
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
  { tags, ...input }: CourseInput,
): Promise<SaveCourseResult> {
  try {
    // One transaction: the course, its tags and (by trigger) its search entry change together.
    const found = await db.$transaction(async (tx) => {
      const { count } = await tx.course.updateMany({ where: { id: courseId, sellerId }, data: input });
      if (count === 0) return false;
      await tx.courseTag.deleteMany({ where: { courseId, tag: { notIn: tags } } });
      const kept = await tx.courseTag.findMany({ where: { courseId }, select: { tag: true } });
      const added = tags.filter((tag) => !kept.some((row) => row.tag === tag));
      if (added.length > 0) await tx.courseTag.createMany({ data: added.map((tag) => ({ courseId, tag })) });
      return true;
    });
    if (!found) return { ok: false, notFound: true };
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
