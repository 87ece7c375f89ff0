import { db } from "@/lib/db";
import { replaceImage, type ImageUploadResult } from "@/lib/images/stored-images";
import type { ObjectStorage } from "@/lib/storage/storage";

export const COVER_COURSE_GONE = "That course does not exist or is not yours.";

/**
 * A seller's new cover for their course (ownership is part of both queries): the old cover's
 * stored sizes are deleted once the course points at the new one.
 */
export async function setCourseCover(sellerId: string, courseId: string, bytes: Buffer, storage: ObjectStorage): Promise<ImageUploadResult> {
  const owned = await db.course.count({ where: { id: courseId, sellerId } });
  if (!owned) return { ok: false, status: 404, message: COVER_COURSE_GONE };
  return replaceImage(
    "cover",
    bytes,
    storage,
    (imageId) =>
      db.$transaction(async (tx) => {
        const course = await tx.course.findFirst({ where: { id: courseId, sellerId }, select: { cover: { select: { imageId: true } } } });
        if (!course) return { found: false as const };
        await tx.courseCover.upsert({ where: { courseId }, create: { courseId, imageId }, update: { imageId } });
        return { found: true as const, previous: course.cover?.imageId ?? null };
      }),
    COVER_COURSE_GONE,
  );
}
