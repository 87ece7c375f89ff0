"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { protectedAction, type ActionState } from "@/lib/auth/action";
import {
  addLesson,
  addSection,
  deleteLesson,
  deleteSection,
  moveLesson,
  moveSection,
  removeLessonFile,
  renameSection,
  saveLesson,
  setLessonPublished,
  type EditResult,
} from "@/lib/lessons/edit-curriculum";

const EDITORS = ["seller", "admin"] as const;
const GONE = "That section or lesson does not exist or is not yours.";

const id = z.string().trim().min(1).max(64);
const title = z.string().trim().min(1, "Give it a title.").max(200, "Keep the title under 200 characters.");
const direction = z.enum(["up", "down"]);
const flag = z.enum(["true", "false"]).transform((value) => value === "true");

function answer(result: EditResult, message: string): ActionState {
  if (!result.ok) return { error: GONE };
  // The editor and its lesson pages; the course page and the player read the curriculum on every request.
  revalidatePath(`/seller/courses/${result.courseId}/content`, "layout");
  return { ok: true, message };
}

export const addSectionAction = protectedAction(EDITORS, z.object({ courseId: id, title }), async (input, editor) => {
  const result = await addSection(editor, input.courseId, input.title);
  return result.ok ? answer(result, "Section added.") : { error: "That course does not exist or is not yours." };
});

export const renameSectionAction = protectedAction(EDITORS, z.object({ sectionId: id, title }), async (input, editor) =>
  answer(await renameSection(editor, input.sectionId, input.title), "Section renamed."),
);

export const moveSectionAction = protectedAction(EDITORS, z.object({ sectionId: id, direction }), async (input, editor) =>
  answer(await moveSection(editor, input.sectionId, input.direction), "Section moved."),
);

export const deleteSectionAction = protectedAction(EDITORS, z.object({ sectionId: id }), async (input, editor) =>
  answer(await deleteSection(editor, input.sectionId), "Section deleted with its lessons."),
);

export const addLessonAction = protectedAction(EDITORS, z.object({ sectionId: id, title }), async (input, editor) =>
  answer(await addLesson(editor, input.sectionId, input.title), "Lesson added as a draft."),
);

export const saveLessonAction = protectedAction(
  EDITORS,
  z.object({
    lessonId: id,
    title,
    body: z.string().max(100_000, "Keep the lesson under 100,000 characters.").default(""),
    preview: z.literal("on").optional().transform((value) => value === "on"),
  }),
  async ({ lessonId, ...input }, editor) => answer(await saveLesson(editor, lessonId, input), "Lesson saved."),
);

export const setLessonPublishedAction = protectedAction(EDITORS, z.object({ lessonId: id, published: flag }), async (input, editor) =>
  answer(
    await setLessonPublished(editor, input.lessonId, input.published),
    input.published ? "Published: learners can open it now." : "Unpublished: learners no longer see it.",
  ),
);

export const moveLessonAction = protectedAction(EDITORS, z.object({ lessonId: id, direction }), async (input, editor) =>
  answer(await moveLesson(editor, input.lessonId, input.direction), "Lesson moved."),
);

export const deleteLessonAction = protectedAction(EDITORS, z.object({ lessonId: id }), async (input, editor) =>
  answer(await deleteLesson(editor, input.lessonId), "Lesson deleted."),
);

export const removeLessonFileAction = protectedAction(EDITORS, z.object({ lessonId: id, fileId: id }), async (input, editor) =>
  answer(await removeLessonFile(editor, input.lessonId, input.fileId), "File removed."),
);
