import { db } from "@/lib/db";
import { editableCourses, type Viewer } from "./content-access";
import { releaseFiles } from "./lesson-files";

/** Every change names its target by ID and finds it only inside a course the editor may change. */
export type EditResult = { ok: true; courseId: string } | { ok: false; notFound: true };

const NOT_FOUND = { ok: false, notFound: true } as const;

function editableSection(editor: Viewer, sectionId: string) {
  return db.courseSection.findFirst({ where: { id: sectionId, course: editableCourses(editor) }, select: { id: true, courseId: true, position: true } });
}

function editableLesson(editor: Viewer, lessonId: string) {
  return db.lesson.findFirst({
    where: { id: lessonId, course: editableCourses(editor) },
    select: { id: true, courseId: true, sectionId: true, position: true },
  });
}

export async function addSection(editor: Viewer, courseId: string, title: string): Promise<EditResult> {
  const course = await db.course.findFirst({ where: { id: courseId, ...editableCourses(editor) }, select: { id: true } });
  if (!course) return NOT_FOUND;
  await db.$transaction(async (tx) => {
    const last = await tx.courseSection.aggregate({ where: { courseId }, _max: { position: true } });
    await tx.courseSection.create({ data: { courseId, title, position: (last._max.position ?? 0) + 1 } });
  });
  return { ok: true, courseId };
}

export async function renameSection(editor: Viewer, sectionId: string, title: string): Promise<EditResult> {
  const section = await editableSection(editor, sectionId);
  if (!section) return NOT_FOUND;
  await db.courseSection.update({ where: { id: section.id }, data: { title } });
  return { ok: true, courseId: section.courseId };
}

export type Direction = "up" | "down";

/** Swaps the section with its neighbour. */
export async function moveSection(editor: Viewer, sectionId: string, direction: Direction): Promise<EditResult> {
  const section = await editableSection(editor, sectionId);
  if (!section) return NOT_FOUND;
  await db.$transaction(async (tx) => {
    const neighbour = await tx.courseSection.findFirst({
      where: { courseId: section.courseId, position: direction === "up" ? { lt: section.position } : { gt: section.position } },
      orderBy: { position: direction === "up" ? "desc" : "asc" },
      select: { id: true, position: true },
    });
    if (!neighbour) return;
    await tx.courseSection.update({ where: { id: neighbour.id }, data: { position: section.position } });
    await tx.courseSection.update({ where: { id: section.id }, data: { position: neighbour.position } });
  });
  return { ok: true, courseId: section.courseId };
}

/** Deletes the section, its lessons and their learners' progress; files nothing else uses go too. */
export async function deleteSection(editor: Viewer, sectionId: string): Promise<EditResult> {
  const section = await editableSection(editor, sectionId);
  if (!section) return NOT_FOUND;
  const fileIds = await filesOfLessons({ sectionId: section.id });
  await db.courseSection.delete({ where: { id: section.id } });
  await releaseFiles(fileIds);
  return { ok: true, courseId: section.courseId };
}

export async function addLesson(editor: Viewer, sectionId: string, title: string): Promise<EditResult> {
  const section = await editableSection(editor, sectionId);
  if (!section) return NOT_FOUND;
  await db.$transaction(async (tx) => {
    const last = await tx.lesson.aggregate({ where: { sectionId }, _max: { position: true } });
    await tx.lesson.create({ data: { sectionId, courseId: section.courseId, title, position: (last._max.position ?? 0) + 1 } });
  });
  return { ok: true, courseId: section.courseId };
}

export interface LessonInput {
  title: string;
  body: string;
  preview: boolean;
}

export async function saveLesson(editor: Viewer, lessonId: string, input: LessonInput): Promise<EditResult> {
  const lesson = await editableLesson(editor, lessonId);
  if (!lesson) return NOT_FOUND;
  await db.lesson.update({ where: { id: lesson.id }, data: input });
  return { ok: true, courseId: lesson.courseId };
}

export async function setLessonPublished(editor: Viewer, lessonId: string, published: boolean): Promise<EditResult> {
  const lesson = await editableLesson(editor, lessonId);
  if (!lesson) return NOT_FOUND;
  await db.lesson.update({ where: { id: lesson.id }, data: { published } });
  return { ok: true, courseId: lesson.courseId };
}

/**
 * Swaps the lesson with its neighbour in the section; at the section's edge it moves to the end
 * of the previous section or the start of the next one.
 */
export async function moveLesson(editor: Viewer, lessonId: string, direction: Direction): Promise<EditResult> {
  const lesson = await editableLesson(editor, lessonId);
  if (!lesson) return NOT_FOUND;
  await db.$transaction(async (tx) => {
    const up = direction === "up";
    const neighbour = await tx.lesson.findFirst({
      where: { sectionId: lesson.sectionId, position: up ? { lt: lesson.position } : { gt: lesson.position } },
      orderBy: { position: up ? "desc" : "asc" },
      select: { id: true, position: true },
    });
    if (neighbour) {
      await tx.lesson.update({ where: { id: neighbour.id }, data: { position: lesson.position } });
      await tx.lesson.update({ where: { id: lesson.id }, data: { position: neighbour.position } });
      return;
    }
    const section = await tx.courseSection.findUniqueOrThrow({ where: { id: lesson.sectionId }, select: { position: true } });
    const nextSection = await tx.courseSection.findFirst({
      where: { courseId: lesson.courseId, position: up ? { lt: section.position } : { gt: section.position } },
      orderBy: { position: up ? "desc" : "asc" },
      select: { id: true },
    });
    if (!nextSection) return;
    const edge = await tx.lesson.aggregate({ where: { sectionId: nextSection.id }, _max: { position: true }, _min: { position: true } });
    const position = up ? (edge._max.position ?? 0) + 1 : (edge._min.position ?? 1) - 1;
    await tx.lesson.update({ where: { id: lesson.id }, data: { sectionId: nextSection.id, position } });
  });
  return { ok: true, courseId: lesson.courseId };
}

/** Deletes the lesson and, with it, learners' progress on it (so percentages stay true). */
export async function deleteLesson(editor: Viewer, lessonId: string): Promise<EditResult> {
  const lesson = await editableLesson(editor, lessonId);
  if (!lesson) return NOT_FOUND;
  const fileIds = await filesOfLessons({ id: lesson.id });
  await db.lesson.delete({ where: { id: lesson.id } });
  await releaseFiles(fileIds);
  return { ok: true, courseId: lesson.courseId };
}

/** Detaches a video or a file from the lesson; the stored object goes once nothing references it. */
export async function removeLessonFile(editor: Viewer, lessonId: string, fileId: string): Promise<EditResult> {
  const lesson = await editableLesson(editor, lessonId);
  if (!lesson) return NOT_FOUND;
  const [video, attachment] = await db.$transaction([
    db.lesson.updateMany({ where: { id: lesson.id, videoFileId: fileId }, data: { videoFileId: null } }),
    db.lessonAttachment.deleteMany({ where: { lessonId: lesson.id, fileId } }),
  ]);
  if (video.count + attachment.count === 0) return NOT_FOUND;
  await releaseFiles([fileId]);
  return { ok: true, courseId: lesson.courseId };
}

async function filesOfLessons(where: { id?: string; sectionId?: string }): Promise<string[]> {
  const lessons = await db.lesson.findMany({ where, select: { videoFileId: true, attachments: { select: { fileId: true } } } });
  return lessons.flatMap((lesson) => [...(lesson.videoFileId ? [lesson.videoFileId] : []), ...lesson.attachments.map((a) => a.fileId)]);
}
