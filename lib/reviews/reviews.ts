import { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit/audit-log";
import { db } from "@/lib/db";
import { courseAccess } from "@/lib/membership/course-access";
import { syncCourseStats, syncOwnershipChange } from "./course-stats";
import type { ReviewInput } from "./review-input";

export const REVIEWS_PAGE_SIZE = 10;

export type ReviewResult = { ok: true; slug: string } | { ok: false; message: string };

export const REVIEW_MESSAGES = {
  notOwner: "Only people who bought this course or whose membership includes it can review it.",
  ownCourse: "You cannot review your own course.",
  twice: "You have already reviewed this course. Edit your review instead.",
  noReview: "That review does not exist or is not yours.",
  notSeller: "That review does not exist or is not on one of your courses.",
  gone: "That review does not exist.",
} as const;

/** Who may rate a course: its owner by purchase (not refunded, not on hold) or membership, never its seller. */
async function reviewerStanding(userId: string, courseId: string) {
  const course = await db.course.findUnique({ where: { id: courseId }, select: { slug: true, sellerId: true } });
  if (!course) return { ok: false as const, message: REVIEW_MESSAGES.notOwner };
  if (course.sellerId === userId) return { ok: false as const, message: REVIEW_MESSAGES.ownCourse };
  const access = await courseAccess(userId, courseId);
  if (!access.purchased && !access.membership) return { ok: false as const, message: REVIEW_MESSAGES.notOwner };
  return { ok: true as const, slug: course.slug, viaMembership: access.membership };
}

/** A buyer's first review of a course they own; the course's rating follows in the same transaction. */
export async function createReview(userId: string, input: ReviewInput): Promise<ReviewResult> {
  const standing = await reviewerStanding(userId, input.courseId);
  if (!standing.ok) return standing;
  try {
    await db.$transaction(async (tx) => {
      await tx.review.create({
        data: { courseId: input.courseId, authorId: userId, rating: input.rating, body: input.body, viaMembership: standing.viaMembership },
      });
      await syncCourseStats(tx, input.courseId);
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return { ok: false, message: REVIEW_MESSAGES.twice };
    throw error;
  }
  return { ok: true, slug: standing.slug };
}

/** Edits the author's own review, while they still own the course. A hidden review stays hidden. */
export async function updateReview(userId: string, input: ReviewInput): Promise<ReviewResult> {
  const existing = await db.review.findUnique({
    where: { courseId_authorId: { courseId: input.courseId, authorId: userId } },
    select: { id: true, hiddenAt: true },
  });
  if (!existing) return { ok: false, message: REVIEW_MESSAGES.noReview };
  const standing = await reviewerStanding(userId, input.courseId);
  if (!standing.ok) return standing;
  await db.$transaction(async (tx) => {
    await tx.review.update({
      where: { id: existing.id },
      data: { rating: input.rating, body: input.body, viaMembership: standing.viaMembership, counted: !existing.hiddenAt },
    });
    await syncCourseStats(tx, input.courseId);
  });
  return { ok: true, slug: standing.slug };
}

/** The author deletes their review (with the seller's reply); allowed even after a refund. */
export async function deleteReview(userId: string, reviewId: string): Promise<ReviewResult> {
  const review = await db.review.findFirst({ where: { id: reviewId, authorId: userId }, select: { courseId: true, course: { select: { slug: true } } } });
  if (!review) return { ok: false, message: REVIEW_MESSAGES.noReview };
  await db.$transaction(async (tx) => {
    await tx.review.deleteMany({ where: { id: reviewId, authorId: userId } });
    await syncCourseStats(tx, review.courseId);
  });
  return { ok: true, slug: review.course.slug };
}

/** The seller's one reply to a review of their course; saving again replaces it (an edit). */
export async function saveReply(sellerId: string, reviewId: string, reply: string): Promise<ReviewResult> {
  const review = await db.review.findFirst({ where: { id: reviewId, course: { sellerId } }, select: { course: { select: { slug: true } } } });
  if (!review) return { ok: false, message: REVIEW_MESSAGES.notSeller };
  await db.review.updateMany({ where: { id: reviewId, course: { sellerId } }, data: { reply, repliedAt: new Date() } });
  return { ok: true, slug: review.course.slug };
}

/** An admin hides a review (kept, no longer shown or counted) or shows it again; audited in the same transaction. */
export async function setReviewHidden(adminId: string, reviewId: string, hidden: boolean): Promise<ReviewResult> {
  const review = await db.review.findUnique({
    where: { id: reviewId },
    select: { courseId: true, authorId: true, rating: true, hiddenAt: true, course: { select: { slug: true } } },
  });
  if (!review) return { ok: false, message: REVIEW_MESSAGES.gone };
  if (!!review.hiddenAt === hidden) return { ok: true, slug: review.course.slug };
  await db.$transaction(async (tx) => {
    await tx.review.update({ where: { id: reviewId }, data: { hiddenAt: hidden ? new Date() : null } });
    await recordAudit(
      { actorId: adminId, action: hidden ? "review.hidden" : "review.shown", details: { reviewId, courseId: review.courseId, authorId: review.authorId, rating: review.rating } },
      tx,
    );
    // Showing it again re-derives whether it counts, as an ownership change does.
    await syncOwnershipChange(tx, review.authorId, review.courseId);
  });
  return { ok: true, slug: review.course.slug };
}

const reviewColumns = {
  id: true,
  rating: true,
  body: true,
  reply: true,
  repliedAt: true,
  hiddenAt: true,
  createdAt: true,
  updatedAt: true,
  author: { select: { name: true } },
} as const;

/**
 * One page of a course's reviews, newest first: those that count for everyone; admins also see
 * hidden ones (to show them again).
 */
export async function listCourseReviews(courseId: string, page: number, options: { includeHidden?: boolean } = {}) {
  const where: Prisma.ReviewWhereInput = options.includeHidden
    ? { courseId, OR: [{ counted: true }, { hiddenAt: { not: null } }] }
    : { courseId, counted: true };
  const [reviews, total] = await Promise.all([
    db.review.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * REVIEWS_PAGE_SIZE,
      take: REVIEWS_PAGE_SIZE,
      select: reviewColumns,
    }),
    db.review.count({ where }),
  ]);
  return { reviews, total, page, pageCount: Math.max(1, Math.ceil(total / REVIEWS_PAGE_SIZE)) };
}

export type CourseReview = Awaited<ReturnType<typeof listCourseReviews>>["reviews"][number];

/** The viewer's own review of a course (shown to them even when it no longer counts), and whether they may write one. */
export async function viewerReview(userId: string, courseId: string) {
  const [review, standing] = await Promise.all([
    db.review.findUnique({ where: { courseId_authorId: { courseId, authorId: userId } }, select: { ...reviewColumns, counted: true } }),
    reviewerStanding(userId, courseId),
  ]);
  return { review, canReview: standing.ok, reason: standing.ok ? null : standing.message };
}
