import { db } from "@/lib/db";
import { contentAccess, lessonOpensFor, type Viewer } from "./content-access";

/** Whole percent, rounded down so 100 % means every lesson is done. */
export function percentComplete(done: number, total: number): number {
  if (total <= 0) return 0;
  return Math.floor((Math.min(done, total) / total) * 100);
}

/** Remembers the lesson a learner opened, for "Continue where you left off". */
export async function recordLessonView(userId: string, lesson: { id: string; courseId: string }): Promise<void> {
  await db.lessonProgress.upsert({
    where: { userId_lessonId: { userId, lessonId: lesson.id } },
    create: { userId, lessonId: lesson.id, courseId: lesson.courseId },
    update: { lastViewedAt: new Date() },
  });
}

export async function setLessonComplete(userId: string, lesson: { id: string; courseId: string }, done: boolean): Promise<void> {
  const completedAt = done ? new Date() : null;
  await db.lessonProgress.upsert({
    where: { userId_lessonId: { userId, lessonId: lesson.id } },
    create: { userId, lessonId: lesson.id, courseId: lesson.courseId, completedAt },
    update: { completedAt, lastViewedAt: new Date() },
  });
}

/** The learner's completed lessons and last opened lesson in one course. */
export async function courseProgress(userId: string, courseId: string) {
  const rows = await db.lessonProgress.findMany({
    where: { userId, courseId, lesson: { published: true } },
    orderBy: { lastViewedAt: "desc" },
    select: { lessonId: true, completedAt: true },
  });
  return {
    completed: new Set(rows.filter((row) => row.completedAt).map((row) => row.lessonId)),
    lastLessonId: rows[0]?.lessonId ?? null,
  };
}

/** Percent complete per course, counting published lessons only, for the library. */
export async function libraryProgress(userId: string, courseIds: string[]): Promise<Map<string, number>> {
  if (courseIds.length === 0) return new Map();
  const [totals, done] = await Promise.all([
    db.lesson.groupBy({ by: ["courseId"], where: { courseId: { in: courseIds }, published: true }, _count: { _all: true } }),
    db.lessonProgress.groupBy({
      by: ["courseId"],
      where: { userId, courseId: { in: courseIds }, completedAt: { not: null }, lesson: { published: true } },
      _count: { _all: true },
    }),
  ]);
  const doneBy = new Map(done.map((row) => [row.courseId, row._count._all]));
  return new Map(totals.map((row) => [row.courseId, percentComplete(doneBy.get(row.courseId) ?? 0, row._count._all)]));
}

/** Marks a lesson done or not done for someone who may open it; null when they may not (or it is gone). */
export async function markLesson(viewer: Viewer, lessonId: string, done: boolean): Promise<{ courseId: string; slug: string } | null> {
  const lesson = await db.lesson.findUnique({
    where: { id: lessonId },
    select: { id: true, courseId: true, published: true, preview: true, course: { select: { id: true, slug: true, sellerId: true } } },
  });
  if (!lesson) return null;
  const access = await contentAccess(viewer, lesson.course);
  if (access.role === "visitor" || !lessonOpensFor(access.role, lesson)) return null;
  await setLessonComplete(viewer.id, lesson, done);
  return { courseId: lesson.courseId, slug: lesson.course.slug };
}
