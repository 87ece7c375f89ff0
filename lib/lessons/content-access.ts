import { courseAccess } from "@/lib/membership/course-access";
import type { Role } from "@/lib/auth/roles";
import { db } from "@/lib/db";

export interface Viewer {
  id: string;
  role: Role;
}

/**
 * Who may read a course's lessons: the seller and admins see everything (drafts included);
 * owners and members (for an included course) see published lessons, not while the purchase is
 * on hold and not after a full refund (the enrolment is gone then); everyone sees preview lessons.
 */
export type ContentRole = "editor" | "learner" | "visitor";

export interface ContentAccess {
  role: ContentRole;
  /** Bought, but frozen while a dispute is reviewed. */
  onHold: boolean;
  purchased: boolean;
  membership: boolean;
}

export async function contentAccess(viewer: Viewer | null, course: { id: string; sellerId: string }): Promise<ContentAccess> {
  if (!viewer) return { role: "visitor", onHold: false, purchased: false, membership: false };
  if (viewer.role === "admin" || viewer.id === course.sellerId) return { role: "editor", onHold: false, purchased: false, membership: false };
  const access = await courseAccess(viewer.id, course.id);
  return { role: access.purchased || access.membership ? "learner" : "visitor", ...access };
}

/** Whether a lesson opens for this level of access. */
export function lessonOpensFor(role: ContentRole, lesson: { published: boolean; preview: boolean }): boolean {
  if (role === "editor") return true;
  if (!lesson.published) return false;
  return role === "learner" || lesson.preview;
}

/** Which courses an editor may change: their own, or any for an admin. Used inside every edit query. */
export function editableCourses(viewer: Viewer): { sellerId?: string } {
  return viewer.role === "admin" ? {} : { sellerId: viewer.id };
}

/**
 * One stored file through one lesson, for the file route: found only when the file really is that
 * lesson's video or attachment and the viewer may open the lesson.
 */
export async function fileForViewer(viewer: Viewer | null, lessonId: string, fileId: string) {
  const lesson = await db.lesson.findUnique({
    where: { id: lessonId },
    select: {
      published: true,
      preview: true,
      videoFileId: true,
      course: { select: { id: true, sellerId: true, published: true } },
      attachments: { where: { fileId }, select: { id: true } },
    },
  });
  if (!lesson) return null;
  const isVideo = lesson.videoFileId === fileId;
  if (!isVideo && lesson.attachments.length === 0) return null;
  const access = await contentAccess(viewer, lesson.course);
  // A visitor's preview needs a published course; learners keep their course after it is unpublished.
  if (access.role === "visitor" && !lesson.course.published) return null;
  if (!lessonOpensFor(access.role, lesson)) return null;
  const file = await db.storedFile.findUnique({
    where: { id: fileId },
    select: { id: true, storageKey: true, filename: true, contentType: true, sizeBytes: true },
  });
  return file ? { file, isVideo } : null;
}

/** The course, if this editor may change it. */
export function courseForEditor(editor: Viewer, courseId: string) {
  return db.course.findFirst({ where: { id: courseId, ...editableCourses(editor) }, select: { id: true, slug: true, title: true, published: true } });
}

/** A lesson with its files, if this editor may change it. */
export function lessonForEditor(editor: Viewer, lessonId: string) {
  return db.lesson.findFirst({
    where: { id: lessonId, course: editableCourses(editor) },
    select: {
      id: true,
      courseId: true,
      title: true,
      body: true,
      preview: true,
      published: true,
      section: { select: { title: true } },
      videoFile: { select: { id: true, filename: true, sizeBytes: true, durationSeconds: true } },
      attachments: { orderBy: { createdAt: "asc" }, select: { file: { select: { id: true, filename: true, sizeBytes: true, contentType: true } } } },
    },
  });
}

/** A course by slug for its reader, with their access; null when unknown, or unpublished and not theirs. */
export async function courseForReader(viewer: Viewer, slug: string) {
  const course = await db.course.findUnique({
    where: { slug },
    select: { id: true, slug: true, title: true, description: true, published: true, priceMinor: true, currency: true, sellerId: true, seller: { select: { name: true } } },
  });
  if (!course) return null;
  const access = await contentAccess(viewer, course);
  if (!course.published && access.role === "visitor" && !access.onHold) return null;
  return { course, access };
}
