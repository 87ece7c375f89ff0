import type { Prisma } from "@/lib/generated/prisma/client";
import { averageHundredths } from "./rating";

type Tx = Prisma.TransactionClient;

/**
 * Recomputes a course's stored rating (count, sum, average of the reviews that count) and student
 * count from their rows, inside the caller's transaction. The first statement takes the course's
 * row lock, so two changes to one course's reviews or enrolments at once are counted one after the
 * other (on PostgreSQL each later read sees the other's committed rows).
 */
export async function syncCourseStats(tx: Tx, courseId: string): Promise<void> {
  const locked = await tx.course.updateMany({ where: { id: courseId }, data: { ratingCount: { increment: 0 } } });
  if (locked.count === 0) return;
  const [ratings, studentCount] = await Promise.all([
    tx.review.aggregate({ where: { courseId, counted: true }, _count: { _all: true }, _sum: { rating: true } }),
    tx.enrolment.count({ where: { courseId, frozenAt: null } }),
  ]);
  const ratingCount = ratings._count._all;
  const ratingSum = ratings._sum.rating ?? 0;
  await tx.course.update({
    where: { id: courseId },
    data: { ratingCount, ratingSum, ratingAverage: averageHundredths(ratingSum, ratingCount), studentCount },
  });
}

/**
 * After a buyer's access to a course changed (bought, refunded, disputed, dispute won or lost):
 * their review counts only while they still own the course — a purchase not on hold, or the
 * membership they wrote it under — and the course's figures follow, in the same transaction.
 */
export async function syncOwnershipChange(tx: Tx, userId: string, courseId: string): Promise<void> {
  const [review, enrolment] = await Promise.all([
    tx.review.findUnique({ where: { courseId_authorId: { courseId, authorId: userId } }, select: { id: true, hiddenAt: true, viaMembership: true } }),
    tx.enrolment.findUnique({ where: { userId_courseId: { userId, courseId } }, select: { frozenAt: true } }),
  ]);
  if (review) {
    const counted = !review.hiddenAt && ((!!enrolment && !enrolment.frozenAt) || review.viaMembership);
    await tx.review.update({ where: { id: review.id }, data: { counted } });
  }
  await syncCourseStats(tx, courseId);
}
